import type { Db } from '@dd/db';
import { enqueue, type Queues } from '@dd/queue';
import { gdprRepository } from './gdpr.repository';
import { ERASURE_TIME_LIMIT_MINUTES, EXPORT_TIME_LIMIT_MINUTES } from './gdpr.limits';

const MINUTE_MS = 60_000;

/** The BullMQ job id of a customer's erasure: requesting or re-queuing it twice queues one job. */
export const erasureJobId = (customerId: string) => `erase-${customerId}`;

/**
 * The export job failed for good (its attempts used up): the export ends as failed instead of "being prepared"
 * forever. True when this call failed it; an export already ready or failed is left alone.
 */
export async function failExport(db: Db, exportId: string): Promise<boolean> {
  return (await gdprRepository.failInProgress(db, { exportId }, 'exportFailed')).length > 0;
}

/**
 * The export half of the `gdpr.sweep` job: every export still in progress `EXPORT_TIME_LIMIT_MINUTES` after it was
 * asked for is failed, whatever happened to its job. A run still going finds it failed when it commits and stores
 * nothing. Running it again fails nothing twice: only exports in progress are touched.
 */
export async function sweepStuckExports(db: Db, now: Date = new Date()): Promise<string[]> {
  return gdprRepository.failInProgress(db, { before: new Date(now.getTime() - EXPORT_TIME_LIMIT_MINUTES * MINUTE_MS) }, 'exportTimedOut');
}

/**
 * The erasure half of the `gdpr.sweep` job: an erasure pending longer than `ERASURE_TIME_LIMIT_MINUTES` whose job
 * is gone (lost with Redis) or failed for good is queued again under its own job id. A job still waiting or
 * running is left alone, so a second sweep (or two at once) queues nothing more. Returns the customers re-queued.
 */
export async function sweepPendingErasures(deps: { db: Db; queues: Queues }, now: Date = new Date()): Promise<string[]> {
  const pending = await gdprRepository.erasuresPendingSince(deps.db, new Date(now.getTime() - ERASURE_TIME_LIMIT_MINUTES * MINUTE_MS));
  const queue = deps.queues.get('gdpr');
  const requeued: string[] = [];
  for (const { id } of pending) {
    const job = await queue.getJob(erasureJobId(id));
    const state = job ? await job.getState() : 'missing';
    if (state !== 'missing' && state !== 'failed' && state !== 'completed' && state !== 'unknown') continue;
    // BullMQ ignores a new job whose id it still keeps, so a failed or completed one is removed first.
    await job?.remove().catch(() => undefined);
    await enqueue(deps.queues, 'gdpr.erase', { customerId: id }, { jobId: erasureJobId(id) });
    requeued.push(id);
  }
  return requeued;
}
