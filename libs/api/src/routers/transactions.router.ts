import { listTransactionsInput, recategoriseInput, spendingInput, spendingSummarySchema, transactionDtoSchema, transactionPageSchema } from '@dd/contract';
import { customerProcedure } from '../procedures';
import { router } from '../trpc';

export const transactionsRouter = router({
  list: customerProcedure
    .input(listTransactionsInput)
    .output(transactionPageSchema)
    .query(({ ctx, input }) => ctx.services.transactions.list(ctx.viewer.id, input)),

  recategorise: customerProcedure
    .input(recategoriseInput)
    .output(transactionDtoSchema)
    .mutation(({ ctx, input }) => ctx.services.transactions.recategorise(ctx.viewer.id, input.transactionId, input.category)),

  spending: customerProcedure
    .input(spendingInput)
    .output(spendingSummarySchema)
    .query(({ ctx, input }) => ctx.services.transactions.spending(ctx.viewer.id, input.months)),
});
