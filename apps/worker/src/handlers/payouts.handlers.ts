import type { Db } from '@dd/db';
import { failBatchFile, reconcileStatementDebits, reconcileStatementReturns, sweepErasedEarnings, sweepStuckBatchFiles, writeBatchFile } from '@dd/payouts';
import type { FinalFailureHandlers, JobHandlers } from '../job.handler';

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
    // The scheduled bookkeeping of payouts, each step idempotent and in its own transaction: open
    // debits of imported bank statements with one of our EndToEndIds are paid payouts; credits with one
    // are returned payouts; and money credited to erased members after their erasure is unclaimed.
    'payouts.reconcile': async (_payload, { logger }) => {
      const debits = await reconcileStatementDebits(db);
      const returns = await reconcileStatementReturns(db);
      const swept = await sweepErasedEarnings(db);
      if (debits.entriesReconciled > 0 || debits.amountMismatches.length > 0) logger.info({ result: debits }, 'payouts reconciled with the bank statement');
      if (returns.entriesReconciled > 0 || returns.amountMismatches.length > 0) logger.info({ result: returns }, 'returned payouts booked from the bank statement');
      if (swept.members > 0) logger.info({ swept }, 'earnings credited after erasure moved to unclaimed');
      return {
        paid: debits.paid.length,
        entriesReconciled: debits.entriesReconciled + returns.entriesReconciled,
        amountMismatches: debits.amountMismatches.length + returns.amountMismatches.length,
        returned: returns.returned.length,
        unclaimedMembers: swept.members,
        unclaimedCents: swept.movedCents,
      };
    },
    // Scheduled: the bound on a batch's file being written (libs/payouts, BATCH_FILE_TIME_LIMIT_MINUTES).
    'payouts.batch-sweep': async (_payload, { logger }) => {
      const failed = await sweepStuckBatchFiles(db);
      if (failed.length > 0) logger.warn({ batchIds: failed }, 'payout batches whose file was not written in time were marked failed');
      return failed.length;
    },
  } satisfies Partial<JobHandlers>;
}

/** When a batch's file job has failed for good, the admin sees the batch failed with its reason at once. */
export function payoutsFailureHandlers({ db }: { db: Db }) {
  return {
    'payouts.batch': async ({ batchId }, { logger }) => {
      if (await failBatchFile(db, batchId)) logger.warn({ batchId }, 'payout batch file failed: its job failed for good');
    },
  } satisfies FinalFailureHandlers;
}
