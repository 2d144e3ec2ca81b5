import type { Db } from '@dd/db';
import type { JobHandlers } from '../job.handler';
import { maintenanceHandlers } from './maintenance.handlers';

export interface HandlerDependencies {
  db: Db;
}

/** Every handler of the production registry; a job added to JOBS without one fails to compile here. */
export function createHandlers(dependencies: HandlerDependencies): JobHandlers {
  return {
    ...maintenanceHandlers(dependencies),
  };
}
