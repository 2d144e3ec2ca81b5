import { createAccountsService, createAuthService, createOverviewService, createSessionService } from '@dd/accounts';
import type { Db } from '@dd/db';

export interface ServiceSettings {
  sessionTtlHours: number;
}

/** Composition root of the domain services the procedures call. */
export function createAppServices(db: Db, settings: ServiceSettings) {
  const accounts = createAccountsService({ db });
  const sessions = createSessionService({ db, ttlHours: settings.sessionTtlHours });
  return { accounts, sessions, auth: createAuthService({ accounts, sessions }), overview: createOverviewService({ db }) };
}

export type AppServices = ReturnType<typeof createAppServices>;
