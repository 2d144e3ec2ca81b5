import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const purchaseResultsRepository = {
  /** A request of this organisation only: another organisation's id finds nothing. */
  request(db: Executor, organisationId: string, requestId: string) {
    return db
      .selectFrom('purchase_requests')
      .select(['id', 'product', 'status', 'title', 'sale_id', 'report_id'])
      .where('id', '=', requestId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
  },

  report(db: Executor, reportId: string) {
    return db.selectFrom('privacy_reports').select(['status', 'result']).where('id', '=', reportId).executeTakeFirst();
  },

  async invoiceId(db: Executor, saleId: string): Promise<string | null> {
    const row = await db.selectFrom('invoices').select('id').where('sale_id', '=', saleId).executeTakeFirst();
    return row?.id ?? null;
  },

  /** Exact totals: they never leave the service without noise and thresholds. */
  async offerCounts(db: Executor, requestId: string): Promise<{ delivered: number; opened: number; clicked: number }> {
    const { rows } = await sql<{ delivered: number; opened: number; clicked: number }>`
      select count(*)::int as delivered, count(opened_at)::int as opened, count(clicked_at)::int as clicked
      from offer_deliveries where request_id = ${requestId}`.execute(db);
    return rows[0]!;
  },
};
