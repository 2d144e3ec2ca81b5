import { runImport } from '@dd/data-import';
import type { Db } from '@dd/db';
import { purgeExpiredExports, runErasure, runExport } from '@dd/gdpr';
import { recomputeFeatures } from '@dd/profile';
import type { Queues } from '@dd/queue';
import type { JobHandlers } from '../job.handler';

export function customerDataHandlers({ db, queues }: { db: Db; queues: () => Queues }) {
  return {
    // All or nothing in one database transaction; dedupe keys make a retry add nothing twice.
    'statement.import': async ({ uploadId }, { logger, reportProgress }) => {
      const result = await runImport({ db, queues: queues() }, uploadId, reportProgress);
      logger.info({ uploadId, ...result }, 'statement import finished');
      return result;
    },
    'features.recompute': async ({ customerId }) => recomputeFeatures(db, customerId),
    'gdpr.export': async ({ exportId }) => runExport(db, exportId),
    'gdpr.erase': async ({ customerId }, { logger }) => {
      const result = await runErasure(db, customerId);
      logger.info({ result }, 'customer erasure finished');
      return result;
    },
    'exports.purge': async () => purgeExpiredExports(db),
  } satisfies Partial<JobHandlers>;
}
