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
export const adminOrganisationsRouter = router({
  list: adminProcedure
    .input(adminOrganisationsInput)
    .output(adminOrganisationsPageSchema)
    .query(({ ctx, input }) => ctx.services.organisationVerification.list(input)),

  /** Verifies the details as the admin saw them (`detailsVersion`); changed since: CONFLICT `detailsChanged`. */
  verify: adminProcedure
    .input(verifyOrganisationInput)
    .output(decisionOutput)
    .mutation(({ ctx, input }) => ctx.services.organisationVerification.verify(ctx.viewer.id, input.id, input.detailsVersion)),

  reject: adminProcedure
    .input(rejectOrganisationInput)
    .output(decisionOutput)
    .mutation(({ ctx, input }) => ctx.services.organisationVerification.reject(ctx.viewer.id, input.id, input.reason)),

  withdraw: adminProcedure
    .input(withdrawVerificationInput)
    .output(decisionOutput)
    .mutation(({ ctx, input }) => ctx.services.organisationVerification.withdraw(ctx.viewer.id, input.id, input.reason)),
});
