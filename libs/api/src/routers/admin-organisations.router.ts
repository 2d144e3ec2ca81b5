import {
  adminOrganisationSchema,
  adminOrganisationsInput,
  adminOrganisationsPageSchema,
  rejectOrganisationInput,
  verifyOrganisationInput,
  withdrawVerificationInput,
} from '@dd/contract';
import { adminProcedure } from '../procedures';
import { router } from '../trpc';

const decisionOutput = adminOrganisationSchema.omit({ accounts: true });

/** Advertiser verification: the list with each organisation's details, one decision each, and withdrawing a verification (all audited). */
/** A decision changes the organisation's status: this process's cached sessions and estimates must see it now. */
function forgettingOrganisation<T>(ctx: { services: { sessions: { forget(scope: { organisationId: string }): void } } }, organisationId: string, result: T): T {
  ctx.services.sessions.forget({ organisationId });
  return result;
}

export const adminOrganisationsRouter = router({
  list: adminProcedure
    .input(adminOrganisationsInput)
    .output(adminOrganisationsPageSchema)
    .query(({ ctx, input }) => ctx.services.organisationVerification.list(input)),

  /** Verifies the details as the admin saw them (`detailsVersion`); changed since: CONFLICT `detailsChanged`. */
  verify: adminProcedure
    .input(verifyOrganisationInput)
    .output(decisionOutput)
    .mutation(async ({ ctx, input }) => forgettingOrganisation(ctx, input.id, await ctx.services.organisationVerification.verify(ctx.viewer.id, input.id, input.detailsVersion))),

  reject: adminProcedure
    .input(rejectOrganisationInput)
    .output(decisionOutput)
    .mutation(async ({ ctx, input }) => forgettingOrganisation(ctx, input.id, await ctx.services.organisationVerification.reject(ctx.viewer.id, input.id, input.reason))),

  withdraw: adminProcedure
    .input(withdrawVerificationInput)
    .output(decisionOutput)
    .mutation(async ({ ctx, input }) => forgettingOrganisation(ctx, input.id, await ctx.services.organisationVerification.withdraw(ctx.viewer.id, input.id, input.reason))),
});
