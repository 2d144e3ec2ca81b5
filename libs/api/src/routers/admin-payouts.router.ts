import { z } from 'zod';
import {
  adminPayoutRequestSchema,
  approvePayoutInput,
  createPayoutBatchInput,
  payoutBatchIdInput,
  payoutBatchSchema,
  payoutRequestsInput,
  rejectPayoutInput,
} from '@dd/contract';
import { adminProcedure } from '../procedures';
import { router } from '../trpc';

/** Payouts out: requests (with review reasons), decisions, batches and their pain.001 files. */
export const adminPayoutsRouter = router({
  requests: adminProcedure
    .input(payoutRequestsInput)
    .output(z.array(adminPayoutRequestSchema))
    .query(({ ctx, input }) => ctx.services.payouts.adminRequests(input.status)),

  approve: adminProcedure.input(approvePayoutInput).mutation(({ ctx, input }) => ctx.services.payouts.approve(ctx.viewer.id, input.requestId, input.note)),

  reject: adminProcedure.input(rejectPayoutInput).mutation(({ ctx, input }) => ctx.services.payouts.reject(ctx.viewer.id, input.requestId, input.note)),

  createBatch: adminProcedure
    .input(createPayoutBatchInput)
    .output(payoutBatchSchema)
    .mutation(({ ctx, input }) => ctx.services.payouts.createBatch(ctx.viewer.id, input.requestIds)),

  batches: adminProcedure.output(z.array(payoutBatchSchema)).query(({ ctx }) => ctx.services.payouts.batches()),

  confirmBatch: adminProcedure
    .input(payoutBatchIdInput)
    .output(payoutBatchSchema)
    .mutation(({ ctx, input }) => ctx.services.payouts.confirmBatch(ctx.viewer.id, input.batchId)),
});
