import type { Db } from '@dd/db';
import type { Queues } from '@dd/queue';
import { billingHandlers } from './billing.handlers';
import { customerDataHandlers } from './customer-data.handlers';
import type { JobHandlers } from '../job.handler';
import { ledgerHandlers } from './ledger.handlers';
import { maintenanceHandlers } from './maintenance.handlers';
import { marketplaceHandlers } from './marketplace.handlers';
import { payoutsHandlers } from './payouts.handlers';

export interface HandlerDependencies {
  db: Db;
  /**
   * For handlers that queue follow-up work (an import queues a features recompute). A function,
   * because the worker connects to Redis only after it has checked every job has a handler.
   */
  queues: () => Queues;
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
  };
}
