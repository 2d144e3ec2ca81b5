import { createTestDatabase, insertTestCustomer, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { recomputeFeatures } from '@dd/profile';
import { createQueues, createRedisConnection, type Queues } from '@dd/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger, testWorkerEnv, waitFor } from './testing/worker.testing';
import { createWorkerApp } from './worker.app';

const env = testWorkerEnv();
const producer = createRedisConnection(testRedisUrl, 'producer');
let database: TestDatabase;
let queues: Queues;

beforeAll(async () => {
  database = await createTestDatabase();
  queues = createQueues(producer, env.QUEUE_PREFIX);
});

afterAll(async () => {
  for (const queue of queues?.all() ?? []) await queue.obliterate({ force: true });
  await queues?.close();
  producer.disconnect();
  await database?.drop();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const spendBands = async (customerId: string) =>
  (await database.db.selectFrom('customer_features').select('spend_bands').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).spend_bands;

describe('the production worker after a rule change', () => {
  it('categorises day care stored as kids again at start-up, and the kids spend feature drops out of the customer’s features', async () => {
    const customerId = await insertTestCustomer(database.db, { birthYear: 1990 });
    // What the old rule `kids.childcare` stored: sellable, so it fed a kids spend band.
    const { id } = await database.db
      .insertInto('transactions')
      .values({
        customer_id: customerId, booked_on: daysAgo(10), amount_cents: -120_000, counterparty_name: 'Partou B.V.', counterparty_iban: null,
        description: 'Kinderopvang januari', bank_code: null, category: 'kids', rule_id: 'kids.childcare', dedupe_key: 'day-care-january',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recomputeFeatures(database.db, customerId);
    expect((await spendBands(customerId))['kids']).toBeGreaterThan(0);

    const { logger, lines } = captureLogger();
    const app = await createWorkerApp({ env, db: database.db, logger });
    try {
      await waitFor('the kids spend feature to drop', async () => ((await spendBands(customerId))['kids'] === undefined ? true : undefined), 20_000);
      expect(await database.db.selectFrom('transactions').select(['category', 'special']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
        category: 'childcare',
        special: true,
      });
      expect(lines.filter((line) => line.msg === 'categorisation rules changed: stored transactions are categorised again')).toHaveLength(1);
    } finally {
      await app.close(5_000);
    }

    // The next start finds the rules recorded as applied: nothing is queued again.
    const again = captureLogger();
    const next = await createWorkerApp({ env, db: database.db, logger: again.logger });
    await next.close(5_000);
    expect(again.lines.filter((line) => line.msg === 'categorisation rules changed: stored transactions are categorised again')).toEqual([]);
    expect(await queues.get('maintenance').getJobs(['waiting', 'active', 'delayed'])).not.toContainEqual(expect.objectContaining({ name: 'transactions.recategorise' }));
  });
});
