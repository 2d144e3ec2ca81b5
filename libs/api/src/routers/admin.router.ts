import { adminProcedure } from '../procedures';
import { router } from '../trpc';
import { adminBillingRouter } from './admin-billing.router';
import { adminPayoutsRouter } from './admin-payouts.router';
import { adminAuditRouter } from './admin-audit.router';
import { adminGdprRouter, adminJobsRouter } from './admin-operations.router';
import { adminOrganisationsRouter } from './admin-organisations.router';
import { adminModerationRouter } from './admin-moderation.router';

export const adminRouter = router({
  /** Platform totals for the admin's landing page. */
  overview: adminProcedure.query(({ ctx }) => ctx.services.overview.platform()),
  /** Payments in: bank statements and the review of unmatched credits. */
  billing: adminBillingRouter,
  /** Payouts out: review, batches and their SEPA files. */
  payouts: adminPayoutsRouter,
  /** Purchase requests waiting for review, with their automatic checks, and the decision. */
  moderation: adminModerationRouter,
  /** Advertiser verification. */
  organisations: adminOrganisationsRouter,
  /** The append-only audit log, searched. */
  audit: adminAuditRouter,
  /** Job queues and the retry of a failed job. */
  jobs: adminJobsRouter,
  /** GDPR exports and erasures that are not finished yet. */
  gdpr: adminGdprRouter,
});
