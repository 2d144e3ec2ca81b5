import type { Db } from '@dd/db';
import { distributeSale } from '@dd/ledger';
import type { JobHandlers } from '../job.handler';

export function ledgerHandlers({ db }: { db: Db }) {
  return {
    // Resumable: finished batches are skipped by their keys, so a retry after a crash only posts the rest.
    'ledger.distribute': async ({ saleId }, { logger, reportProgress }) => {
      const result = await distributeSale(db, saleId, { onProgress: (done, total) => reportProgress((100 * done) / total) });
      logger.info({ result }, 'sale distributed');
      return result;
    },
  } satisfies Partial<JobHandlers>;
}
