import { sql, type Db } from '@dd/db';
import { populationSql } from './population.sql';

export interface PopulationOptions {
  customers: number;
  seed?: number;
  /** Customers per slice: one transaction writes a slice's accounts, features, consent and exclusions. */
  slice?: number;
  /** Slices in flight at once (one connection each). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface PopulationStats {
  customers: number;
  adults: number;
  minors: number;
  withFeatures: number;
  consentDecisions: number;
  grantsNow: number;
  exclusions: number;
  seconds: number;
}

/**
 * Writes a synthetic population of `customers` benchmark customers into an empty, migrated
 * database with reference data: accounts, derived features, consent decisions and industry
 * exclusions (the triggers derive consent_current and industry_exclusions_current from them).
 * Everything is set-based SQL, in slices written concurrently; the result depends only on the
 * seed and the number of customers.
 */
export async function generatePopulation(db: Db, options: PopulationOptions): Promise<PopulationStats> {
  const started = performance.now();
  const { customers } = options;
  const seed = options.seed ?? 1;
  const slice = options.slice ?? 50_000;
  const concurrency = options.concurrency ?? 2;
  const log = options.log ?? (() => {});
  const statements = populationSql(seed);

  // Like pg_restore: checking references one row at a time, and inserting into secondary indexes
  // that no longer fit in memory, cost more than writing the rows. The load runs without the
  // foreign keys and the indexes that back no constraint (the consent trigger's ON CONFLICT
  // needs the primary keys) and puts them back afterwards exactly as they were: PostgreSQL then
  // checks every reference in one set-based pass and builds each index in one sort.
  const deferred = await dropDeferrable(db);
  let next = 1;
  let done = 0;
  const worker = async () => {
    while (next <= customers) {
      const from = next;
      const to = Math.min(customers, from + slice - 1);
      next = to + 1;
      await db.transaction().execute(async (trx) => {
        // A slice is rewritten from scratch if a run dies, so commits need not wait for the disk;
        // the consent trigger sorts a slice's decisions, which wants more than the default work_mem.
        await sql`set local synchronous_commit = off`.execute(trx);
        await sql`set local work_mem = '256MB'`.execute(trx);
        await sql.raw(statements.people({ from, to })).execute(trx);
        for (const statement of [statements.users, statements.features, statements.consent, statements.exclusions]) {
          await sql.raw(statement).execute(trx);
        }
      });
      done += to - from + 1;
      if (customers > slice) log(`population: ${done}/${customers} customers, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    log(`population: rows written in ${((performance.now() - started) / 1000).toFixed(1)} s; rebuilding indexes and checking references`);
    await restoreDeferred(db, deferred);
  }
  log(`population: indexes and references done at ${((performance.now() - started) / 1000).toFixed(1)} s; vacuum analyze`);

  // The change feed is pruned after a day in production; a fresh population has nothing to catch up on.
  await sql`truncate audience_changes`.execute(db);
  for (const table of ['users', 'customer_features', 'consent_decisions', 'consent_current', 'industry_exclusions', 'industry_exclusions_current']) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...(await populationCounts(db)), seconds };
}

/** What a population holds, for the report (and for checking a reused database). */
export async function populationCounts(db: Db): Promise<Omit<PopulationStats, 'seconds'>> {
  const { rows } = await sql<Omit<PopulationStats, 'seconds'>>`
    select
      (select count(*)::int from users where role = 'customer') as customers,
      (select count(*)::int from customer_features where is_adult) as adults,
      (select count(*)::int from customer_features where age_band = 'minor') as minors,
      (select count(*)::int from customer_features) as "withFeatures",
      (select count(*)::int from consent_decisions) as "consentDecisions",
      (select count(*)::int from consent_current where granted and (expires_at is null or expires_at > now())) as "grantsNow",
      (select count(*)::int from industry_exclusions_current) as exclusions`.execute(db);
  return rows[0]!;
}

/** The tables the generator fills that reference others (users, categories, industries). */
const LOADED_TABLES = ['customer_features', 'consent_decisions', 'consent_current', 'industry_exclusions', 'industry_exclusions_current'];

interface Deferred {
  foreignKeys: { table: string; name: string; definition: string }[];
  indexes: { name: string; definition: string }[];
}

async function dropDeferrable(db: Db): Promise<Deferred> {
  const { rows: foreignKeys } = await sql<Deferred['foreignKeys'][number]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and conrelid = any(${LOADED_TABLES}::regclass[])
    order by 1, 2`.execute(db);
  const { rows: indexes } = await sql<Deferred['indexes'][number]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i where i.indrelid = any(${LOADED_TABLES}::regclass[])
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by 1`.execute(db);
  for (const fk of foreignKeys) await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(db);
  for (const index of indexes) await sql`drop index ${sql.table(index.name)}`.execute(db);
  return { foreignKeys, indexes };
}

async function restoreDeferred(db: Db, deferred: Deferred): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`set maintenance_work_mem = '1GB'`.execute(connection);
    await sql`set work_mem = '512MB'`.execute(connection);
    for (const index of deferred.indexes) await sql.raw(index.definition).execute(connection);
    for (const fk of deferred.foreignKeys) {
      await sql`alter table ${sql.table(fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(connection);
    }
    await sql`reset maintenance_work_mem`.execute(connection);
    await sql`reset work_mem`.execute(connection);
  });
}
