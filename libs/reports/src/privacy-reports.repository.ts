import type { Database, Db, DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export type ReportRefusalCode = 'below_minimum' | 'differencing' | 'advertiser_budget';

/** Insight reports (privacy_reports): the stored result, or refusal, of each report job. */
export const privacyReportsRepository = {
  findReport(db: Executor, jobKey: string) {
    return db
      .selectFrom('privacy_reports')
      .select(['id', 'status', 'refusal', 'refusal_code', 'result'])
      .where('job_key', '=', jobKey)
      .executeTakeFirst();
  },

  insertReport(
    db: Executor,
    row: { job_key: string; organisation_id: string; period: string; title: string; epsilon_micro: number; status: 'charged' | 'refused'; refusal: string | null; refusal_code: ReportRefusalCode | null; member_count: number; result: unknown },
  ) {
    return db
      .insertInto('privacy_reports')
      .values({ ...row, result: JSON.stringify(row.result) })
      .onConflict((oc) => oc.column('job_key').doNothing())
      .returning('id')
      .executeTakeFirst();
  },
};
