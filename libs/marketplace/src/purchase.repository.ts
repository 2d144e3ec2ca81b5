import { sql, type Database, type Db, type DbTransaction, type Insertable, type PurchaseRequestsTable, type PurchaseStatus } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** Every column the marketplace reads, named: a new column never reaches an advertiser by accident. */
const COLUMNS = [
  'id',
  'organisation_id',
  'title',
  'product',
  'purpose',
  'purpose_statement',
  'segment',
  'canonical_key',
  'categories',
  'breakdowns',
  'offer_title',
  'offer_body',
  'offer_url',
  'offer_code',
  'offer_ends_on',
  'estimated_members',
  'max_members',
  'price_per_member_cents',
  'reserved_cents',
  'status',
  'decision_reason',
  'failure_code',
  'failure_params',
  'billed_members',
  'report_id',
  'sale_id',
  'delivered_at',
  'created_at',
] as const;

export type PurchaseRow = NonNullable<Awaited<ReturnType<typeof purchaseRepository.find>>>;

export type HistoryCounts = Map<string, Partial<Record<PurchaseStatus, number>>>;

export const purchaseRepository = {
  organisation(db: Executor, organisationId: string) {
    return db.selectFrom('organisations').select(['id', 'name', 'status', 'industry', 'kvk_number']).where('id', '=', organisationId).executeTakeFirst();
  },

  async organisations(db: Executor, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db.selectFrom('organisations').select(['id', 'name', 'status', 'industry', 'kvk_number']).where('id', 'in', ids).execute();
  },

  async ownsSavedSegment(db: Executor, organisationId: string, savedSegmentId: string): Promise<boolean> {
    const row = await db.selectFrom('saved_segments').select('id').where('organisation_id', '=', organisationId).where('id', '=', savedSegmentId).executeTakeFirst();
    return row !== undefined;
  },

  insert(trx: Executor, values: Insertable<PurchaseRequestsTable>) {
    return trx.insertInto('purchase_requests').values(values).returning(COLUMNS).executeTakeFirstOrThrow();
  },

  /** The organisation's requests, newest first. */
  list(db: Executor, organisationId: string, status?: PurchaseStatus) {
    let query = db.selectFrom('purchase_requests').select(COLUMNS).where('organisation_id', '=', organisationId);
    if (status) query = query.where('status', '=', status);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  },

  /** One request of one organisation; another organisation's id finds nothing. */
  find(db: Executor, organisationId: string, id: string) {
    return db.selectFrom('purchase_requests').select(COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  },

  /** The row locked until the transaction ends, so two decisions (or a decision and a cancel) serialise. */
  findForUpdate(trx: DbTransaction<Database>, id: string, organisationId?: string) {
    let query = trx.selectFrom('purchase_requests').select(COLUMNS).where('id', '=', id);
    if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
    return query.forUpdate().executeTakeFirst();
  },

  setStatus(trx: DbTransaction<Database>, id: string, change: { status: PurchaseStatus; reason?: string | null; decidedBy?: string; decidedAt?: Date }) {
    return trx
      .updateTable('purchase_requests')
      .set({
        status: change.status,
        ...(change.reason !== undefined ? { decision_reason: change.reason } : {}),
        ...(change.decidedBy !== undefined ? { decided_by: change.decidedBy, decided_at: change.decidedAt ?? new Date() } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  },

  /** Requests waiting for a moderator, oldest first. */
  pendingReview(db: Executor, limit: number) {
    return db.selectFrom('purchase_requests').select(COLUMNS).where('status', '=', 'pending_review').orderBy('created_at').orderBy('id').limit(limit).execute();
  },

  /** Requests per status of each organisation: the advertiser's track record for the moderator. */
  async history(db: Executor, organisationIds: readonly string[]): Promise<HistoryCounts> {
    const counts: HistoryCounts = new Map();
    if (organisationIds.length === 0) return counts;
    const rows = await db
      .selectFrom('purchase_requests')
      .select(['organisation_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('organisation_id', 'in', organisationIds)
      .groupBy(['organisation_id', 'status'])
      .execute();
    for (const row of rows) {
      const own = counts.get(row.organisation_id) ?? {};
      own[row.status] = Number(row.count);
      counts.set(row.organisation_id, own);
    }
    return counts;
  },

  /** The cents a ledger transaction moved (the sum of its debits), or null when it was never posted. */
  async postedCents(db: Executor, idempotencyKey: string): Promise<number | null> {
    const row = await db
      .selectFrom('ledger_transactions as t')
      .leftJoin('ledger_postings as p', (join) => join.onRef('p.transaction_id', '=', 't.id').on('p.amount_cents', '>', 0))
      .select((eb) => eb.fn.sum<number>('p.amount_cents').as('cents'))
      .where('t.idempotency_key', '=', idempotencyKey)
      .groupBy('t.id')
      .executeTakeFirst();
    return row ? Number(row.cents ?? 0) : null;
  },
};
