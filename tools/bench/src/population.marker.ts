import { createHash } from 'node:crypto';
import { sql, type Db } from '@dd/db';
import { populationSql } from './population.sql';

/**
 * A kept benchmark database remembers which population it holds: a fingerprint of the generator's
 * SQL, the seed, the size and the migrations applied. A database whose fingerprint differs (the
 * generator or the schema changed, or a run died half-way) is regenerated rather than reused.
 */
export async function populationFingerprint(db: Db, customers: number, seed: number): Promise<string> {
  const statements = populationSql(seed);
  const { rows } = await sql<{ names: string | null }>`select string_agg(name, ',' order by name) as names from kysely_migration`.execute(db);
  return createHash('sha256')
    .update(JSON.stringify([customers, seed, rows[0]?.names ?? '', statements.people({ from: 1, to: 1 }), statements.users, statements.features, statements.consent, statements.exclusions]))
    .digest('hex')
    .slice(0, 16);
}

export interface PopulationMarker {
  seconds: number;
  generatedAt: Date;
}

export async function readPopulationMarker(db: Db, fingerprint: string): Promise<PopulationMarker | null> {
  const { rows: table } = await sql<{ found: boolean }>`select to_regclass('bench_population') is not null as found`.execute(db);
  if (!table[0]?.found) return null;
  const { rows } = await sql<{ seconds: number; generated_at: Date }>`
    select seconds, generated_at from bench_population where fingerprint = ${fingerprint}`.execute(db);
  const row = rows[0];
  return row ? { seconds: row.seconds, generatedAt: row.generated_at } : null;
}

export async function writePopulationMarker(db: Db, fingerprint: string, seconds: number): Promise<void> {
  await sql`create table if not exists bench_population (fingerprint text primary key, seconds float8 not null, generated_at timestamptz not null default now())`.execute(db);
  await sql`insert into bench_population (fingerprint, seconds) values (${fingerprint}, ${seconds})`.execute(db);
}
