import { sql, type BatchFileFailureReason, type Database, type Db, type DbTransaction } from '@dd/db';
import { CURSOR_TIMESTAMP_FORMAT } from './paging';

type Executor = Db | DbTransaction<Database>;

const BATCH_COLUMNS = [
  'id',
  'status',
  'msg_id',
  'pmt_inf_id',
  'payout_count',
  'total_cents',
  'requested_execution_date',
  'debtor_name',
  'debtor_iban',
  'debtor_bic',
  'created_by',
  'created_at',
  'file_ready_at',
  'confirmed_at',
  'confirmed_by',
  'file_failed_at',
  'file_failure_reason',
] as const;

/** Payout batches, their fixed payouts and files, and the payouts' status from the bank's side. */
export const batchesRepository = {

  /** One batch is created at a time, so two admins cannot both take the same approved requests. */
  async lockBatchCreation(trx: DbTransaction<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext('dd.payout-batch'))`.execute(trx);
  },

  approvedForUpdate(trx: DbTransaction<Database>, ids: readonly string[] | undefined) {
    let query = trx
      .selectFrom('payout_requests as r')
      .select(['r.id', 'r.customer_id', 'r.amount_cents', 'r.status'])
      .where('r.status', '=', 'approved');
    if (ids) query = query.where(sql<boolean>`r.id = any(${sql.val([...ids])}::uuid[])`);
    return query.orderBy('r.requested_at').orderBy('r.id').forUpdate().execute();
  },

  async insertBatch(
    trx: DbTransaction<Database>,
    row: {
      id: string;
      msg_id: string;
      pmt_inf_id: string;
      payout_count: number;
      total_cents: number;
      requested_execution_date: string;
      debtor_name: string;
      debtor_iban: string;
      debtor_bic: string;
      created_by: string;
      created_at: Date;
      file_attempt_at: Date;
    },
  ): Promise<void> {
    await trx.insertInto('payout_batches').values(row).execute();
  },

  async insertItems(trx: DbTransaction<Database>, batchId: string, requestIds: readonly string[]): Promise<void> {
    await sql`
      insert into payout_batch_items (batch_id, position, request_id)
      select ${batchId}::uuid, (ord - 1)::int, request_id
      from unnest(${sql.val([...requestIds])}::uuid[]) with ordinality as r(request_id, ord)`.execute(trx);
  },

  async setStatus(trx: DbTransaction<Database>, ids: readonly string[], status: 'in_transit'): Promise<void> {
    await trx.updateTable('payout_requests').set({ status }).where(sql<boolean>`id = any(${sql.val([...ids])}::uuid[])`).execute();
  },

  async markPaid(trx: DbTransaction<Database>, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await trx
      .updateTable('payout_requests')
      .set({ status: 'paid', paid_at: at })
      .where(sql<boolean>`id = any(${sql.val([...ids])}::uuid[])`)
      .where('status', '=', 'in_transit')
      .execute();
  },

  batch(db: Executor, batchId: string) {
    return db.selectFrom('payout_batches').select(BATCH_COLUMNS).where('id', '=', batchId).executeTakeFirst();
  },

  batchForUpdate(trx: DbTransaction<Database>, batchId: string) {
    return trx.selectFrom('payout_batches').select(BATCH_COLUMNS).where('id', '=', batchId).forUpdate().executeTakeFirst();
  },

  /** One page of batches, newest first, `limit + 1` rows; `after` is the last row's (created_at text, id). */
  batchesPage(db: Executor, limit: number, after: readonly [string, string] | null) {
    let query = db
      .selectFrom('payout_batches')
      .select([...BATCH_COLUMNS, sql<string>`to_char(created_at at time zone 'UTC', ${CURSOR_TIMESTAMP_FORMAT})`.as('created_key')]);
    if (after) query = query.where(sql<boolean>`(created_at, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  },

  /** The payouts of a batch in file order, with what the file says about each. */
  batchPayouts(db: Executor, batchId: string) {
    return db
      .selectFrom('payout_batch_items as i')
      .innerJoin('payout_requests as r', 'r.id', 'i.request_id')
      .select(['i.position', 'r.id', 'r.customer_id', 'r.amount_cents', 'r.iban', 'r.account_holder', 'r.end_to_end_id', 'r.requested_at', 'r.status'])
      .where('i.batch_id', '=', batchId)
      .orderBy('i.position')
      .execute();
  },

  /** Nothing when the batch already has a file (a retry): the caller compares. */
  async insertFile(trx: DbTransaction<Database>, batchId: string, content: string, sha256: string): Promise<void> {
    await trx
      .insertInto('payout_batch_files')
      .values({ batch_id: batchId, content, sha256 })
      .onConflict((oc) => oc.column('batch_id').doNothing())
      .execute();
  },

  file(db: Executor, batchId: string) {
    return db.selectFrom('payout_batch_files').select(['content', 'sha256']).where('batch_id', '=', batchId).executeTakeFirst();
  },

  async markBatchReady(trx: DbTransaction<Database>, batchId: string, at: Date): Promise<void> {
    await trx
      .updateTable('payout_batches')
      .set({ status: 'ready', file_ready_at: at, file_failed_at: null, file_failure_reason: null })
      .where('id', '=', batchId)
      .where('status', '=', 'generating')
      .execute();
  },

  /**
   * Marks the given generating batch, or every generating batch whose current attempt started before `before`, as failed with the
   * reason; one already failed keeps its first reason and time. Returns the ids it marked.
   */
  async markFileFailed(db: Executor, target: { batchId: string } | { before: Date }, reason: BatchFileFailureReason, at: Date): Promise<string[]> {
    let query = db
      .updateTable('payout_batches')
      .set({ file_failed_at: at, file_failure_reason: reason })
      .where('status', '=', 'generating')
      .where('file_failed_at', 'is', null);
    query = 'batchId' in target ? query.where('id', '=', target.batchId) : query.where('file_attempt_at', '<', target.before);
    return (await query.returning('id').execute()).map((row) => row.id);
  },

  /** A new attempt at the file: the batch is generating again, not failed, and its time limit starts again. */
  async startFileAttempt(db: Executor, batchId: string, at: Date): Promise<void> {
    await db
      .updateTable('payout_batches')
      .set({ file_attempt_at: at, file_failed_at: null, file_failure_reason: null })
      .where('id', '=', batchId)
      .where('status', '=', 'generating')
      .execute();
  },

  async markBatchPaid(trx: DbTransaction<Database>, batchId: string, at: Date, by: string | null): Promise<void> {
    await trx.updateTable('payout_batches').set({ status: 'paid', confirmed_at: at, confirmed_by: by }).where('id', '=', batchId).where('status', '=', 'ready').execute();
  },

  // ——— bank statement ———

  inTransitByEndToEndId(trx: DbTransaction<Database>, endToEndIds: readonly string[]) {
    return trx
      .selectFrom('payout_requests as r')
      .innerJoin('payout_batch_items as i', 'i.request_id', 'r.id')
      .select(['r.id', 'r.customer_id', 'r.amount_cents', 'r.status', 'r.end_to_end_id', 'i.batch_id'])
      .where(sql<boolean>`r.end_to_end_id = any(${sql.val([...endToEndIds])}::text[])`)
      .orderBy('r.id')
      .forUpdate()
      .execute();
  },

  /** Of these batches, the ones whose payouts are all paid (or returned) but that are not marked paid yet. */
  async settledBatches(trx: DbTransaction<Database>, batchIds: readonly string[]): Promise<string[]> {
    if (batchIds.length === 0) return [];
    const rows = await trx
      .selectFrom('payout_batches as b')
      .select('b.id')
      .where(sql<boolean>`b.id = any(${sql.val([...batchIds])}::uuid[])`)
      .where('b.status', '=', 'ready')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('payout_batch_items as i')
              .innerJoin('payout_requests as r', 'r.id', 'i.request_id')
              .select('i.request_id')
              .whereRef('i.batch_id', '=', 'b.id')
              // A returned payout is settled too: its money came back.
              .where('r.status', 'not in', ['paid', 'returned']),
          ),
        ),
      )
      .execute();
    return rows.map((r) => r.id);
  },
};

export type BatchRow = NonNullable<Awaited<ReturnType<typeof batchesRepository.batch>>>;
