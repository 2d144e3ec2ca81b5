import { z } from 'zod';
import {
  adminPayoutRequestsPageSchema,
  approvePayoutInput,
  createPayoutBatchInput,
  payoutBatchesInput,
  payoutBatchesPageSchema,
  payoutBatchIdInput,
  payoutBatchSchema,
  payoutRequestsInput,
  rejectPayoutInput,
  returnPayoutInput,
} from '@dd/contract';
import { adminProcedure } from '../procedures';
import { router } from '../trpc';

/** Payouts out: requests (with review reasons), decisions, batches and their pain.001 files, returns. */
export const adminPayoutsRouter = router({
  /** One page (keyset: pass the page's `nextCursor` as `cursor`), with the filter's totals. */
  requests: adminProcedure
    .input(payoutRequestsInput)
    .output(adminPayoutRequestsPageSchema)
    .query(({ ctx, input }) => ctx.services.payouts.adminRequestsPage(input.status, { cursor: input.cursor, limit: input.limit })),

  approve: adminProcedure.input(approvePayoutInput).mutation(({ ctx, input }) => ctx.services.payouts.approve(ctx.viewer.id, input.requestId, input.note)),

  reject: adminProcedure.input(rejectPayoutInput).mutation(({ ctx, input }) => ctx.services.payouts.reject(ctx.viewer.id, input.requestId, input.note)),

  /** "Returned by the bank": the money goes back to the member's available earnings. */
  markReturned: adminProcedure
    .input(returnPayoutInput)
    .output(z.object({ status: z.literal('returned'), alreadyReturned: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.services.payouts.markReturned(ctx.viewer.id, input.requestId, { reasonCode: input.reasonCode, note: input.note })),

  createBatch: adminProcedure
    .input(createPayoutBatchInput)
    .output(payoutBatchSchema)
    .mutation(({ ctx, input }) => ctx.services.payouts.createBatch(ctx.viewer.id, input.requestIds)),

  batches: adminProcedure
    .input(payoutBatchesInput)
    .output(payoutBatchesPageSchema)
    .query(({ ctx, input }) => ctx.services.payouts.batches({ cursor: input.cursor, limit: input.limit })),

  /** "Generate again" for a stuck batch: queues its file job under the same id; a finished batch is left alone. */
  requeueBatch: adminProcedure
    .input(payoutBatchIdInput)
    .output(z.object({ requeued: z.boolean() }))
    .mutation(async ({ ctx, input }) => ({ requeued: (await ctx.services.payouts.requeueBatch(ctx.viewer.id, input.batchId)).requeued })),

  confirmBatch: adminProcedure
    .input(payoutBatchIdInput)
    .output(payoutBatchSchema)
    .mutation(({ ctx, input }) => ctx.services.payouts.confirmBatch(ctx.viewer.id, input.batchId)),
});
