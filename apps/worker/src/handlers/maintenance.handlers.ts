import { sessionRepository } from '@dd/accounts';
import { AUDIENCE_FEED_RETENTION_MS, audienceRepository } from '@dd/audience';
import type { Db } from '@dd/db';
import type { JobHandlers } from '../job.handler';

export function maintenanceHandlers({ db }: { db: Db }) {
  return {
    // Idempotent by nature: a second run finds nothing left to delete.
    'sessions.purge': async (_payload, { logger }) => {
      const deleted = await sessionRepository.deleteExpired(db, new Date());
      logger.info({ deleted }, 'expired and revoked sessions purged');
      return deleted;
    },
    'audience.prune': async (_payload, { logger }) => {
      const deleted = await audienceRepository.pruneChanges(db, new Date(Date.now() - AUDIENCE_FEED_RETENTION_MS));
      logger.info({ deleted }, 'audience change feed pruned');
      return deleted;
    },
  } satisfies Partial<JobHandlers>;
}
