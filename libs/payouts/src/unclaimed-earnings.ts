import { auditRepository } from '@dd/accounts';
import type { Database, Db, DbTransaction } from '@dd/db';
import { platformAccounts, postTransaction } from '@dd/ledger';
import { requestsRepository } from './payout-requests.repository';
import { unclaimedRepository } from './unclaimed-earnings.repository';

export interface UnclaimedResult {
  /** Moved from the member's earnings to the platform's unclaimed_earnings account. */
  movedCents: number;
  /** Still reserved by open requests (in review or approved): those are paid when approved. */
  keptForPayoutCents: number;
}

/**
 * An erased member can no longer claim their earnings: whatever is not reserved by an open payout
 * request (which keeps its IBAN and is paid as usual) moves to the platform's `unclaimed_earnings`
 * account in one ledger transaction under `key`, never silently dropped. Runs inside the caller's
 * transaction (the erasure's, or a rejection's) under a row lock on the earnings account.
 */
export async function moveUnclaimedEarnings(trx: DbTransaction<Database>, customerId: string, key: string, reason: string): Promise<UnclaimedResult> {
  const account = await requestsRepository.memberAccount(trx, customerId);
  if (!account) return { movedCents: 0, keptForPayoutCents: 0 };
  await requestsRepository.lockAccounts(trx, [account.id]);
  const { balance_cents: balance } = await requestsRepository.earningsFigures(trx, customerId, new Date(0));
  const totals = await requestsRepository.requestTotals(trx, customerId);
  const keptForPayoutCents = totals.filter((t) => t.status === 'in_review' || t.status === 'approved').reduce((sum, t) => sum + t.total_cents, 0);
  const movedCents = balance - keptForPayoutCents;
  if (movedCents <= 0) return { movedCents: 0, keptForPayoutCents };
  const { unclaimed_earnings: unclaimed } = await platformAccounts(trx);
  await postTransaction(trx, {
    idempotencyKey: key,
    kind: 'member.earnings_unclaimed',
    postings: [
      { accountId: account.id, amountCents: movedCents },
      { accountId: unclaimed, amountCents: -movedCents },
    ],
    metadata: { reason, keptForPayoutCents },
  });
  await auditRepository.append(trx, {
    actorUserId: null,
    actorRole: 'system',
    action: 'payout.earnings_unclaimed',
    subjectType: 'user',
    subjectId: customerId,
    details: { movedCents, keptForPayoutCents, reason },
  });
  return { movedCents, keptForPayoutCents };
}

/** For the erasure job: called in its transaction after the customer row is deleted. */
export function settleEarningsOnErasure(trx: DbTransaction<Database>, customerId: string): Promise<UnclaimedResult> {
  return moveUnclaimedEarnings(trx, customerId, `erasure:${customerId}:unclaimed`, 'erasure');
}

/** Key of a sweep: pinned to the newest transaction on the account, so the same state is swept once and a later credit gets its own. */
export const lateUnclaimedKey = (customerId: string, lastTransactionId: number) => `erasure:${customerId}:unclaimed:after:${lastTransactionId}`;

/**
 * Money credited to an erased member after the erasure (a sale distributed later, a payout returned
 * by the bank) cannot be claimed either: it moves to `unclaimed_earnings` too. Repeatable and
 * idempotent: each member in its own transaction under the earnings account's row lock, keyed to the
 * account's newest transaction, so two sweeps at once or a rerun move nothing twice. Run by the
 * `payouts.reconcile` job on its schedule.
 */
export async function sweepErasedEarnings(db: Db): Promise<{ members: number; movedCents: number }> {
  let members = 0;
  let movedCents = 0;
  for (const customerId of await unclaimedRepository.erasedWithFreeEarnings(db)) {
    const moved = await db.transaction().execute(async (trx) => {
      const account = await requestsRepository.memberAccount(trx, customerId);
      if (!account) return 0;
      await requestsRepository.lockAccounts(trx, [account.id]);
      // Only a member without a user row is erased; a row means the money is theirs to claim.
      if (await requestsRepository.customer(trx, customerId)) return 0;
      const last = await unclaimedRepository.lastTransactionId(trx, account.id);
      return (await moveUnclaimedEarnings(trx, customerId, lateUnclaimedKey(customerId, last), 'credited after erasure')).movedCents;
    });
    if (moved > 0) {
      members += 1;
      movedCents += moved;
    }
  }
  return { members, movedCents };
}
