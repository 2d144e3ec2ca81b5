import { sql, type Database, type Db, type DbTransaction, type PayoutRequestStatus, type PayoutReviewReason } from '@dd/db';
import { CURSOR_TIMESTAMP_FORMAT } from './paging';

type Executor = Db | DbTransaction<Database>;

export const REQUEST_COLUMNS = [
  'r.id',
  'r.customer_id',
  'r.amount_cents',
  'r.iban',
  'r.account_holder',
  'r.status',
  'r.review_reasons',
  'r.end_to_end_id',
  'r.requested_at',
  'r.decided_at',
  'r.decided_by',
  'r.decision_note',
  'r.paid_at',
  'r.returned_at',
  'r.return_reason',
  'r.return_note',
] as const;

const OPEN: PayoutRequestStatus[] = ['in_review', 'approved'];

/** The ledger kind of a returned payout's money going back to the member's earnings. */
export const RETURN_KIND = 'payout.returned';

export interface NewPayoutRequest {
  id: string;
  customer_id: string;
  amount_cents: number;
  iban: string;
  account_holder: string;
  status: 'in_review' | 'approved';
  review_reasons: PayoutReviewReason[];
  end_to_end_id: string;
  requested_at: Date;
}

/** A member's earnings (from the ledger) and their payout requests. */
export const requestsRepository = {
  // ——— the member's earnings, from the ledger ———

  memberAccount(db: Executor, customerId: string) {
    return db.selectFrom('ledger_accounts').select('id').where('kind', '=', 'member_earnings').where('owner_id', '=', customerId).executeTakeFirst();
  },

  /** Row locks on members' earnings accounts in id order: requests, batches and erasure of one member queue behind each other. */
  lockAccounts(trx: DbTransaction<Database>, accountIds: readonly number[]) {
    return trx
      .selectFrom('ledger_accounts')
      .select('id')
      .where(sql<boolean>`id = any(${sql.val([...accountIds])}::bigint[])`)
      .orderBy('id')
      .forUpdate()
      .execute();
  },

  /** Balance, everything ever credited, and what was credited since `since` (still in its holding period). */
  async earningsFigures(db: Executor, customerId: string, since: Date) {
    const row = await db
      .selectFrom('ledger_accounts as a')
      .innerJoin('ledger_postings as p', 'p.account_id', 'a.id')
      .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
      .select([
        sql<number>`coalesce(-sum(p.amount_cents), 0)::bigint`.as('balance_cents'),
        // A returned payout comes back as a credit too, but it was earned before (and is not new money to hold).
        sql<number>`coalesce(-sum(p.amount_cents) filter (where p.amount_cents < 0 and t.kind <> ${RETURN_KIND}), 0)::bigint`.as('earned_cents'),
        sql<number>`coalesce(-sum(p.amount_cents) filter (where p.amount_cents < 0 and t.kind <> ${RETURN_KIND} and t.created_at > ${since}), 0)::bigint`.as('recent_cents'),
      ])
      .where('a.kind', '=', 'member_earnings')
      .where('a.owner_id', '=', customerId)
      .executeTakeFirstOrThrow();
    return row;
  },

  /** Credits per calendar month (Europe/Amsterdam) from `fromMonth` (YYYY-MM) on. */
  monthlyCredits(db: Executor, customerId: string, fromMonth: string) {
    const month = sql<string>`to_char(t.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM')`;
    return db
      .selectFrom('ledger_accounts as a')
      .innerJoin('ledger_postings as p', 'p.account_id', 'a.id')
      .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
      .select([month.as('month'), sql<number>`(-sum(p.amount_cents))::bigint`.as('earned_cents')])
      .where('a.kind', '=', 'member_earnings')
      .where('a.owner_id', '=', customerId)
      .where('p.amount_cents', '<', 0)
      .where('t.kind', '<>', RETURN_KIND)
      .where(month, '>=', fromMonth)
      .groupBy(month)
      .orderBy(month)
      .execute();
  },

  /** Sum of the member's requests per status. */
  requestTotals(db: Executor, customerId: string) {
    return db
      .selectFrom('payout_requests')
      .select(['status', sql<number>`sum(amount_cents)::bigint`.as('total_cents')])
      .where('customer_id', '=', customerId)
      .groupBy('status')
      .execute();
  },

  /** What the member requested (and was not rejected or returned) in the calendar month of `at`, Europe/Amsterdam. */
  async requestedInMonth(db: Executor, customerId: string, at: Date): Promise<number> {
    const row = await db
      .selectFrom('payout_requests')
      .select(sql<number>`coalesce(sum(amount_cents), 0)::bigint`.as('total_cents'))
      .where('customer_id', '=', customerId)
      .where('status', 'not in', ['rejected', 'returned'])
      .where(sql<boolean>`requested_at >= (date_trunc('month', ${at}::timestamptz at time zone 'Europe/Amsterdam') at time zone 'Europe/Amsterdam')`)
      .executeTakeFirstOrThrow();
    return row.total_cents;
  },

  /** True once a payout of this member has left in a batch. */
  async hasPayoutUnderway(db: Executor, customerId: string): Promise<boolean> {
    const row = await db.selectFrom('payout_requests').select('id').where('customer_id', '=', customerId).where('status', 'in', ['in_transit', 'paid']).limit(1).executeTakeFirst();
    return row !== undefined;
  },

  customer(db: Executor, customerId: string) {
    return db.selectFrom('users').select(['id', 'role', 'created_at', 'erasure_requested_at']).where('id', '=', customerId).executeTakeFirst();
  },

  lastAccount(db: Executor, customerId: string) {
    return db
      .selectFrom('payout_requests')
      .select(['iban', 'account_holder'])
      .where('customer_id', '=', customerId)
      // A returned payout's account may be closed: the form does not offer it again.
      .where('status', 'not in', ['rejected', 'returned'])
      .orderBy('requested_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  // ——— requests ———

  /** Serialises every request to one IBAN, so two accounts asking at once both see each other. */
  async lockIban(trx: DbTransaction<Database>, iban: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`dd.payout-iban:${iban}`}))`.execute(trx);
  },

  /** Other customers that ever asked for a payout to this IBAN. */
  async otherCustomersWithIban(db: Executor, iban: string, customerId: string): Promise<string[]> {
    const rows = await db.selectFrom('payout_requests').select('customer_id').distinct().where('iban', '=', iban).where('customer_id', '<>', customerId).orderBy('customer_id').execute();
    return rows.map((r) => r.customer_id);
  },

  /** Open requests to this IBAN from these customers, locked. */
  openRequestsForIban(trx: DbTransaction<Database>, iban: string, customerIds: readonly string[]) {
    return trx
      .selectFrom('payout_requests')
      .select(['id', 'customer_id', 'status', 'review_reasons'])
      .where('iban', '=', iban)
      .where('status', 'in', OPEN)
      .where(sql<boolean>`customer_id = any(${sql.val([...customerIds])}::uuid[])`)
      .orderBy('id')
      .forUpdate()
      .execute();
  },

  openRequestOf(db: Executor, customerId: string) {
    return db.selectFrom('payout_requests').select(['id', 'status', 'amount_cents']).where('customer_id', '=', customerId).where('status', 'in', OPEN).executeTakeFirst();
  },

  async insertRequest(trx: DbTransaction<Database>, row: NewPayoutRequest): Promise<void> {
    await trx
      .insertInto('payout_requests')
      .values({ ...row, review_reasons: JSON.stringify(row.review_reasons) })
      .execute();
  },

  async flagForReview(trx: DbTransaction<Database>, id: string, reasons: PayoutReviewReason[]): Promise<void> {
    await trx.updateTable('payout_requests').set({ status: 'in_review', review_reasons: JSON.stringify(reasons) }).where('id', '=', id).execute();
  },

  customerRequests(db: Executor, customerId: string) {
    return db
      .selectFrom('payout_requests as r')
      .select(REQUEST_COLUMNS)
      .where('r.customer_id', '=', customerId)
      .orderBy('r.requested_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(100)
      .execute();
  },

  requestForUpdate(trx: DbTransaction<Database>, id: string) {
    return trx.selectFrom('payout_requests as r').select(REQUEST_COLUMNS).where('r.id', '=', id).forUpdate().executeTakeFirst();
  },

  async decide(
    trx: DbTransaction<Database>,
    id: string,
    decision: { status: 'approved' | 'rejected'; note: string; by: string; at: Date },
  ): Promise<void> {
    await trx
      .updateTable('payout_requests')
      .set({ status: decision.status, decision_note: decision.note, decided_by: decision.by, decided_at: decision.at })
      .where('id', '=', id)
      .execute();
  },

  /**
   * One page of the admin's list: requests with their customer (null once erased) and batch, those
   * waiting for a check first, then approved, then the rest, newest first; `limit + 1` rows so the
   * caller knows whether there is more. `after` is the last row's key (bucket, requested_at text, id).
   */
  adminRequestsPage(db: Executor, statuses: readonly PayoutRequestStatus[], limit: number, after: readonly [number, string, string] | null) {
    const bucket = sql<number>`(case r.status when 'in_review' then 0 when 'approved' then 1 else 2 end)`;
    let query = db
      .selectFrom('payout_requests as r')
      .leftJoin('users as u', 'u.id', 'r.customer_id')
      .leftJoin('payout_batch_items as i', 'i.request_id', 'r.id')
      .select([
        ...REQUEST_COLUMNS,
        'u.display_name',
        'u.email',
        'u.created_at as account_created_at',
        'i.batch_id',
        bucket.as('bucket'),
        sql<string>`to_char(r.requested_at at time zone 'UTC', ${CURSOR_TIMESTAMP_FORMAT})`.as('requested_key'),
      ])
      .where('r.status', 'in', [...statuses]);
    if (after) {
      const [b, at, id] = after;
      query = query.where(sql<boolean>`(${bucket} > ${b} or (${bucket} = ${b} and (r.requested_at, r.id) < (${at}::timestamptz, ${id}::uuid)))`);
    }
    return query.orderBy(bucket).orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').limit(limit + 1).execute();
  },

  /** How many requests, and how much, the filter holds in all. */
  requestsTotal(db: Executor, statuses: readonly PayoutRequestStatus[]) {
    return db
      .selectFrom('payout_requests')
      .select([sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(amount_cents), 0)::bigint`.as('total_cents')])
      .where('status', 'in', [...statuses])
      .executeTakeFirstOrThrow();
  },

  /** Every customer that used one of these IBANs, with their name (null once erased). */
  customersByIban(db: Executor, ibans: readonly string[]) {
    if (ibans.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('payout_requests as r')
      .leftJoin('users as u', 'u.id', 'r.customer_id')
      .select(['r.iban', 'r.customer_id', 'u.display_name', sql<boolean>`u.id is null`.as('erased')])
      .distinct()
      .where(sql<boolean>`r.iban = any(${sql.val([...ibans])}::text[])`)
      .execute();
  },
};

export type RequestRow = NonNullable<Awaited<ReturnType<typeof requestsRepository.requestForUpdate>>>;
