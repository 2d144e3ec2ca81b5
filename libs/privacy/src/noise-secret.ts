import { randomBytes } from 'node:crypto';
import type { Database, Db, DbTransaction } from '@dd/db';

const NAME = 'audience-noise';

type Executor = Db | DbTransaction<Database>;

/**
 * The secret that keys every noise stream. Generated once (the first process to ask wins the
 * insert) and kept in the database, so the API and the workers, and every restart, use the same key:
 * a key that changed on restart would hand out a fresh noise sample for every question, which an
 * advertiser could average away.
 */
export async function loadNoiseSecret(db: Executor): Promise<Buffer> {
  await db.insertInto('platform_secrets').values({ name: NAME, value: randomBytes(32) }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('platform_secrets').select('value').where('name', '=', NAME).executeTakeFirstOrThrow();
  return row.value;
}

/** The secret if it exists; never writes, so it never waits for another transaction. */
export async function readNoiseSecret(db: Executor): Promise<Buffer | undefined> {
  const row = await db.selectFrom('platform_secrets').select('value').where('name', '=', NAME).executeTakeFirst();
  return row?.value;
}
