import { createAccountsService, createAuthService, createOverviewService, createSessionService } from '@dd/accounts';
import { createConsentService } from '@dd/consent';
import { createImportService, createTransactionsService } from '@dd/data-import';
import type { Db } from '@dd/db';
import { createGdprService } from '@dd/gdpr';
import { createProfileService } from '@dd/profile';
import { createAudienceEngine, createEstimateService } from '@dd/audience';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createRedisRateLimiter, type Queues } from '@dd/queue';
import { createInsightReportService } from '@dd/reports';

export interface ServiceSettings {
  sessionTtlHours: number;
  privacy?: PrivacySettings;
}

/** Composition root of the domain services the procedures call. */
export function createAppServices(db: Db, queues: Queues, settings: ServiceSettings) {
  const accounts = createAccountsService({ db });
  const sessions = createSessionService({ db, ttlHours: settings.sessionTtlHours });
  const privacy = settings.privacy ?? DEFAULT_PRIVACY_SETTINGS;
  // Built on first use (or at start-up by the API process) and kept fresh from the change feed.
  const audience = createAudienceEngine({ db });
  return {
    audience,
    accounts,
    sessions,
    auth: createAuthService({ accounts, sessions }),
    overview: createOverviewService({ db }),
    imports: createImportService({ db, queues }),
    transactions: createTransactionsService({ db, queues }),
    profile: createProfileService({ db, queues }),
    consent: createConsentService({ db }),
    gdpr: createGdprService({ db, queues }),
    estimates: createEstimateService({ db, engine: audience, limiter: createRedisRateLimiter(queues.connection, queues.prefix), settings: privacy }),
    reports: createInsightReportService({ db, settings: privacy }),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
