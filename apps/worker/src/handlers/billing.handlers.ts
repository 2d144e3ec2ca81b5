import { runStatementImport } from '@dd/billing';
import type { Db } from '@dd/db';
import type { JobHandlers } from '../job.handler';

export function billingHandlers({ db }: { db: Db }) {
  return {
    // One transaction per run; a statement that cannot be read is marked failed (final), anything else retries.
    'billing.statement-import': async ({ statementId }, { logger, reportProgress }) => {
      const result = await runStatementImport(db, statementId, reportProgress);
      logger.info({ statementId, ...result }, 'bank statement import finished');
      return result;
    },
  } satisfies Partial<JobHandlers>;
}
