import { z } from 'zod';
import { billingSummarySchema, invoiceIdInput, invoiceListItemSchema, invoiceSchema } from '@dd/contract';
import { advertiserProcedure } from '../procedures';
import { router } from '../trpc';

/** The advertiser's money: how to top up, balance and history, invoices. Always their own organisation's. */
export const billingRouter = router({
  summary: advertiserProcedure.output(billingSummarySchema).query(({ ctx }) => ctx.services.billing.summary(ctx.viewer.organisation?.id)),

  invoices: advertiserProcedure.output(z.array(invoiceListItemSchema)).query(({ ctx }) => ctx.services.billing.invoices(ctx.viewer.organisation?.id)),

  invoice: advertiserProcedure
    .input(invoiceIdInput)
    .output(invoiceSchema)
    .query(({ ctx, input }) => ctx.services.billing.invoice(ctx.viewer.organisation?.id, input.invoiceId)),
});
