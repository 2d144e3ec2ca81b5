import { sql, type Database, type Db, type DbTransaction, type Insertable } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const SALE_COLUMNS = [
  'id',
  'idempotency_key',
  'organisation_id',
  'amount_cents',
  'member_share_bp',
  'member_count',
  'members_hash',
  'batch_size',
  'status',
  'created_at',
  'distributed_at',
] as const;

export const salesRepository = {
  saleById(db: Executor, saleId: string) {
    return db.selectFrom('sales').select(SALE_COLUMNS).where('id', '=', saleId).executeTakeFirst();
  },

  saleByKey(db: Executor, idempotencyKey: string) {
    return db.selectFrom('sales').select(SALE_COLUMNS).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  },

  /** Nothing when the key exists (a concurrent insert of the same key waits, then yields nothing). */
  async insertSale(trx: DbTransaction<Database>, row: Insertable<Database['sales']>): Promise<string | undefined> {
    const inserted = await trx
      .insertInto('sales')
      .values(row)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id;
  },

  async insertMembers(trx: DbTransaction<Database>, saleId: string, customerIds: readonly string[]): Promise<void> {
    await sql`
      insert into sale_members (sale_id, customer_id)
      select ${saleId}::uuid, customer_id from unnest(${sql.val([...customerIds])}::uuid[]) as m(customer_id)`.execute(trx);
  },

  async memberIds(db: Executor, saleId: string): Promise<string[]> {
    const rows = await db.selectFrom('sale_members').select('customer_id').where('sale_id', '=', saleId).orderBy('customer_id').execute();
    return rows.map((r) => r.customer_id);
  },

  async markDistributed(trx: DbTransaction<Database>, saleId: string, at: Date | null = null): Promise<void> {
    await trx
      .updateTable('sales')
      .set({ status: 'distributed', distributed_at: at ?? sql<Date>`now()` })
      .where('id', '=', saleId)
      .where('status', '=', 'pending')
      .execute();
  },
};

export type SaleRow = NonNullable<Awaited<ReturnType<typeof salesRepository.saleById>>>;
