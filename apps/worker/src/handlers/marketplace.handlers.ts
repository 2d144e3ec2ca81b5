import { billingSettingsFromEnv, type BillingSettings } from '@dd/billing';
import type { Db } from '@dd/db';
import { ledgerSettingsFromEnv, type LedgerSettings } from '@dd/ledger';
import { fulfilPurchase, requeueApprovedPurchases, type FulfilmentStep } from '@dd/marketplace';
import { privacySettingsFromEnv, type PrivacySettings } from '@dd/privacy';
import type { Queues } from '@dd/queue';
import type { JobHandlers } from '../job.handler';

export interface MarketplaceSettings {
  privacy: PrivacySettings;
  billing: BillingSettings;
  ledger: LedgerSettings;
}

/**
 * The settings the API reads as well (k, epsilons, VAT, seller, member share), from the same
 * variables. Read when the handlers are built, so a worker with a bad or missing value (production
 * insists on the seller details) refuses to start instead of failing every purchase.
 */
function settingsFromEnv(): MarketplaceSettings {
  return { privacy: privacySettingsFromEnv(process.env), billing: billingSettingsFromEnv(process.env), ledger: ledgerSettingsFromEnv(process.env) };
}

const PROGRESS: Record<FulfilmentStep, number> = { started: 10, frozen: 50, charged: 80, delivered: 100 };

export function marketplaceHandlers({ db, queues, settings = settingsFromEnv() }: { db: Db; queues: () => Queues; settings?: MarketplaceSettings }) {
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
  } satisfies Partial<JobHandlers>;
}
