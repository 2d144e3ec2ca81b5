import { billingSettingsFrom, type BillingSettings } from '@dd/billing';
import type { WorkerEnv } from '@dd/config';
import type { Db } from '@dd/db';
import { ledgerSettingsFrom, type LedgerSettings } from '@dd/ledger';
import { failUnfinishedPurchase, fulfilPurchase, requeueApprovedPurchases, runWeeklySalesDigest, sweepStuckPurchases, type FulfilmentStep } from '@dd/marketplace';
import { privacySettingsFrom, type PrivacySettings } from '@dd/privacy';
import type { Queues } from '@dd/queue';
import type { FinalFailureHandlers, JobHandlers } from '../job.handler';

export interface MarketplaceSettings {
  privacy: PrivacySettings;
  billing: BillingSettings;
  ledger: LedgerSettings;
}

/**
 * The settings the API reads as well (k, epsilons, VAT, seller), from the same variables, plus the
 * member share. The worker's env was validated at start-up, so a bad or missing value (production
 * insists on the seller details) refused the start instead of failing every purchase.
 */
function marketplaceSettingsFrom(env: WorkerEnv): MarketplaceSettings {
  return { privacy: privacySettingsFrom(env), billing: billingSettingsFrom(env), ledger: ledgerSettingsFrom(env) };
}

const PROGRESS: Record<FulfilmentStep, number> = { started: 10, frozen: 50, charged: 80, delivered: 100 };

export function marketplaceHandlers({ db, queues, env }: { db: Db; queues: () => Queues; env: WorkerEnv }) {
  const settings = marketplaceSettingsFrom(env);
  return {
    // Every step is keyed to the request, so a retry after a crash resumes where it stopped and ends in the same outcome.
    'marketplace.fulfil': async ({ requestId }, { logger, reportProgress }) => {
      const outcome = await fulfilPurchase(
        { db, queues: queues(), ...settings, onStep: (step) => reportProgress(PROGRESS[step]) },
        requestId,
      );
      logger.info({ outcome }, 'purchase fulfilment finished');
      return outcome;
    },
    'marketplace.requeue': async (_payload, { logger }) => {
      const queued = await requeueApprovedPurchases(db, queues());
      if (queued > 0) logger.warn({ queued }, 'approved purchases without a finished fulfilment were queued again');
      return queued;
    },
    // Scheduled weekly; keyed per member and ISO week, so a rerun tells nobody twice.
    'notifications.weekly-digest': async (_payload, { logger }) => {
      const result = await runWeeklySalesDigest({ db, queues: queues() });
      logger.info(result, 'weekly sales digest written');
      return result;
    },
    // Scheduled: no purchase stays approved or in progress past the time limit (libs/marketplace, PURCHASE_TIME_LIMIT_MINUTES).
    'marketplace.sweep': async (_payload, { logger }) => {
      const failed = await sweepStuckPurchases(db);
      if (failed.length > 0) logger.warn({ requestIds: failed }, 'purchases still open after the time limit were failed and their reservations released');
      return failed.length;
    },
  } satisfies Partial<JobHandlers>;
}

/** When a fulfilment job has failed for good, the advertiser sees the purchase failed (and gets the reservation back) at once. */
export function marketplaceFailureHandlers({ db }: { db: Db }) {
  return {
    'marketplace.fulfil': async ({ requestId }, { logger }) => {
      if (await failUnfinishedPurchase(db, requestId, { code: 'fulfilmentFailed', params: {} })) logger.warn({ requestId }, 'purchase failed: its fulfilment job failed for good');
    },
  } satisfies FinalFailureHandlers;
}
