import { eligibleMembersSql, type AudienceQuery } from '@dd/audience';
import { sql, type Database, type DbTransaction } from '@dd/db';
import { featuresFromRow, type SegmentFeatures } from '@dd/segments';

export interface ReportMember {
  customerId: string;
  memberNo: number;
  features: SegmentFeatures;
}

/** The eligible members at `at`, read in the reporting transaction: the set the report is frozen on. */
export async function eligibleReportMembers(trx: DbTransaction<Database>, query: AudienceQuery, at: Date): Promise<ReportMember[]> {
  const { rows } = await sql<{ id: string; member_no: number; is_adult: boolean; age_band: string | null; province: string | null; municipality: string | null; household_band: string | null; interests: string[]; spend_bands: Record<string, number> }>`
    select u.id, u.member_no, f.is_adult, f.age_band, f.province, f.municipality, f.household_band, f.interests, f.spend_bands
    from users u join customer_features f on f.customer_id = u.id
    where ${eligibleMembersSql(query, at)}
    order by u.id`.execute(trx);
  return rows.map((row) => ({ customerId: row.id, memberNo: row.member_no, features: featuresFromRow(row) }));
}
