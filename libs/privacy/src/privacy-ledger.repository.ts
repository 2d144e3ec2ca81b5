import { sql, type Database, type Db, type DbTransaction, type PrivacyBudgetPool, type PrivacyReleaseKind, type PrivacyReleasesTable, type Selectable } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const RELEASE_COLUMNS = ['id', 'budget_owner', 'organisation_id', 'pool', 'kind', 'release_key', 'period', 'epsilon_micro', 'prepaid_by', 'value', 'label', 'created_at'] as const;

/** A release as it is written: every column of the ledger but its generated id. */
export type NewRelease = Omit<Selectable<PrivacyReleasesTable>, 'id'>;

/** The accountant's tables: privacy_releases, member_release_charges and member_privacy_spend. */
export const privacyLedgerRepository = {
  find(db: Executor, budgetOwner: string, kind: PrivacyReleaseKind, key: string) {
    return db.selectFrom('privacy_releases').select(RELEASE_COLUMNS).where('budget_owner', '=', budgetOwner).where('kind', '=', kind).where('release_key', '=', key).executeTakeFirst();
  },

  /** Releases keyed to a job (a purchase) are unique by kind and key whoever paid. */
  findByKey(db: Executor, kind: PrivacyReleaseKind, key: string) {
    return db.selectFrom('privacy_releases').select(RELEASE_COLUMNS).where('kind', '=', kind).where('release_key', '=', key).orderBy('id').executeTakeFirst();
  },

  /**
   * Serialises every release charged to one pool of one legal entity in one month until the
   * transaction ends: the budget check and the insert that follows must see each other.
   */
  async lockPool(trx: DbTransaction<Database>, budgetOwner: string, pool: PrivacyBudgetPool, period: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`privacy:${budgetOwner}:${pool}:${period}`}))`.execute(trx);
  },

  /** Epsilon charged to a pool in a month, in millionths (prepaid releases were paid by another row). */
  async spent(db: Executor, budgetOwner: string, pool: PrivacyBudgetPool, period: string): Promise<number> {
    const row = await db
      .selectFrom('privacy_releases')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('epsilon_micro'), sql<string>`0`).as('spent'))
      .where('budget_owner', '=', budgetOwner)
      .where('period', '=', period)
      .where('pool', '=', pool)
      .where('prepaid_by', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.spent);
  },

  /** Releases of one kind charged to the legal entity since `since` (the rolling cap). */
  async countSince(db: Executor, budgetOwner: string, kind: PrivacyReleaseKind, since: Date): Promise<number> {
    const row = await db
      .selectFrom('privacy_releases')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('budget_owner', '=', budgetOwner)
      .where('kind', '=', kind)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Inserts the release unless its key exists (a concurrent twin); undefined then. */
  insert(trx: DbTransaction<Database>, release: NewRelease) {
    return trx
      .insertInto('privacy_releases')
      .values({ ...release, value: JSON.stringify(release.value) })
      .onConflict((oc) => oc.constraint('privacy_releases_key').doNothing())
      .returning(RELEASE_COLUMNS)
      .executeTakeFirst();
  },

  /**
   * Adds `chargeMicro` to each member's month when `requireMicro` (at least the charge: what the
   * purchase will cost them in all) still fits in `budgetMicro`; returns who was charged. One
   * statement, ids sorted, so concurrent purchases lock member rows in one order.
   */
  async chargeMembers(trx: DbTransaction<Database>, customerIds: readonly string[], period: string, chargeMicro: number, requireMicro: number, budgetMicro: number): Promise<Set<string>> {
    if (customerIds.length === 0 || requireMicro > budgetMicro) return new Set();
    const { rows } = await sql<{ customer_id: string }>`
      insert into member_privacy_spend (customer_id, period, spent_micro)
      select id, ${period}, ${chargeMicro} from unnest(${sql.val([...customerIds].sort())}::uuid[]) as t(id) order by id
      on conflict (customer_id, period) do update set spent_micro = member_privacy_spend.spent_micro + excluded.spent_micro
      where member_privacy_spend.spent_micro + ${requireMicro} <= ${budgetMicro}
      returning customer_id`.execute(trx);
    return new Set(rows.map((row) => row.customer_id));
  },

  /**
   * Member numbers whose month cannot take `requireMicro` more within `budgetMicro`: the members
   * chargeMembers would leave out. Only ever fed into a release (the purchase prediction).
   */
  async memberNosOverBudget(db: Executor, period: string, requireMicro: number, budgetMicro: number): Promise<number[]> {
    const rows = await db
      .selectFrom('member_privacy_spend as s')
      .innerJoin('users as u', 'u.id', 's.customer_id')
      .select('u.member_no')
      .where('s.period', '=', period)
      .where(sql<boolean>`s.spent_micro + ${requireMicro} > ${budgetMicro}`)
      .execute();
    return rows.map((row) => row.member_no);
  },

  async recordMemberCharges(trx: DbTransaction<Database>, releaseId: number, customerIds: readonly string[], epsilonMicro: number): Promise<void> {
    if (customerIds.length === 0) return;
    await sql`insert into member_release_charges (release_id, customer_id, epsilon_micro)
      select ${releaseId}, id, ${epsilonMicro} from unnest(${sql.val([...customerIds])}::uuid[]) as t(id)`.execute(trx);
  },

  async chargedMembers(db: Executor, releaseId: number): Promise<string[]> {
    const rows = await db.selectFrom('member_release_charges').select('customer_id').where('release_id', '=', releaseId).orderBy('customer_id').execute();
    return rows.map((row) => row.customer_id);
  },

  async memberSpent(db: Executor, customerId: string, period: string): Promise<number> {
    const row = await db.selectFrom('member_privacy_spend').select('spent_micro').where('customer_id', '=', customerId).where('period', '=', period).executeTakeFirst();
    return row ? Number(row.spent_micro) : 0;
  },

  /** The purchases that used one member's budget in a month, newest first, with who bought them. */
  memberCharges(db: Executor, customerId: string, period: string) {
    return db
      .selectFrom('member_release_charges as c')
      .innerJoin('privacy_releases as r', 'r.id', 'c.release_id')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.id', 'r.release_key', 'r.label', 'r.created_at', 'o.name as advertiser', 'c.epsilon_micro'])
      .where('c.customer_id', '=', customerId)
      .where('r.period', '=', period)
      .orderBy('r.created_at', 'desc')
      .limit(500)
      .execute();
  },
};
