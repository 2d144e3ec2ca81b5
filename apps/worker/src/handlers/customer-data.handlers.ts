import { failImport, runImport, runRecategorisation, sweepStuckUploads } from '@dd/data-import';
import type { Db } from '@dd/db';
import { failExport, purgeExpiredExports, runErasure, runExport, sweepPendingErasures, sweepStuckExports } from '@dd/gdpr';
import { recomputeFeatures } from '@dd/profile';
import type { Queues } from '@dd/queue';
import type { FinalFailureHandlers, JobHandlers } from '../job.handler';

export function customerDataHandlers({ db, queues }: { db: Db; queues: () => Queues }) {
  return {
    // All or nothing in one database transaction; dedupe keys make a retry add nothing twice.
    'statement.import': async ({ uploadId }, { logger, reportProgress }) => {
      const result = await runImport({ db, queues: queues() }, uploadId, reportProgress);
      logger.info({ uploadId, ...result }, 'statement import finished');
      return result;
    },
    'features.recompute': async ({ customerId }) => recomputeFeatures(db, customerId),
    // Resumes from the run's recorded cursor; a finished run makes this a no-op (libs/data-import).
    'transactions.recategorise': async ({ runId }, { logger }) => {
      const result = await runRecategorisation({ db, queues: queues() }, runId);
      logger.info({ runId, ...result }, 'transactions categorised again with the current rules');
      return result;
    },
    'gdpr.export': async ({ exportId }) => runExport(db, exportId, new Date(), queues()),
    'gdpr.erase': async ({ customerId }, { logger }) => {
      const result = await runErasure(db, customerId, queues());
      logger.info({ result }, 'customer erasure finished');
      return result;
    },
    'exports.purge': async () => purgeExpiredExports(db),
    // Scheduled: the bound on how long an upload may be "being read" (libs/data-import, IMPORT_TIME_LIMIT_MINUTES).
    'imports.sweep': async (_payload, { logger }) => {
      const failed = await sweepStuckUploads(db);
      if (failed.length > 0) logger.warn({ uploadIds: failed }, 'uploads still in progress after the time limit were failed');
      return failed.length;
    },
    // Scheduled: the bounds on an export being prepared and an erasure pending (libs/gdpr, gdpr.limits.ts).
    'gdpr.sweep': async (_payload, { logger }) => {
      const failed = await sweepStuckExports(db);
      const requeued = await sweepPendingErasures({ db, queues: queues() });
      if (failed.length > 0) logger.warn({ exportIds: failed }, 'exports still being prepared after the time limit were failed');
      if (requeued.length > 0) logger.warn({ customerIds: requeued }, 'erasures still pending after the time limit were queued again');
      return { exportsFailed: failed.length, erasuresRequeued: requeued.length };
    },
  } satisfies Partial<JobHandlers>;
}

/** When an import or export job has failed for good, its upload or export ends as failed instead of "in progress" forever. */
export function customerDataFailureHandlers({ db }: { db: Db }) {
  return {
    'statement.import': async ({ uploadId }, { logger }) => {
      if (await failImport(db, uploadId)) logger.warn({ uploadId }, 'upload failed: its import job failed for good');
    },
    'gdpr.export': async ({ exportId }, { logger }) => {
      if (await failExport(db, exportId)) logger.warn({ exportId }, 'export failed: its job failed for good');
    },
  } satisfies FinalFailureHandlers;
}
