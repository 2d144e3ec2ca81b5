import type { Db } from '@dd/db';
import { reconcileStatementDebits, writeBatchFile } from '@dd/payouts';
import type { JobHandlers } from '../job.handler';

export function payoutsHandlers({ db }: { db: Db }) {
  return {
    // The batch's payouts and ledger moves were fixed when the admin created it; this writes its
    // pain.001 file. A retry after a crash writes the same bytes (or finds them written).
    'payouts.batch': async ({ batchId }, { logger }) => {
      const result = await writeBatchFile(db, batchId);
      if (result === 'missing') logger.warn({ batchId }, 'payout batch not found; nothing to write');
      else logger.info({ result }, 'payout batch file written');
      return result;
    },
    // Open debits of imported bank statements with one of our EndToEndIds: those payouts are paid.
    'payouts.reconcile': async (_payload, { logger }) => {
      const result = await reconcileStatementDebits(db);
      if (result.entriesReconciled > 0 || result.amountMismatches.length > 0) logger.info({ result }, 'payouts reconciled with the bank statement');
      return { paid: result.paid.length, entriesReconciled: result.entriesReconciled, amountMismatches: result.amountMismatches.length };
    },
  } satisfies Partial<JobHandlers>;
}
