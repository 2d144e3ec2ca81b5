import { audienceEstimateInput, audienceEstimateOutput, organisationSchema, productPricesSchema, updateOrganisationInput } from '@dd/contract';
import { advertiserProcedure } from '../procedures';
import { router } from '../trpc';
import { advertiserReportsRouter } from './advertiser-reports.router';
import { purchasesRouter } from './purchases.router';
import { savedSegmentsRouter } from './saved-segments.router';

export const advertiserRouter = router({
  /** The advertiser's own organisation and its verification status. */
  organisation: advertiserProcedure.output(organisationSchema).query(({ ctx }) => ctx.services.organisation.mine(ctx.viewer.organisation?.id)),

  /** Completes or corrects the registration details; saving a rejected organisation resubmits it for verification. */
  updateOrganisation: advertiserProcedure
    .input(updateOrganisationInput)
    .output(organisationSchema)
    .mutation(async ({ ctx, input }) => {
      const organisation = await ctx.services.organisation.update({ userId: ctx.viewer.id, organisationId: ctx.viewer.organisation?.id }, input);
      // Resubmitting changes the status sessions and estimates read.
      if (ctx.viewer.organisation) ctx.services.sessions.forget({ organisationId: ctx.viewer.organisation.id });
      return organisation;
    }),

  /**
   * A privacy-safe estimate of a segment's audience, for the live segment builder. A mutation, not
   * a query: a new question is a release charged to the organisation's budget, and anything that
   * writes goes through the CSRF check (a GET could be triggered from another site).
   */
  estimate: advertiserProcedure
    .input(audienceEstimateInput)
    .output(audienceEstimateOutput)
    .mutation(async ({ ctx, input }) => {
      // The status decides: only verified organisations get estimates, so a withdrawn verification stops them
      // (within the session cache's 2 s when another API process withdrew it).
      const organisation = await ctx.services.sessions.organisation(ctx.viewer.organisation?.id);
      return ctx.services.estimates.estimate(organisation, input, input.locale);
    }),

  /** The price per member of each product, for the builder's price estimate (settings PRICE_PER_MEMBER_*_CENTS). */
  prices: advertiserProcedure.output(productPricesSchema).query(({ ctx }) => ctx.services.prices),

  /** Saved segments of the advertiser's own organisation. */
  segments: savedSegmentsRouter,

  /** Purchase requests: create (reserving the cost), list, read and cancel. */
  purchases: purchasesRouter,

  /** Delivered results to take away (the insight report as CSV). */
  reports: advertiserReportsRouter,
});
