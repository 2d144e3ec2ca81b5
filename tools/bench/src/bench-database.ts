import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { syncReferenceData } from '@dd/categories';
import { createDb, migrateToLatest, type Db } from '@dd/db';

/** Every database a benchmark creates carries this prefix; nothing else on the server is touched. */
export const BENCH_DATABASE_PREFIX = 'dd_bench_';

export interface BenchDatabase {
  db: Db;
  name: string;
  /** False when an existing database was reused (`keep` with a name that already existed). */
  created: boolean;
  /** Drops the database, unless it is kept; always closes the pool. */
  drop(): Promise<void>;
  /** Drops and recreates a kept database (its contents are stale), migrated and with reference data. */
  recreate(): Promise<void>;
}

export interface BenchDatabaseOptions {
  /** A fixed name (must start with dd_bench_); default a random one. */
  name?: string;
  /** Keep the database after the run and reuse it if it already exists. */
  keep?: boolean;
  /** Pool size. */
  connections?: number;
}

const adminUrl = () => process.env['BENCH_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres';

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database on the PostgreSQL server named by BENCH_DATABASE_URL (default: the local server),
 * migrated and with reference data. By default a throw-away one, dropped afterwards; with `keep`,
 * a named one that survives the run and is reused by the next (large populations take minutes to
 * generate). Benchmarks never touch the platform's own database.
 */
export async function createBenchDatabase(options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  const name = options.name ?? `${BENCH_DATABASE_PREFIX}${randomBytes(4).toString('hex')}`;
  if (!name.startsWith(BENCH_DATABASE_PREFIX) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`A bench database name must start with ${BENCH_DATABASE_PREFIX} and use only a-z, 0-9 and _: ${name}`);
  }
  const keep = options.keep ?? false;
  const exists = async () => (await withAdmin((c) => c.query('select 1 from pg_database where datname = $1', [name]))).rowCount === 1;
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const open = () => createDb(url.toString(), { max: options.connections ?? 4, applicationName: 'bench' });
  const prepare = async (db: Db) => {
    await migrateToLatest(db);
    await syncReferenceData(db);
  };

  const created = !(keep && (await exists()));
  if (created) await withAdmin((c) => c.query(`create database "${name}"`));
  const bench: BenchDatabase = {
    db: open(),
    name,
    created,
    async drop() {
      await bench.db.destroy();
      if (!keep) await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
    async recreate() {
      await bench.db.destroy();
      await withAdmin(async (c) => {
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.query(`create database "${name}"`);
      });
      bench.db = open();
      bench.created = true;
      await prepare(bench.db);
    },
  };
  await prepare(bench.db);
  return bench;
}
