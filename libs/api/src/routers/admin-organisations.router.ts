import { adminOrganisationSchema, adminOrganisationsInput, adminOrganisationsPageSchema, rejectOrganisationInput, verifyOrganisationInput } from '@dd/contract';
import { adminProcedure } from '../procedures';
import { router } from '../trpc';

/** Advertiser verification: the list with each organisation's details, and one decision each (audited). */
export const adminOrganisationsRouter = router({
  list: adminProcedure
    .input(adminOrganisationsInput)
    .output(adminOrganisationsPageSchema)
    .query(({ ctx, input }) => ctx.services.organisationVerification.list(input)),

  verify: adminProcedure
    .input(verifyOrganisationInput)
    .output(adminOrganisationSchema.omit({ accounts: true }))
    .mutation(({ ctx, input }) => ctx.services.organisationVerification.verify(ctx.viewer.id, input.id)),

  reject: adminProcedure
    .input(rejectOrganisationInput)
    .output(adminOrganisationSchema.omit({ accounts: true }))
    .mutation(({ ctx, input }) => ctx.services.organisationVerification.reject(ctx.viewer.id, input.id, input.reason)),
});
