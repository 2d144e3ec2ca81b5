import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { syncReferenceData } from '@dd/categories';
import { createDb, migrateToLatest, type Db } from '@dd/db';

/**
 * A throw-away database on the PostgreSQL server named by BENCH_DATABASE_URL (default: the
 * local server), migrated and with reference data, dropped afterwards. Benchmarks never touch
 * the platform's own database.
 */
export async function createBenchDatabase(): Promise<{ db: Db; drop(): Promise<void> }> {
  const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres';
  const name = `dd_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 4, applicationName: 'bench' });
  await migrateToLatest(db);
  await syncReferenceData(db);
  return {
    db,
    async drop() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}
