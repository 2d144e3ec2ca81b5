import { auditRepository } from '@dd/accounts';
import { BATCH_FILE_TIME_LIMIT_MINUTES } from '@dd/contract';
import type { BatchFileFailureReason, Db } from '@dd/db';
import { batchesRepository } from './payout-batches.repository';

/**
 * `BATCH_FILE_TIME_LIMIT_MINUTES` (in the contract, because the admin's page states it): a batch whose pain.001 file
 * is not written this long after the attempt started is marked failed (`fileTimedOut`) by the `payouts.batch-sweep`
 * job. Writing the file of the largest batch takes seconds and the job's ten attempts with backoff finish well
 * within this, so it is only reached when the job was lost, never queued, or keeps failing.
 */
export { BATCH_FILE_TIME_LIMIT_MINUTES };

async function markFailed(db: Db, target: { batchId: string } | { before: Date }, reason: BatchFileFailureReason, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const ids = await batchesRepository.markFileFailed(trx, target, reason, now);
    for (const batchId of ids) {
      await auditRepository.append(trx, { actorUserId: null, actorRole: 'system', action: 'payout.batch_file_failed', subjectType: 'payout_batch', subjectId: batchId, details: { reason } });
    }
    return ids;
  });
}

/**
 * The file job of a batch failed for good: the batch says so at once (`fileJobFailed`) instead of "generating".
 * Its payouts stay reserved in the batch: the file is a pure function of them, so "Generate again" can always
 * write it. True when this call marked it; a batch already ready, or already marked failed, is left alone.
 */
export async function failBatchFile(db: Db, batchId: string, now: Date = new Date()): Promise<boolean> {
  return (await markFailed(db, { batchId }, 'fileJobFailed', now)).length > 0;
}

/**
 * The `payouts.batch-sweep` job: every batch still generating `BATCH_FILE_TIME_LIMIT_MINUTES` after its current
 * attempt at the file started (its creation, or the admin's "generate again") is marked failed, with one audit entry each. A second run marks nothing twice: a failed batch keeps
 * its first reason until the admin generates it again.
 */
export async function sweepStuckBatchFiles(db: Db, now: Date = new Date()): Promise<string[]> {
  return markFailed(db, { before: new Date(now.getTime() - BATCH_FILE_TIME_LIMIT_MINUTES * 60_000) }, 'fileTimedOut', now);
}
