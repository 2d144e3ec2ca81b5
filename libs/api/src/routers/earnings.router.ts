import { z } from 'zod';
import { earningsSummarySchema, payoutSchema, requestPayoutInput } from '@dd/contract';
import { customerProcedure } from '../procedures';
import { router } from '../trpc';

export const earningsRouter = router({
  /** Earned, pending, available, in payout and paid out, a monthly series, and the payout rules. */
  summary: customerProcedure.output(earningsSummarySchema).query(({ ctx }) => ctx.services.payouts.summary(ctx.viewer.id)),

  /** Reserves the amount for a payout to the IBAN; a shared IBAN sends it to the admin for review. */
  requestPayout: customerProcedure
    .input(requestPayoutInput)
    .output(payoutSchema)
    .mutation(({ ctx, input }) => ctx.services.payouts.requestPayout(ctx.viewer.id, input)),

  payouts: customerProcedure.output(z.array(payoutSchema)).query(({ ctx }) => ctx.services.payouts.payouts(ctx.viewer.id)),
});
