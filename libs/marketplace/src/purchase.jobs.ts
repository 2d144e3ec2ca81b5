import type { Db } from '@dd/db';
import { enqueue, type Queues } from '@dd/queue';

/** One fulfilment job per request, however often approval is retried (idempotency layer one). */
export const fulfilmentJobId = (requestId: string) => `fulfil-${requestId}`;

/** Queues the fulfilment of an approved request (libs/queue: `marketplace.fulfil`). */
export function enqueueFulfilment(queues: Queues, requestId: string) {
  return enqueue(queues, 'marketplace.fulfil', { requestId }, { jobId: fulfilmentJobId(requestId) });
}

/**
 * Approval commits first and queues the job after, so a Redis outage at that moment leaves an
 * approved request without a job. This sweep (scheduled) queues every request approved longer ago
 * than `olderThanMs` again; the job id is the same, so a job that exists is not queued twice.
 */
export async function requeueApprovedPurchases(db: Db, queues: Queues, olderThanMs = 5 * 60_000, now = new Date()): Promise<number> {
  const rows = await db
    .selectFrom('purchase_requests')
    .select('id')
    .where('status', '=', 'approved')
    .where('decided_at', '<', new Date(now.getTime() - olderThanMs))
    .orderBy('decided_at')
    .limit(1_000)
    .execute();
  for (const row of rows) await enqueueFulfilment(queues, row.id);
  return rows.length;
}
