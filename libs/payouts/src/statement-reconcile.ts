import { sql, type Db } from '@dd/db';
import { markPaidFromStatementEntries, OUR_END_TO_END_ID, type StatementMatchResult } from './statement-match';

export interface ReconcileResult extends StatementMatchResult {
  /** Debit entries of the platform statement closed (status `reconciled`) by this run. */
  entriesReconciled: number;
}

/**
 * Closes the loop with the platform's bank statements (libs/billing imports them into
 * `bank_statement_entries` and leaves debits `open` for payouts): every open, non-reversed debit that
 * carries one of our EndToEndIds marks its payout paid (markPaidFromStatementEntries) and is set to
 * `reconciled`. One transaction; entries are locked (SKIP LOCKED, so a second run at the same time
 * takes the rest), and a rerun finds nothing open. Debits with another amount stay open for a person.
 * Run by the `payouts.reconcile` job on a schedule; the statement import may call it when it finishes.
 */
export async function reconcileStatementDebits(db: Db, now: Date = new Date()): Promise<ReconcileResult> {
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('bank_statement_entries')
      .select(['id', 'end_to_end_id', 'amount_cents'])
      .where('status', '=', 'open')
      .where('direction', '=', 'debit')
      .where('reversal', '=', false)
      .where('end_to_end_id', 'is not', null)
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
    const ours = open.filter((entry) => OUR_END_TO_END_ID.test(entry.end_to_end_id!.trim()));
    const result = await markPaidFromStatementEntries(
      trx,
      ours.map((entry) => ({ endToEndId: entry.end_to_end_id, amountCents: entry.amount_cents, direction: 'debit' as const })),
      now,
    );
    const done = new Set(result.reconciled);
    const ids = ours.filter((entry) => done.has(entry.end_to_end_id!.trim())).map((entry) => entry.id);
    if (ids.length > 0) {
      await trx
        .updateTable('bank_statement_entries')
        .set({ status: 'reconciled', resolved_at: now, note: 'Payout paid (EndToEndId matched).' })
        .where(sql<boolean>`id = any(${sql.val(ids)}::bigint[])`)
        .execute();
    }
    return { ...result, entriesReconciled: ids.length };
  });
}
