import { z } from 'zod';
import { dataExportSchema, dataUseReceiptSchema, eraseAccountInput, privacyBudgetUsageSchema } from '@dd/contract';
import { customerProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';

export const privacyRouter = router({
  timeline: customerProcedure.output(z.array(dataUseReceiptSchema)).query(({ ctx }) => ctx.services.gdpr.timeline(ctx.viewer.id)),

  /** How much of the customer's own privacy budget reports used this month, and which reports. */
  budget: customerProcedure.output(privacyBudgetUsageSchema).query(({ ctx }) => ctx.services.reports.memberUsage(ctx.viewer.id)),

  requestExport: customerProcedure
    .use(rateLimited(RATE_LIMITS.dataExport))
    .output(dataExportSchema)
    .mutation(({ ctx }) => ctx.services.gdpr.requestExport(ctx.viewer.id)),

  exports: customerProcedure.output(z.array(dataExportSchema)).query(({ ctx }) => ctx.services.gdpr.exports(ctx.viewer.id)),

  erase: customerProcedure.input(eraseAccountInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.services.gdpr.requestErasure(ctx.viewer.id, input.confirmEmail);
    // The erasure ended every session of the account in the database; this process's cache must not keep one alive.
    ctx.services.sessions.forget({ userId: ctx.viewer.id });
    ctx.cookie.clear();
    return result;
  }),
});
