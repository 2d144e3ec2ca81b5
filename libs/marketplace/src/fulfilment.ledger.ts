import type { Database, Db, DbTransaction } from '@dd/db';
import { ensureOwnedAccount, type TransactionInput } from '@dd/ledger';
import { purchaseRepository } from './purchase.repository';
import { reservationKeys } from './purchase.reservation';

/**
 * The release of a purchase's reservation (advertiser_reserved → advertiser_balance) as a ledger
 * transaction to post inside the charging transaction (recordPurchase's `release`). The very same
 * content as `release()` of purchase.reservation (key, kind, what the reserve actually moved), so
 * whichever path posts it first, the other finds it done, and the money comes back only once.
 * Null when the request never had a reservation posted: nothing to release.
 */
export async function releaseTransaction(
  db: Db | DbTransaction<Database>,
  request: { id: string; organisation_id: string },
): Promise<{ amountCents: number; transaction: TransactionInput } | null> {
  const cents = await purchaseRepository.postedCents(db, reservationKeys.reserve(request.id));
  if (!cents) return null;
  const reserved = await ensureOwnedAccount(db, 'advertiser_reserved', request.organisation_id);
  const balance = await ensureOwnedAccount(db, 'advertiser_balance', request.organisation_id);
  return {
    amountCents: cents,
    transaction: {
      idempotencyKey: reservationKeys.release(request.id),
      kind: 'purchase.release',
      metadata: { requestId: request.id },
      postings: [
        { accountId: reserved, amountCents: cents },
        { accountId: balance, amountCents: -cents },
      ],
    },
  };
}
