import { sql, type Database, type Db, type DbTransaction, type RawBuilder } from '@dd/db';
import type { SegmentNode, SegmentPredicate } from '@dd/contract';
import type { AudienceQuery } from './member-state';
import { countableMember } from './countable-member.sql';

type Executor = Db | DbTransaction<Database>;
type Condition = RawBuilder<unknown>;

const LIST_COLUMNS = {
  ageBand: 'f.age_band',
  province: 'f.province',
  municipality: 'f.municipality',
  householdBand: 'f.household_band',
} as const;

/** A criterion is true or false, never NULL: an unknown value is in no list, so `not` keeps those people (as `matches()` does). */
function predicateSql(predicate: SegmentPredicate): Condition {
  switch (predicate.field) {
    case 'interest':
      return sql`(f.interests && ${sql.val(predicate.in)}::text[])`;
    case 'spend':
      return sql`(coalesce((f.spend_bands ->> ${predicate.category})::int, 0) between ${predicate.min} and ${predicate.max})`;
    default:
      return sql`coalesce(${sql.ref(LIST_COLUMNS[predicate.field])} = any(${sql.val(predicate.in)}::text[]), false)`;
  }
}

export function segmentConditionSql(node: SegmentNode): Condition {
  if ('field' in node) return predicateSql(node);
  if (node.op === 'not') return sql`(not ${segmentConditionSql(node.of)})`;
  if (node.of.length === 0) return node.op === 'all' ? sql`true` : sql`false`;
  return sql`(${sql.join(node.of.map(segmentConditionSql), node.op === 'all' ? sql` and ` : sql` or `)})`;
}

/**
 * The same question as the index answers, asked of PostgreSQL: the reference the engine is tested
 * and benchmarked against, and the authoritative member set when a delivery is frozen. Aliases:
 * u = users, f = customer_features.
 */
export function eligibleMembersSql(query: AudienceQuery, at: Date): Condition {
  const consent = query.categories.map(
    (category) => sql`exists (select 1 from consent_current c
      where c.customer_id = u.id and c.category = ${category} and c.purpose = ${query.purpose}
        and c.granted and (c.expires_at is null or c.expires_at > ${at}))`,
  );
  const industry = query.industry === null ? sql`true` : sql`not exists (select 1 from industry_exclusions_current x where x.customer_id = u.id and x.industry = ${query.industry})`;
  const anyCategory = query.categories.length > 0 ? sql`true` : sql`false`;
  return sql`${countableMember} and f.is_adult
    and ${anyCategory} ${consent.length ? sql`and ${sql.join(consent, sql` and `)}` : sql``}
    and ${industry}
    and ${segmentConditionSql(query.tree)}`;
}

export async function countWithSql(db: Executor, query: AudienceQuery, at = new Date()): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from users u join customer_features f on f.customer_id = u.id
    where ${eligibleMembersSql(query, at)}`.execute(db);
  return rows[0]!.count;
}

/** Member numbers of the eligible members, ascending. */
export async function memberNumbersWithSql(db: Executor, query: AudienceQuery, at = new Date()): Promise<Uint32Array> {
  const { rows } = await sql<{ member_no: number }>`
    select u.member_no from users u join customer_features f on f.customer_id = u.id
    where ${eligibleMembersSql(query, at)} order by u.member_no`.execute(db);
  return Uint32Array.from(rows, (row) => row.member_no);
}
