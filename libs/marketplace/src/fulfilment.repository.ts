import { sql, type Database, type Db, type DbTransaction, type PurchaseStatus } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const REQUEST_COLUMNS = [
  'r.id',
  'r.organisation_id',
  'r.product',
  'r.purpose',
  'r.title',
  'r.purpose_statement',
  'r.segment',
  'r.categories',
  'r.breakdowns',
  'r.max_members',
  'r.price_per_member_cents',
  'r.reserved_cents',
  'r.status',
  'r.failure_code',
  'r.failure_params',
  'r.billed_members',
  'r.sale_id',
  'r.report_id',
  'r.delivered_at',
  'r.offer_ends_on',
  'o.name as organisation_name',
  'o.industry as organisation_industry',
  'o.kvk_number as organisation_kvk',
  'o.status as organisation_status',
] as const;

export const fulfilmentRepository = {
  /** The request with its buyer, its row locked until the caller's transaction ends. */
  lockRequest(trx: DbTransaction<Database>, requestId: string) {
    return trx
      .selectFrom('purchase_requests as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(REQUEST_COLUMNS)
      .where('r.id', '=', requestId)
      .forUpdate('r')
      .executeTakeFirst();
  },

  async setStatus(trx: DbTransaction<Database>, requestId: string, status: PurchaseStatus): Promise<void> {
    await trx.updateTable('purchase_requests').set({ status, updated_at: sql<Date>`now()` }).where('id', '=', requestId).execute();
  },

  async markFailed(trx: DbTransaction<Database>, requestId: string, failure: { code: string; params: Record<string, string | number> }): Promise<void> {
    await trx
      .updateTable('purchase_requests')
      .set({ status: 'failed', failure_code: failure.code, failure_params: JSON.stringify(failure.params), updated_at: sql<Date>`now()` })
      .where('id', '=', requestId)
      .execute();
  },

  async markDelivered(
    trx: DbTransaction<Database>,
    requestId: string,
    values: { billedMembers: number; saleId: string; reportId: string | null; deliveredAt: Date },
  ): Promise<void> {
    await trx
      .updateTable('purchase_requests')
      .set({
        status: 'delivered',
        billed_members: values.billedMembers,
        sale_id: values.saleId,
        report_id: values.reportId,
        delivered_at: values.deliveredAt,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', requestId)
      .execute();
  },

  /** Approved or in-progress requests approved before `before`, oldest first: what the sweep looks at. */
  async unfinishedSince(db: Executor, before: Date, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('purchase_requests')
      .select('id')
      .where('status', 'in', ['approved', 'fulfilling'])
      .where('decided_at', '<', before)
      .orderBy('decided_at')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  },

  /** A sale already recorded for the purchase (a retry after a crash): its amount and frozen members win. */
  async saleByKey(db: Executor, idempotencyKey: string) {
    const sale = await db.selectFrom('sales').select(['id', 'amount_cents', 'member_share_bp']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    if (!sale) return undefined;
    const members = await db.selectFrom('sale_members').select('customer_id').where('sale_id', '=', sale.id).orderBy('customer_id').execute();
    return { ...sale, memberIds: members.map((m) => m.customer_id) };
  },
};

export type LockedRequest = NonNullable<Awaited<ReturnType<typeof fulfilmentRepository.lockRequest>>>;
