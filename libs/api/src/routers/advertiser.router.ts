import { audienceEstimateInput, audienceEstimateOutput, productPricesSchema } from '@dd/contract';
import { advertiserProcedure } from '../procedures';
import { router } from '../trpc';
import { savedSegmentsRouter } from './saved-segments.router';

export const advertiserRouter = router({
  /** The advertiser's own organisation and its verification status. */
  organisation: advertiserProcedure.query(({ ctx }) => ctx.services.overview.organisation(ctx.viewer.organisation?.id)),

  /** A privacy-safe estimate of a segment's audience, for the live segment builder. */
  estimate: advertiserProcedure
    .input(audienceEstimateInput)
    .output(audienceEstimateOutput)
    .query(async ({ ctx, input }) => {
      const organisation = await ctx.services.overview.organisation(ctx.viewer.organisation?.id);
      return ctx.services.estimates.estimate({ id: organisation.id, industry: organisation.industry }, input, input.locale);
    }),

  /** The price per member of each product, for the builder's price estimate (settings PRICE_PER_MEMBER_*_CENTS). */
  prices: advertiserProcedure.output(productPricesSchema).query(({ ctx }) => ctx.services.prices),

  /** Saved segments of the advertiser's own organisation. */
  segments: savedSegmentsRouter,
});
