import { createHash } from 'node:crypto';
import { sql, type Db } from '@dd/db';
import { populationSql } from './population.sql';

/**
 * A kept benchmark database remembers which population it holds: a fingerprint of the generator's
 * SQL, the seed and the size. Like a production database, a kept one is migrated forward when new
 * migrations arrive (createBenchDatabase applies them), so adding a table does not throw away a
 * population that took ten minutes to write. A migration that changes what the generated rows mean
 * changes the generator's SQL too (and so the fingerprint); `--regenerate` forces a new population.
 */
export function populationFingerprint(customers: number, seed: number): string {
  const statements = populationSql(seed);
  return createHash('sha256')
    .update(JSON.stringify([customers, seed, statements.people({ from: 1, to: 1 }), statements.users, statements.features, statements.consent, statements.exclusions]))
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
