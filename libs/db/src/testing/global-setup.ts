import pg from 'pg';
import { createDb, type Db } from '../client';
import { migrateToLatest } from '../migrate';
import { adminUrl, templateName, urlFor } from './test-env';

/**
 * Vitest global setup: migrate once into a template database; every test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of re-running migrations.
 */
export interface TemplateOptions {
  /** Runs on the freshly migrated template, e.g. to load reference data. */
  afterMigrate?: (db: Db) => Promise<unknown>;
  /** Changes whenever what afterMigrate writes changes, so the template is rebuilt. */
  fingerprint?: string;
}

export async function prepareTemplate(options: TemplateOptions = {}): Promise<() => Promise<void>> {
  const { afterMigrate, fingerprint } = options;
  const name = templateName(fingerprint);
  // Several test projects list this setup; in one run only the first may clean up, or it would
  // drop the databases the others' already-started processes (the e2e API) are using.
  if (process.env['DD_TEST_TEMPLATE'] === name) return async () => {};
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${name}_building"`).catch(async () => {
        await admin.query(`drop database if exists "${name}_building"`);
        await admin.query(`create database "${name}_building"`);
      });
      const db = createDb(urlFor(`${name}_building`), { max: 2 });
      try {
        await migrateToLatest(db);
        await afterMigrate?.(db);
      } finally {
        await db.destroy();
      }
      await admin.query(`alter database "${name}_building" rename to "${name}"`);
    }
    // Leftovers of crashed runs: test databases over two hours old (their names carry the
    // creation time) and templates of other migration sets not used for a day. A run in progress
    // elsewhere on this server keeps its databases.
    const cutoff = Math.floor(Date.now() / 1000) - 2 * 3600;
    const stale = await admin.query<{ datname: string }>(
      `select datname from pg_database
       where (datname ~ '^dd_test_[0-9]+_' and split_part(datname, '_', 3)::bigint < $2)
          or (datname like 'dd_tpl_%' and datname <> $1 and datname not like '%_building'
              and coalesce((pg_stat_file('base/' || oid || '/PG_VERSION', true)).modification, now()) < now() - interval '1 day')`,
      [name, cutoff],
    );
    for (const { datname } of stale.rows) await admin.query(`drop database if exists "${datname}"`).catch(() => undefined);
  } finally {
    await admin.end();
  }
  process.env['DD_TEST_TEMPLATE'] = name;
  return async () => {};
}

/** Plain migrations only; the workspace's setup (tools/vitest/global-setup.ts) adds reference data. */
export const setup = () => prepareTemplate();
