import { adminProcedure } from '../procedures';
import { router } from '../trpc';
import { adminBillingRouter } from './admin-billing.router';
import { adminPayoutsRouter } from './admin-payouts.router';

export const adminRouter = router({
  /** Platform totals for the admin's landing page. */
  overview: adminProcedure.query(({ ctx }) => ctx.services.overview.platform()),
  /** Payments in: bank statements and the review of unmatched credits. */
  billing: adminBillingRouter,
  /** Payouts out: review, batches and their SEPA files. */
  payouts: adminPayoutsRouter,
});
