import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../client';
import { adminUrl, templateName, urlFor } from './test-env';

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of its own for one test file (clone of the template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env['DD_TEST_TEMPLATE'] ?? templateName();
  // The creation time in the name lets a later run clean up leftovers without touching a run in progress.
  const name = `dd_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    // Two clones starting at once can collide on the template's lock: retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database "${name}" template "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  });
  const url = urlFor(name);
  const db = createDb(url, { max: 5, applicationName: 'test' });
  return {
    db,
    url,
    name,
    async drop() {
      await db.destroy();
      await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
