import { auditRepository } from '@dd/accounts';
import type { Database, Db, DbTransaction } from '@dd/db';
import { DomainError } from '@dd/errors';
import { ensureOwnedAccount, platformAccounts, postTransaction } from '@dd/ledger';
import { returnReasonsFromCamt053 } from './camt053-returns';
import { batchesRepository } from './payout-batches.repository';
import { RETURN_KIND, requestsRepository, type RequestRow } from './payout-requests.repository';
import { returnsRepository } from './payout-returns.repository';
import { OUR_END_TO_END_ID } from './statement-match';
import { moveUnclaimedEarnings } from './unclaimed-earnings';
import { notifyPayoutReturned } from './payout.notifications';

/** Idempotency keys of a return's ledger transactions: one return per payout, whoever books it. */
export const returnKeys = {
  returned: (requestId: string) => `payout:${requestId}:returned`,
  unclaimed: (requestId: string) => `payout:${requestId}:returned:unclaimed`,
};

/** ISO 20022 "reason not specified (agent generated)": a returned credit that names no reason. */
const UNSPECIFIED_REASON = 'MS03';

interface ReturnBooking {
  reasonCode: string;
  note: string | null;
  /** The admin who said so, or the statement entry that showed it. */
  source: { adminId: string } | { statementEntryId: number };
}

/**
 * Books one return inside the caller's transaction, the request row locked: the payout's money goes
 * back to the member's earnings in a new, correcting ledger transaction (from `payouts_in_transit`
 * when it was still in transit, from `platform_bank` when it had been booked paid: the bank got it
 * back), the request becomes `returned` with its reason, and a batch whose payouts are now all paid or
 * returned is closed. An erased member cannot claim it: it moves on to unclaimed earnings.
 */
async function bookReturn(trx: DbTransaction<Database>, request: RequestRow, booking: ReturnBooking, now: Date): Promise<void> {
  if (request.status !== 'in_transit' && request.status !== 'paid') {
    throw new DomainError('CONFLICT', `Only a payout that was sent to the bank can come back; this one is ${request.status.replace('_', ' ')}.`, undefined, {
      code: 'notReturnable',
      params: { status: request.status },
    });
  }
  const account = await ensureOwnedAccount(trx, 'member_earnings', request.customer_id);
  await requestsRepository.lockAccounts(trx, [account]);
  const platform = await platformAccounts(trx);
  const wasPaid = request.status === 'paid';
  await postTransaction(trx, {
    idempotencyKey: returnKeys.returned(request.id),
    kind: RETURN_KIND,
    reference: request.end_to_end_id,
    postings: [
      { accountId: wasPaid ? platform.platform_bank : platform.payouts_in_transit, amountCents: request.amount_cents },
      { accountId: account, amountCents: -request.amount_cents },
    ],
    metadata: { requestId: request.id, reasonCode: booking.reasonCode, wasPaid },
  });
  await returnsRepository.markReturned(trx, request.id, { at: now, reason: booking.reasonCode, note: booking.note });
  await notifyPayoutReturned(trx, request, booking.reasonCode);
  const item = await returnsRepository.batchOf(trx, request.id);
  if (item) {
    for (const batchId of await batchesRepository.settledBatches(trx, [item.batch_id])) await batchesRepository.markBatchPaid(trx, batchId, now, null);
  }
  const byAdmin = 'adminId' in booking.source;
  await auditRepository.append(trx, {
    actorUserId: byAdmin ? (booking.source as { adminId: string }).adminId : null,
    actorRole: byAdmin ? 'admin' : 'system',
    action: 'payout.returned',
    subjectType: 'payout_request',
    subjectId: request.id,
    details: { reasonCode: booking.reasonCode, note: booking.note, amountCents: request.amount_cents, wasPaid, ...booking.source },
  });
  if (!(await requestsRepository.customer(trx, request.customer_id))) {
    await moveUnclaimedEarnings(trx, request.customer_id, returnKeys.unclaimed(request.id), 'returned payout of an erased member');
  }
}

/**
 * The admin's "Returned by the bank": the bank sent the payout back with a reason code. Idempotent:
 * a payout already returned (by the admin or the statement) stays as it is.
 */
export async function markReturned(
  db: Db,
  adminId: string,
  requestId: string,
  reason: { reasonCode: string; note: string },
  now: Date,
): Promise<{ status: 'returned'; alreadyReturned: boolean }> {
  return db.transaction().execute(async (trx) => {
    const request = await requestsRepository.requestForUpdate(trx, requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'This payout request does not exist.');
    if (request.status === 'returned') return { status: 'returned' as const, alreadyReturned: true };
    await bookReturn(trx, request, { reasonCode: reason.reasonCode, note: reason.note.trim() || null, source: { adminId } }, now);
    return { status: 'returned' as const, alreadyReturned: false };
  });
}

export interface ReturnsResult {
  /** Payout request ids returned now. */
  returned: string[];
  alreadyReturned: string[];
  /** Our EndToEndId on a credit of another amount or currency: left for a person. */
  amountMismatches: { endToEndId: string; expectedCents: number; bookedCents: number }[];
  entriesReconciled: number;
}

/**
 * The automatic path: credits on the platform's imported statements that carry one of our
 * EndToEndIds are returned payouts (a SEPA return names the original EndToEndId). Same amount in
 * euros: the payout is returned with the reason code of the statement (`RtrInf/Rsn/Cd`, read from the
 * stored CAMT.053 file; MS03 "not specified" when it names none) and the entry is `reconciled`. One
 * transaction; a rerun finds nothing waiting.
 */
export async function reconcileStatementReturns(db: Db, now: Date = new Date()): Promise<ReturnsResult> {
  return db.transaction().execute(async (trx) => {
    const result: ReturnsResult = { returned: [], alreadyReturned: [], amountMismatches: [], entriesReconciled: 0 };
    const credits = (await returnsRepository.waitingCredits(trx)).filter((e) => OUR_END_TO_END_ID.test(e.end_to_end_id!.trim()));
    const reasonsOf = new Map<string, Map<string, string>>();
    const done: number[] = [];
    for (const credit of credits) {
      const endToEndId = credit.end_to_end_id!.trim();
      const request = await returnsRepository.requestByEndToEndIdForUpdate(trx, endToEndId);
      if (!request) continue;
      if (credit.currency !== 'EUR' || credit.amount_cents !== request.amount_cents) {
        result.amountMismatches.push({ endToEndId, expectedCents: request.amount_cents, bookedCents: credit.amount_cents });
        continue;
      }
      if (request.status === 'returned') {
        result.alreadyReturned.push(request.id);
        done.push(credit.id);
        continue;
      }
      // Not sent yet (cannot be on a statement): a person looks at it.
      if (request.status !== 'in_transit' && request.status !== 'paid') continue;
      if (!reasonsOf.has(credit.statement_id)) {
        const file = await returnsRepository.statementFile(trx, credit.statement_id);
        reasonsOf.set(credit.statement_id, file ? returnReasonsFromCamt053(file.bytes.toString('utf8')) : new Map());
      }
      const reasonCode = reasonsOf.get(credit.statement_id)!.get(endToEndId) ?? UNSPECIFIED_REASON;
      await bookReturn(trx, request, { reasonCode, note: null, source: { statementEntryId: credit.id } }, now);
      result.returned.push(request.id);
      done.push(credit.id);
    }
    await returnsRepository.reconcileEntries(trx, done, now, 'Payout returned by the bank (EndToEndId matched).');
    result.entriesReconciled = done.length;
    return result;
  });
}
