import { createAccountsService, createAuthService, createOverviewService, createSessionService } from '@dd/accounts';
import { createConsentService } from '@dd/consent';
import { createImportService, createTransactionsService } from '@dd/data-import';
import type { Db } from '@dd/db';
import { createGdprService } from '@dd/gdpr';
import { createProfileService } from '@dd/profile';
import type { Queues } from '@dd/queue';

export interface ServiceSettings {
  sessionTtlHours: number;
}

/** Composition root of the domain services the procedures call. */
export function createAppServices(db: Db, queues: Queues, settings: ServiceSettings) {
  const accounts = createAccountsService({ db });
  const sessions = createSessionService({ db, ttlHours: settings.sessionTtlHours });
  return {
    accounts,
    sessions,
    auth: createAuthService({ accounts, sessions }),
    overview: createOverviewService({ db }),
    imports: createImportService({ db, queues }),
    transactions: createTransactionsService({ db, queues }),
    profile: createProfileService({ db, queues }),
    consent: createConsentService({ db }),
    gdpr: createGdprService({ db, queues }),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
