import type { WorkerEnv } from '@dd/config';
import type { Db } from '@dd/db';
import type { Queues } from '@dd/queue';
import { accountsHandlers } from './accounts.handlers';
import { billingFailureHandlers, billingHandlers } from './billing.handlers';
import { customerDataFailureHandlers, customerDataHandlers } from './customer-data.handlers';
import type { FinalFailureHandlers, JobHandlers } from '../job.handler';
import { ledgerHandlers } from './ledger.handlers';
import { mailFailureHandlers, mailHandlers } from './mail.handlers';
import { maintenanceHandlers } from './maintenance.handlers';
import { marketplaceFailureHandlers, marketplaceHandlers } from './marketplace.handlers';
import { payoutsFailureHandlers, payoutsHandlers } from './payouts.handlers';

export interface HandlerDependencies {
  db: Db;
  /**
   * For handlers that queue follow-up work (an import queues a features recompute). A function,
   * because the worker connects to Redis only after it has checked every job has a handler.
   */
  queues: () => Queues;
  /** The worker's parsed env (libs/config): the handlers' settings are mapped from it, never read from process.env. */
  env: WorkerEnv;
}

/** Every handler of the production registry; a job added to JOBS without one fails to compile here. */
export function createHandlers(dependencies: HandlerDependencies): JobHandlers {
  return {
    ...maintenanceHandlers(dependencies),
    ...customerDataHandlers(dependencies),
    ...ledgerHandlers(dependencies),
    ...payoutsHandlers(dependencies),
    ...billingHandlers(dependencies),
    ...marketplaceHandlers(dependencies),
    ...mailHandlers(dependencies),
    ...accountsHandlers(dependencies),
  };
}

/** What runs when a job has failed for good: the imports end their upload or statement as failed, an export or a batch file its export or batch, mail its message. */
export function createFinalFailureHandlers(dependencies: Pick<HandlerDependencies, 'db'>): FinalFailureHandlers {
  return {
    ...customerDataFailureHandlers(dependencies),
    ...billingFailureHandlers(dependencies),
    ...marketplaceFailureHandlers(dependencies),
    ...mailFailureHandlers(dependencies),
    ...payoutsFailureHandlers(dependencies),
  };
}
