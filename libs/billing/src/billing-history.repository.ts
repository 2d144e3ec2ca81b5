import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export interface HistoryRow {
  transaction_id: number;
  kind: string;
  created_at: Date;
  /** From the advertiser's side: positive money in, negative money spent. */
  amount_cents: number;
  balance_after_cents: number;
  invoice_id: string | null;
  invoice_number: string | null;
  counterparty_name: string | null;
  booked_on: string | null;
}

export const billingHistoryRepository = {
  async advertiserAccount(db: Executor, organisationId: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('ledger_accounts')
      .select('id')
      .where('kind', '=', 'advertiser_balance')
      .where('owner_id', '=', organisationId)
      .executeTakeFirst();
    return row?.id;
  },

  /**
   * The account's movements, newest first, with the balance after each (a running sum over all of them,
   * computed before the limit). Purchases and their VAT carry the invoice they belong to.
   */
  async movements(db: Executor, accountId: number, limit: number): Promise<HistoryRow[]> {
    const { rows } = await sql<HistoryRow>`
      select m.transaction_id, m.kind, m.created_at, m.amount_cents, m.balance_after_cents,
             i.id as invoice_id, i.number as invoice_number, m.counterparty_name, m.booked_on
      from (
        select t.id as transaction_id, t.kind, t.created_at, t.sale_id,
               (-p.amount_cents)::bigint as amount_cents,
               (sum(-p.amount_cents) over (order by t.id))::bigint as balance_after_cents,
               t.metadata ->> 'counterpartyName' as counterparty_name,
               t.metadata ->> 'bookedOn' as booked_on
        from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
        where p.account_id = ${accountId}
      ) m
      left join invoices i on (m.kind = 'sale.charge' and i.sale_id = m.sale_id) or (m.kind = 'invoice.vat' and i.vat_transaction_id = m.transaction_id)
      order by m.transaction_id desc
      limit ${limit}`.execute(db);
    return rows;
  },
};
