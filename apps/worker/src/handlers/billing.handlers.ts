import { failStatementImport, runStatementImport, sweepStuckStatements } from '@dd/billing';
import type { Db } from '@dd/db';
import type { FinalFailureHandlers, JobHandlers } from '../job.handler';

export function billingHandlers({ db }: { db: Db }) {
  return {
    // One transaction per run; a statement that cannot be read is marked failed (final), anything else retries,
    // and when the retries are used up billingFailureHandlers fails it.
    'billing.statement-import': async ({ statementId }, { logger, reportProgress }) => {
      const result = await runStatementImport(db, statementId, reportProgress);
      logger.info({ statementId, ...result }, 'bank statement import finished');
      return result;
    },
    // Scheduled: no statement stays "processing" past the time limit (libs/data-import, IMPORT_TIME_LIMIT_MINUTES).
    'billing.statement-sweep': async (_payload, { logger }) => {
      const failed = await sweepStuckStatements(db);
      if (failed.length > 0) logger.warn({ statementIds: failed }, 'bank statements still in progress after the time limit were failed');
      return failed.length;
    },
  } satisfies Partial<JobHandlers>;
}

/** When a statement's import job has failed for good, the admin's list shows it failed, not "processing". */
export function billingFailureHandlers({ db }: { db: Db }) {
  return {
    'billing.statement-import': async ({ statementId }, { logger }) => {
      if (await failStatementImport(db, statementId)) logger.warn({ statementId }, 'bank statement failed: its import job failed for good');
    },
  } satisfies FinalFailureHandlers;
}
