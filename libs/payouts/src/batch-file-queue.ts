import { auditRepository } from '@dd/accounts';
import type { BatchFileJob } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { enqueue, QueueUnavailableError, type Queues } from '@dd/queue';
import { batchesRepository, type BatchRow } from './payout-batches.repository';

/** The BullMQ job id of a batch's file: creating or re-queuing it twice queues one job. */
export const batchFileJobId = (batchId: string) => `payout-batch-${batchId}`;

/**
 * A batch generating this long without a job on its way is stuck: the job was never queued (Redis
 * was down when the admin created the batch) or was dropped. A failed job is stuck at once (BullMQ
 * marks it failed only after its last attempt).
 */
export const STUCK_AFTER_MS = 2 * 60_000;

export function enqueueBatchFile(queues: Queues, batchId: string) {
  return enqueue(queues, 'payouts.batch', { batchId }, { jobId: batchFileJobId(batchId) });
}

/** How long the admin's list waits for Redis before it says `unknown`: the page must not hang on a Redis outage. */
const STATE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), STATE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Where the file job of a generating batch is; `unknown` when Redis does not answer. */
export async function batchFileJobState(queues: Queues, batchId: string): Promise<Exclude<BatchFileJob, null>> {
  try {
    const job = await withTimeout(queues.get('payouts').getJob(batchFileJobId(batchId)));
    if (!job) return 'missing';
    const state = await withTimeout(job.getState());
    if (state === 'active') return 'running';
    if (state === 'failed') return 'failed';
    // Completed while the batch still says generating: the run did not write the file.
    if (state === 'completed' || state === 'unknown') return 'missing';
    return 'queued';
  } catch {
    return 'unknown';
  }
}

export function isStuck(batch: Pick<BatchRow, 'status' | 'created_at'>, job: BatchFileJob, now: Date): boolean {
  if (batch.status !== 'generating' || job === 'queued' || job === 'running') return false;
  return job === 'failed' || now.getTime() - batch.created_at.getTime() >= STUCK_AFTER_MS;
}

/**
 * "Generate again": queues the file job of a batch that is still generating, under the same job id.
 * Idempotent: a job already waiting or running is left alone, a finished batch is left alone (its
 * file exists and is never replaced), and the job writes the same bytes whenever it runs. A failed
 * or completed job is removed first, because BullMQ ignores a new job whose id it still keeps.
 */
export async function requeueBatchFile(
  deps: { db: Db; queues: Queues },
  adminId: string,
  batchId: string,
  now: Date = new Date(),
): Promise<{ requeued: boolean; previousJob: BatchFileJob }> {
  const batch = await batchesRepository.batch(deps.db, batchId);
  if (!batch) throw new DomainError('NOT_FOUND', 'This payout batch does not exist.');
  if (batch.status !== 'generating') return { requeued: false, previousJob: null };

  const previousJob = await batchFileJobState(deps.queues, batchId);
  if (previousJob === 'unknown') throw new QueueUnavailableError('payouts.batch');
  if (previousJob === 'queued' || previousJob === 'running') return { requeued: false, previousJob };
  // A new attempt: the batch is generating again, with a fresh time limit.
  await batchesRepository.startFileAttempt(deps.db, batchId, now);
  const kept = await deps.queues.get('payouts').getJob(batchFileJobId(batchId));
  // Removing races with nobody: a failed or completed job is not picked up again by a worker.
  await kept?.remove().catch(() => undefined);
  await enqueueBatchFile(deps.queues, batchId);
  await auditRepository.append(deps.db, {
    actorUserId: adminId,
    actorRole: 'admin',
    action: 'payout.batch_requeued',
    subjectType: 'payout_batch',
    subjectId: batchId,
    details: { previousJob, payouts: batch.payout_count, totalCents: batch.total_cents },
  });
  return { requeued: true, previousJob };
}
