import { z } from 'zod';
import { decidePurchaseInput, moderationItemSchema, moderationQueueInput, purchaseDecisionSchema } from '@dd/contract';
import { adminProcedure } from '../procedures';
import { router } from '../trpc';

/** Moderation of purchase requests (`admin.moderation.*`): the queue with its automatic checks, and the decision. */
export const adminModerationRouter = router({
  queue: adminProcedure
    .input(moderationQueueInput)
    .output(z.array(moderationItemSchema))
    .query(({ ctx, input }) => ctx.services.moderation.queue(input.locale)),

  /** Approve (queues fulfilment) or reject with a reason the advertiser reads (releases the reservation). */
  decide: adminProcedure
    .input(decidePurchaseInput)
    .output(purchaseDecisionSchema)
    .mutation(({ ctx, input }) => ctx.services.moderation.decide(ctx.viewer.id, input)),
});
