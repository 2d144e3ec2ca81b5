import { sql, type Database, type Db, type DbTransaction } from '@dd/db';
import { REQUEST_COLUMNS } from './payout-requests.repository';

type Executor = Db | DbTransaction<Database>;

/** Returned payouts: the request's side, and the returned credits on the platform's bank statements. */
export const returnsRepository = {
  requestByEndToEndIdForUpdate(trx: DbTransaction<Database>, endToEndId: string) {
    return trx.selectFrom('payout_requests as r').select(REQUEST_COLUMNS).where('r.end_to_end_id', '=', endToEndId).forUpdate().executeTakeFirst();
  },

  batchOf(db: Executor, requestId: string) {
    return db.selectFrom('payout_batch_items').select('batch_id').where('request_id', '=', requestId).executeTakeFirst();
  },

  async markReturned(trx: DbTransaction<Database>, id: string, r: { at: Date; reason: string; note: string | null }): Promise<void> {
    await trx
      .updateTable('payout_requests')
      .set({ status: 'returned', returned_at: r.at, return_reason: r.reason, return_note: r.note })
      .where('id', '=', id)
      .where('status', 'in', ['in_transit', 'paid'])
      .execute();
  },

  /**
   * Credits of the platform's statements that carry an EndToEndId and wait: `open` (a reversal) or
   * `unmatched` (billing found no payment reference in a return), locked, SKIP LOCKED like the debits.
   */
  waitingCredits(trx: DbTransaction<Database>) {
    return trx
      .selectFrom('bank_statement_entries')
      .select(['id', 'statement_id', 'end_to_end_id', 'amount_cents', 'currency'])
      .where('direction', '=', 'credit')
      .where('status', 'in', ['open', 'unmatched'])
      .where('end_to_end_id', 'is not', null)
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
  },

  statementFile(db: Executor, statementId: string) {
    return db.selectFrom('bank_statement_files').select('bytes').where('statement_id', '=', statementId).executeTakeFirst();
  },

  async reconcileEntries(trx: DbTransaction<Database>, ids: readonly number[], at: Date, note: string): Promise<void> {
    if (ids.length === 0) return;
    await trx
      .updateTable('bank_statement_entries')
      .set({ status: 'reconciled', reason: null, resolved_at: at, note })
      .where(sql<boolean>`id = any(${sql.val([...ids])}::bigint[])`)
      .execute();
  },
};
