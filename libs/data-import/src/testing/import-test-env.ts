import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import type { Queues } from '@dd/queue';
import { createTestQueues } from '@dd/queue/testing';

/**
 * The shared setup of the import test files: a database and queues of their own for the file,
 * torn down after it, plus the queries the tests check results with.
 */
export function useImportTestEnv() {
  let tdb: TestDatabase | undefined;
  let redis: ReturnType<typeof createTestQueues> | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    redis = createTestQueues();
  });
  afterAll(async () => {
    await redis?.close();
    await tdb?.drop();
  });

  const env = {
    get db(): Db {
      if (!tdb) throw new Error('The test database is created in beforeAll.');
      return tdb.db;
    },
    get queues(): Queues {
      if (!redis) throw new Error('The test queues are created in beforeAll.');
      return redis.queues;
    },
    deps: () => ({ db: env.db, queues: env.queues }),
    createCustomer: () => insertTestCustomer(env.db),
    uploadRow: (uploadId: string) => env.db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirstOrThrow(),
    async uploadCount(customerId: string) {
      const { n } = await env.db.selectFrom('uploads').select((eb) => eb.fn.countAll().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
      return Number(n);
    },
    async transactionCount(customerId: string) {
      const { n } = await env.db.selectFrom('transactions').select((eb) => eb.fn.countAll().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
      return Number(n);
    },
    async hasContent(uploadId: string) {
      return (await env.db.selectFrom('upload_contents').select('upload_id').where('upload_id', '=', uploadId).executeTakeFirst()) !== undefined;
    },
    featuresJob: (customerId: string) => env.queues.get('features').getJob(`features-${customerId}`),
    async sumsByCurrency(customerId: string): Promise<Record<string, number>> {
      const rows = await env.db
        .selectFrom('transactions')
        .select(['currency', (eb) => eb.fn.sum<string>('amount_cents').as('total')])
        .where('customer_id', '=', customerId)
        .groupBy('currency')
        .execute();
      return Object.fromEntries(rows.map((row) => [row.currency, Number(row.total)]));
    },
  };
  return env;
}
