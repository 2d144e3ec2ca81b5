import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const privacyBudgetRepository = {
  findReport(db: Executor, jobKey: string) {
    return db.selectFrom('privacy_reports').selectAll().where('job_key', '=', jobKey).executeTakeFirst();
  },

  /**
   * Adds `epsilonMicro` to the advertiser's month if it stays within `budgetMicro`; false when it
   * would not. One statement: the row lock of ON CONFLICT makes concurrent charges queue up.
   */
  async chargeAdvertiser(trx: DbTransaction<Database>, organisationId: string, period: string, epsilonMicro: number, budgetMicro: number): Promise<boolean> {
    if (epsilonMicro > budgetMicro) return false;
    const { rows } = await sql<{ spent_micro: number }>`
      insert into advertiser_privacy_spend (organisation_id, period, spent_micro) values (${organisationId}, ${period}, ${epsilonMicro})
      on conflict (organisation_id, period) do update set spent_micro = advertiser_privacy_spend.spent_micro + excluded.spent_micro
      where advertiser_privacy_spend.spent_micro + excluded.spent_micro <= ${budgetMicro}
      returning spent_micro`.execute(trx);
    return rows.length === 1;
  },

  /**
   * Charges each member whose month stays within budget and returns who was charged; the others
   * are left out of the report. Ids arrive sorted so concurrent reports lock rows in one order.
   */
  async chargeMembers(trx: DbTransaction<Database>, customerIds: readonly string[], period: string, epsilonMicro: number, budgetMicro: number): Promise<Set<string>> {
    if (customerIds.length === 0 || epsilonMicro > budgetMicro) return new Set();
    const { rows } = await sql<{ customer_id: string }>`
      insert into member_privacy_spend (customer_id, period, spent_micro)
      select id, ${period}, ${epsilonMicro} from unnest(${sql.val([...customerIds])}::uuid[]) as t(id) order by id
      on conflict (customer_id, period) do update set spent_micro = member_privacy_spend.spent_micro + excluded.spent_micro
      where member_privacy_spend.spent_micro + excluded.spent_micro <= ${budgetMicro}
      returning customer_id`.execute(trx);
    return new Set(rows.map((row) => row.customer_id));
  },

  async insertReport(
    db: Executor,
    row: { job_key: string; organisation_id: string; period: string; title: string; epsilon_micro: number; status: 'charged' | 'refused'; refusal: string | null; refusal_code: 'below_minimum' | 'differencing' | 'advertiser_budget' | null; member_count: number; result: unknown },
  ) {
    return db
      .insertInto('privacy_reports')
      .values({ ...row, result: JSON.stringify(row.result) })
      .onConflict((oc) => oc.column('job_key').doNothing())
      .returning('id')
      .executeTakeFirst();
  },

  async insertMemberCharges(trx: DbTransaction<Database>, reportId: string, customerIds: readonly string[], epsilonMicro: number): Promise<void> {
    if (customerIds.length === 0) return;
    await sql`insert into member_privacy_charges (report_id, customer_id, epsilon_micro)
      select ${reportId}, id, ${epsilonMicro} from unnest(${sql.val([...customerIds])}::uuid[]) as t(id)`.execute(trx);
  },

  async memberSpend(db: Executor, customerId: string, period: string): Promise<number> {
    const row = await db.selectFrom('member_privacy_spend').select('spent_micro').where('customer_id', '=', customerId).where('period', '=', period).executeTakeFirst();
    return row ? Number(row.spent_micro) : 0;
  },

  async advertiserSpend(db: Executor, organisationId: string, period: string): Promise<number> {
    const row = await db.selectFrom('advertiser_privacy_spend').select('spent_micro').where('organisation_id', '=', organisationId).where('period', '=', period).executeTakeFirst();
    return row ? Number(row.spent_micro) : 0;
  },

  /** The reports that used one member's data in a month, newest first, with who bought them. */
  memberCharges(db: Executor, customerId: string, period: string) {
    return db
      .selectFrom('member_privacy_charges as c')
      .innerJoin('privacy_reports as r', 'r.id', 'c.report_id')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.id', 'r.title', 'r.created_at', 'o.name as advertiser', 'c.epsilon_micro'])
      .where('c.customer_id', '=', customerId)
      .where('r.period', '=', period)
      .orderBy('r.created_at', 'desc')
      .limit(500)
      .execute();
  },
};
