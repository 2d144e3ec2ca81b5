import { auditRepository } from '@dd/accounts';
import type { Db } from '@dd/db';
import type { PurchaseFailure } from './fulfilment.policy';
import { fulfilmentRepository } from './fulfilment.repository';
import { release } from './purchase.reservation';

/**
 * An approved purchase ends, delivered or failed, within this many minutes of its approval. A
 * fulfilment normally takes seconds and its job retries for about a quarter of an hour; what is
 * still open after this is stuck (a lost job, a job that failed for good) and is failed by the sweep.
 */
export const PURCHASE_TIME_LIMIT_MINUTES = 30;

/**
 * Ends one approved or in-progress request as failed with `failure` and gives its reservation back,
 * in one transaction under the request's row lock. A request already charged (its sale recorded) is
 * left to its job, which finishes it from the recorded sale; a finished one is left alone, so running
 * this twice releases nothing twice. True when it failed the request.
 */
export async function failUnfinishedPurchase(db: Db, requestId: string, failure: PurchaseFailure): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await fulfilmentRepository.lockRequest(trx, requestId);
    if (!row || (row.status !== 'approved' && row.status !== 'fulfilling')) return false;
    if (await fulfilmentRepository.saleByKey(trx, `purchase:${requestId}`)) return false;
    await fulfilmentRepository.markFailed(trx, requestId, failure);
    const released = await release(trx, row);
    await auditRepository.append(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'purchase.failed',
      subjectType: 'purchase_request',
      subjectId: requestId,
      details: { failure, releaseTransactionId: released?.transactionId ?? null },
    });
    return true;
  });
}

/**
 * The scheduled backstop (`marketplace.sweep`): every request approved longer than the time limit
 * ago and still not delivered or failed is failed with `fulfilmentTimedOut`, so the advertiser sees
 * an end and a reason, and the reservation returns to their balance. Returns the ids it failed.
 */
export async function sweepStuckPurchases(db: Db, now = new Date(), limitMinutes = PURCHASE_TIME_LIMIT_MINUTES): Promise<string[]> {
  const candidates = await fulfilmentRepository.unfinishedSince(db, new Date(now.getTime() - limitMinutes * 60_000), 1_000);
  const failed: string[] = [];
  for (const id of candidates) {
    if (await failUnfinishedPurchase(db, id, { code: 'fulfilmentTimedOut', params: { minutes: limitMinutes } })) failed.push(id);
  }
  return failed;
}
