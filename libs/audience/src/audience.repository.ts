import { sql, type Database, type Db, type DbTransaction, type Purpose } from '@dd/db';
import { featuresFromRow } from '@dd/segments';
import { countableMember } from './countable-member.sql';
import type { MemberState } from './member-state';

type Executor = Db | DbTransaction<Database>;

/** Parses "1,2,3" (a string_agg of member numbers): much cheaper than one row per member. */
function memberList(text: string | null): number[] {
  if (!text) return [];
  const out: number[] = [];
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44) {
      out.push(value);
      value = 0;
    } else {
      value = value * 10 + (code - 48);
    }
  }
  out.push(value);
  return out;
}

const countable = (from: number, to: number) => sql`${countableMember} and u.member_no between ${from} and ${to}`;

export const audienceRepository = {
  async maxMemberNo(trx: Executor): Promise<number> {
    const { rows } = await sql<{ max: number | null }>`select max(member_no) as max from users`.execute(trx);
    return rows[0]?.max ?? 0;
  },

  /** Features of the countable customers with member numbers in from..to. */
  async featureRows(trx: Executor, from: number, to: number) {
    const { rows } = await sql<{ member_no: number; is_adult: boolean; age_band: string | null; province: string | null; municipality: string | null; household_band: string | null; interests: string[]; spend_bands: Record<string, number> }>`
      select u.member_no, f.is_adult, f.age_band, f.province, f.municipality, f.household_band, f.interests, f.spend_bands
      from users u join customer_features f on f.customer_id = u.id
      where ${countable(from, to)}`.execute(trx);
    return rows;
  },

  /** Open-ended grants per consent cell, as member lists (the bulk of the consent data). */
  async openGrantsByCell(trx: Executor, from: number, to: number) {
    const { rows } = await sql<{ category: string; purpose: Purpose; members: string }>`
      select c.category, c.purpose, string_agg(u.member_no::text, ',') as members
      from consent_current c join users u on u.id = c.customer_id
      where c.granted and c.expires_at is null and ${countable(from, to)}
      group by c.category, c.purpose`.execute(trx);
    return rows.map((row) => ({ category: row.category, purpose: row.purpose, members: memberList(row.members) }));
  },

  /** Grants with an end date that has not passed yet. */
  async datedGrants(trx: Executor, from: number, to: number) {
    const { rows } = await sql<{ member_no: number; category: string; purpose: Purpose; expires_at: Date }>`
      select u.member_no, c.category, c.purpose, c.expires_at
      from consent_current c join users u on u.id = c.customer_id
      where c.granted and c.expires_at > now() and ${countable(from, to)}`.execute(trx);
    return rows;
  },

  async exclusionsByIndustry(trx: Executor, from: number, to: number) {
    const { rows } = await sql<{ industry: string; members: string }>`
      select x.industry, string_agg(u.member_no::text, ',') as members
      from industry_exclusions_current x join users u on u.id = x.customer_id
      where ${countable(from, to)}
      group by x.industry`.execute(trx);
    return rows.map((row) => ({ industry: row.industry, members: memberList(row.members) }));
  },

  /** The full state of some members; a member missing from the result is not countable (any more). */
  async memberStates(trx: Executor, memberNos: readonly number[]): Promise<Map<number, MemberState>> {
    const states = new Map<number, MemberState>();
    if (memberNos.length === 0) return states;
    const list = sql`${sql.val([...memberNos])}::int[]`;
    const where = sql`${countableMember} and u.member_no = any(${list})`;
    // One after the other: the three reads share the caller's transaction (one connection, one snapshot).
    const features = await sql<{ member_no: number; is_adult: boolean; age_band: string | null; province: string | null; municipality: string | null; household_band: string | null; interests: string[]; spend_bands: Record<string, number> }>`
        select u.member_no, f.is_adult, f.age_band, f.province, f.municipality, f.household_band, f.interests, f.spend_bands
        from users u join customer_features f on f.customer_id = u.id where ${where}`.execute(trx);
    const grants = await sql<{ member_no: number; category: string; purpose: Purpose; expires_at: Date | null }>`
        select u.member_no, c.category, c.purpose, c.expires_at
        from consent_current c join users u on u.id = c.customer_id
        where c.granted and (c.expires_at is null or c.expires_at > now()) and ${where}`.execute(trx);
    const exclusions = await sql<{ member_no: number; industry: string }>`
        select u.member_no, x.industry from industry_exclusions_current x join users u on u.id = x.customer_id where ${where}`.execute(trx);
    for (const row of features.rows) {
      states.set(row.member_no, { memberNo: row.member_no, features: featuresFromRow(row), grants: [], excludedIndustries: [] });
    }
    for (const row of grants.rows) {
      states.get(row.member_no)?.grants.push({ category: row.category, purpose: row.purpose, expiresAt: row.expires_at ? row.expires_at.getTime() : null });
    }
    for (const row of exclusions.rows) states.get(row.member_no)?.excludedIndustries.push(row.industry);
    return states;
  },

  /** Changes by transactions that were unfinished at the previous read (or later): see AudienceEngine.refresh. */
  async changesSince(trx: Executor, xmin: string) {
    const { rows } = await sql<{ id: number; member_no: number; tx: string }>`
      select id, member_no, tx::text as tx from audience_changes where tx >= ${xmin}::xid8 order by id`.execute(trx);
    return rows;
  },

  /** The feed only needs to reach back as far as the oldest engine that has not rebuilt since. */
  async pruneChanges(db: Executor, before: Date): Promise<number> {
    const result = await db.deleteFrom('audience_changes').where('changed_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
