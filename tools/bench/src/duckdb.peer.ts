import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AudienceQuery } from '@dd/audience';
import type { SegmentNode, SegmentPredicate } from '@dd/contract';
import { sql, type Db } from '@dd/db';

/**
 * The peer of BENCHMARKS.md: DuckDB in-process, on the same population, asked the same questions
 * with the same eligibility (adult, consent per category and purpose at the moment, industry not
 * excluded). The population is exported from PostgreSQL as one wide row per countable member:
 * features, a spend band column per category, an expiry column per consent cell (epoch ms; none =
 * no grant) and the excluded industries, which is the layout a column store answers fastest.
 * The export is a server-side COPY, so `--duckdb` needs the PostgreSQL server on this machine.
 */
export interface DuckDbPeer {
  count(query: AudienceQuery, at: Date): Promise<number>;
  rows: number;
  loadSeconds: number;
  close(): void;
}

/** Grants without an end date compare as "later than any moment". */
const OPEN_ENDED = 9_000_000_000_000_000;
/** A string literal (codes from the catalogue, but quoted properly all the same). */
const code = (value: string) => `'${value.replace(/'/g, "''")}'`;
const column = (prefix: string, ...parts: string[]) => `"${prefix}_${parts.join('__').replace(/[^a-z0-9_]/gi, '_')}"`;

export async function loadDuckDbPeer(db: Db, options: { threads?: number; log?: (line: string) => void } = {}): Promise<DuckDbPeer> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const spendCategories = (await sql<{ category: string }>`select distinct jsonb_object_keys(spend_bands) as category from customer_features order by 1`.execute(db)).rows.map((r) => r.category);
  const cells = (await sql<{ category: string; purpose: string }>`select distinct category, purpose from consent_current order by 1, 2`.execute(db)).rows;
  const file = join(tmpdir(), `dd-bench-duckdb-${randomBytes(4).toString('hex')}.csv`);

  const spend = spendCategories.map((category) => `coalesce((f.spend_bands ->> ${code(category)})::int, 0) as ${column('s', category)}`);
  const consent = cells.map(
    ({ category, purpose }) =>
      `max(case when c.category = ${code(category)} and c.purpose = ${code(purpose)} then coalesce((extract(epoch from c.expires_at) * 1000)::bigint, ${OPEN_ENDED}) end) as ${column('c', category, purpose)}`,
  );
  const exportSql = `
    select u.member_no, f.is_adult, f.age_band, f.province, f.municipality, f.household_band,
      array_to_string(f.interests, '|') as interests, ${spend.join(', ')},
      (select string_agg(x.industry, '|') from industry_exclusions_current x where x.customer_id = u.id) as excluded,
      ${consent.length ? `cc.*` : 'null as no_consent'}
    from users u join customer_features f on f.customer_id = u.id
    left join lateral (select ${consent.join(', ') || 'null'} from consent_current c where c.customer_id = u.id and c.granted) cc on true
    where u.role = 'customer' and u.erasure_requested_at is null`;
  log(`duckdb: exporting the population from PostgreSQL (${spendCategories.length} spend and ${cells.length} consent columns) …`);
  await sql.raw(`copy (${exportSql}) to '${file}' with (format csv, header true)`).execute(db);

  const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 2) });
  const connection = await instance.connect();
  try {
    await connection.run(`
      create table members as
      select * exclude (interests, excluded),
        coalesce(string_split(nullif(interests, ''), '|'), []::varchar[]) as interests,
        coalesce(string_split(nullif(excluded, ''), '|'), []::varchar[]) as excluded
      from read_csv('${file}', header = true, all_varchar = false, sample_size = -1)`);
  } finally {
    await rm(file, { force: true });
  }
  const rows = Number((await connection.runAndReadAll('select count(*) from members')).getRows()[0]![0]);
  const present = new Set((await connection.runAndReadAll(`select column_name from information_schema.columns where table_name = 'members'`)).getRows().map((r) => String(r[0])));
  const loadSeconds = (performance.now() - started) / 1000;
  log(`duckdb: ${rows.toLocaleString('en')} members loaded in ${loadSeconds.toFixed(1)} s`);

  return {
    rows,
    loadSeconds,
    count: (query, at) => countWith(connection, present, query, at),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function countWith(connection: DuckDBConnection, present: ReadonlySet<string>, query: AudienceQuery, at: Date): Promise<number> {
  const has = (name: string) => present.has(name.slice(1, -1));
  const consent = query.categories.map((category) => {
    const name = column('c', category, query.purpose);
    return has(name) ? `${name} > ${at.getTime()}` : 'false';
  });
  const industry = query.industry === null ? 'true' : `not list_contains(excluded, ${code(query.industry)})`;
  const where = [`is_adult`, query.categories.length ? 'true' : 'false', ...consent, industry, condition(query.tree, has)].join(' and ');
  const result = await connection.runAndReadAll(`select count(*) from members where ${where}`);
  return Number(result.getRows()[0]![0]);
}

/** The segment as DuckDB SQL, with the semantics of segmentConditionSql (unknown values are in no list). */
function condition(node: SegmentNode, has: (column: string) => boolean): string {
  if ('field' in node) return predicate(node, has);
  if (node.op === 'not') return `(not ${condition(node.of, has)})`;
  if (node.of.length === 0) return node.op === 'all' ? 'true' : 'false';
  return `(${node.of.map((child) => condition(child, has)).join(node.op === 'all' ? ' and ' : ' or ')})`;
}

const LIST_COLUMNS = { ageBand: 'age_band', province: 'province', municipality: 'municipality', householdBand: 'household_band' } as const;

function predicate(p: SegmentPredicate, has: (column: string) => boolean): string {
  switch (p.field) {
    case 'interest':
      return `list_has_any(interests, [${p.in.map(code).join(', ')}]::varchar[])`;
    case 'spend': {
      const name = column('s', p.category);
      return `(${has(name) ? name : '0'} between ${p.min} and ${p.max})`;
    }
    default:
      return `coalesce(${LIST_COLUMNS[p.field]} in (${p.in.map(code).join(', ')}), false)`;
  }
}
