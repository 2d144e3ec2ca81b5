import { auditRepository } from '@dd/accounts';
import type { Database, Db, DbTransaction } from '@dd/db';
import { platformAccounts, postTransaction } from '@dd/ledger';
import { batchKeys } from './payout-batch.service';
import { batchesRepository } from './payout-batches.repository';
import { notifyPayoutSent } from './payout.notifications';

/** One booking of the platform's own bank statement (CAMT.053 `Ntry` or its `TxDtls`), as an import reads it. */
export interface StatementEntry {
  /** `NtryDtls/TxDtls/Refs/EndToEndId`; bookings without one are not payouts. */
  endToEndId: string | null | undefined;
  /** Unsigned amount in cents, as `Amt` states it. */
  amountCents: number;
  /** `CdtDbtInd`: only debits pay out; a credit with a payout's EndToEndId is a return, left for a person. */
  direction: 'debit' | 'credit';
  /** `RvslInd` true: a reversal, never taken as a payment. */
  reversal?: boolean;
}

export interface StatementMatchResult {
  /** Payout request ids marked paid now. */
  paid: string[];
  /** EndToEndIds of payouts that were paid before (the same statement imported again, or confirmed by the admin). */
  alreadyPaid: string[];
  /**
   * EndToEndIds of payouts returned before their debit was matched: nothing to book (the return took
   * the money back from in transit, and the bank's debit and return credit cancel out).
   */
  alreadyReturned: string[];
  /** Every EndToEndId that is now accounted for: paid now or before, or returned. The statement entries can be closed. */
  reconciled: string[];
  /** Our EndToEndId with another amount: not booked, for a person to look at. */
  amountMismatches: { endToEndId: string; expectedCents: number; bookedCents: number }[];
  /** Batches whose payouts are now all paid, marked paid. */
  batchesSettled: string[];
}

export const OUR_END_TO_END_ID = /^DDE[0-9A-F]{32}$/;

/**
 * For the platform statement import (libs/billing): debits that carry the EndToEndId of a payout in
 * transit mark that payout paid, with one ledger transaction per payout (`payout:<id>:paid`: from
 * `payouts_in_transit` to the bank). Importing the same statement again, or confirming the batch as
 * well, pays nothing twice (the payout's status under a row lock, and the idempotency key). A batch
 * whose payouts are all paid is closed. Pass the import's transaction to book in it; with a Db the
 * function opens its own.
 */
export async function markPaidFromStatementEntries(
  executor: Db | DbTransaction<Database>,
  entries: readonly StatementEntry[],
  now: Date = new Date(),
): Promise<StatementMatchResult> {
  const debits = entries.filter((e) => e.direction === 'debit' && !e.reversal && typeof e.endToEndId === 'string' && OUR_END_TO_END_ID.test(e.endToEndId.trim()));
  const result: StatementMatchResult = { paid: [], alreadyPaid: [], alreadyReturned: [], reconciled: [], amountMismatches: [], batchesSettled: [] };
  if (debits.length === 0) return result;

  const run = async (trx: DbTransaction<Database>) => {
    const ids = [...new Set(debits.map((e) => e.endToEndId!.trim()))];
    const payouts = new Map((await batchesRepository.inTransitByEndToEndId(trx, ids)).map((p) => [p.end_to_end_id, p]));
    const platform = await platformAccounts(trx);
    const touchedBatches = new Set<string>();
    const paidNow = new Set<string>();
    for (const entry of debits) {
      const endToEndId = entry.endToEndId!.trim();
      const payout = payouts.get(endToEndId);
      if (!payout) continue;
      if (payout.status === 'returned') {
        result.alreadyReturned.push(endToEndId);
        result.reconciled.push(endToEndId);
        continue;
      }
      if (payout.status === 'paid' || paidNow.has(payout.id)) {
        result.alreadyPaid.push(endToEndId);
        result.reconciled.push(endToEndId);
        continue;
      }
      if (payout.amount_cents !== entry.amountCents) {
        result.amountMismatches.push({ endToEndId, expectedCents: payout.amount_cents, bookedCents: entry.amountCents });
        continue;
      }
      await postTransaction(trx, {
        idempotencyKey: batchKeys.payoutPaid(payout.id),
        kind: 'payout.paid',
        reference: endToEndId,
        postings: [
          { accountId: platform.payouts_in_transit, amountCents: payout.amount_cents },
          { accountId: platform.platform_bank, amountCents: -payout.amount_cents },
        ],
        metadata: { batchId: payout.batch_id, source: 'bank statement' },
      });
      await batchesRepository.markPaid(trx, [payout.id], now);
      await notifyPayoutSent(trx, payout);
      paidNow.add(payout.id);
      touchedBatches.add(payout.batch_id);
      result.paid.push(payout.id);
      result.reconciled.push(endToEndId);
    }
    for (const batchId of await batchesRepository.settledBatches(trx, [...touchedBatches])) {
      await batchesRepository.markBatchPaid(trx, batchId, now, null);
      result.batchesSettled.push(batchId);
    }
    if (result.paid.length > 0 || result.amountMismatches.length > 0) {
      await auditRepository.append(trx, {
        actorUserId: null,
        actorRole: 'system',
        action: 'payout.paid_from_statement',
        subjectType: 'payout_batch',
        subjectId: result.batchesSettled[0] ?? null,
        details: { paid: result.paid.length, alreadyPaid: result.alreadyPaid.length, amountMismatches: result.amountMismatches, batchesSettled: result.batchesSettled },
      });
    }
  };
  if (executor.isTransaction) await run(executor as DbTransaction<Database>);
  else await executor.transaction().execute(run);
  return result;
}
