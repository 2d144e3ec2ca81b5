import { z } from 'zod';
import { inboxActionInput, inboxOfferSchema, offerClickResultSchema, offerDismissResultSchema } from '@dd/contract';
import { customerProcedure } from '../procedures';
import { router } from '../trpc';

/** The signed-in customer's offers inbox; another customer's offer is NOT_FOUND, never FORBIDDEN. */
export const offersRouter = router({
  inbox: customerProcedure.output(z.array(inboxOfferSchema)).query(({ ctx }) => ctx.services.offersInbox.inbox(ctx.viewer.id)),

  open: customerProcedure
    .input(inboxActionInput)
    .output(inboxOfferSchema)
    .mutation(({ ctx, input }) => ctx.services.offersInbox.open(ctx.viewer.id, input.requestId)),

  /** Records the click (once) and returns the offer's link for the portal to open. */
  click: customerProcedure
    .input(inboxActionInput)
    .output(offerClickResultSchema)
    .mutation(({ ctx, input }) => ctx.services.offersInbox.click(ctx.viewer.id, input.requestId)),

  dismiss: customerProcedure
    .input(inboxActionInput)
    .output(offerDismissResultSchema)
    .mutation(({ ctx, input }) => ctx.services.offersInbox.dismiss(ctx.viewer.id, input.requestId)),
});
