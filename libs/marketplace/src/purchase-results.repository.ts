import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const purchaseResultsRepository = {
  /** A request of this organisation only: another organisation's id finds nothing. */
  request(db: Executor, organisationId: string, requestId: string) {
    return db
      .selectFrom('purchase_requests as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.id', 'r.organisation_id', 'r.product', 'r.status', 'r.title', 'r.sale_id', 'r.report_id', 'o.kvk_number'])
      .where('r.id', '=', requestId)
      .where('r.organisation_id', '=', organisationId)
      .executeTakeFirst();
  },

  report(db: Executor, reportId: string) {
    return db.selectFrom('privacy_reports').select(['status', 'result']).where('id', '=', reportId).executeTakeFirst();
  },

  async invoiceId(db: Executor, saleId: string): Promise<string | null> {
    const row = await db.selectFrom('invoices').select('id').where('sale_id', '=', saleId).executeTakeFirst();
    return row?.id ?? null;
  },

  /**
   * Exact totals of what happened before `before` (everything when omitted): they only ever leave
   * the service as a scheduled release through the accountant.
   */
  async offerCounts(db: Executor, requestId: string, before?: Date): Promise<{ delivered: number; opened: number; clicked: number }> {
    const until = before ?? new Date(8.64e15);
    const { rows } = await sql<{ delivered: number; opened: number; clicked: number }>`
      select count(*)::int as delivered,
             count(*) filter (where opened_at < ${until})::int as opened,
             count(*) filter (where clicked_at < ${until})::int as clicked
      from offer_deliveries where request_id = ${requestId}`.execute(db);
    return rows[0]!;
  },
};
