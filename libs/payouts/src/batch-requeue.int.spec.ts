import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createQueues, createRedisConnection, QueueUnavailableError } from '@dd/queue';
import { createTestQueues } from '@dd/queue/testing';
import { renderBatchFile, sha256, writeBatchFile } from './batch-file.job';
import { batchFileJobId, STUCK_AFTER_MS } from './batch-file-queue';
import { DEFAULT_PAYOUT_SETTINGS } from './payout.settings';
import { createPayoutService } from './payouts.service';
import { ageAccount, creditEarnings, uniqueIban } from './testing';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
const ADMIN = randomUUID();
const SETTINGS = { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 };

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const service = (now?: () => Date) => createPayoutService({ db, queues: redis.queues, settings: SETTINGS, ...(now ? { now } : {}) });
const jobOf = (batchId: string) => redis.queues.get('payouts').getJob(batchFileJobId(batchId));

async function approvedRequest(cents: number): Promise<string> {
  const id = await insertTestCustomer(db);
  await ageAccount(db, id, 40);
  await creditEarnings(db, id, cents);
  return (await service().requestPayout(id, { amount: cents, iban: uniqueIban(), accountHolder: 'Eva Jansen' })).id;
}

const listed = async (batchId: string, at: Date) => (await service(() => at).batches()).items.find((b) => b.id === batchId)!;

describe('a payout batch whose file job was never queued', () => {
  it('is created anyway when Redis is down, shows as stuck, and "generate again" queues it under the same id, once', async () => {
    // Queues on the same prefix whose connection is gone: what the API has while Redis is down.
    const dead = createRedisConnection(testRedisUrl, 'producer');
    dead.disconnect();
    const down = createPayoutService({ db, queues: createQueues(dead, redis.prefix), settings: SETTINGS });
    const request = await approvedRequest(2_000);
    const batch = await down.createBatch(ADMIN, [request]);
    expect(batch).toMatchObject({ status: 'generating', stuck: true, fileJob: 'missing' });
    expect(await jobOf(batch.id)).toBeUndefined();
    const created = new Date(batch.createdAt);

    // Without a job it is stuck once it has waited a few minutes; not in the first moments.
    expect(await listed(batch.id, new Date(created.getTime() + 30_000))).toMatchObject({ fileJob: 'missing', stuck: false });
    expect(await listed(batch.id, new Date(created.getTime() + STUCK_AFTER_MS))).toMatchObject({ fileJob: 'missing', stuck: true });
    // With Redis down, generating again says so instead of pretending.
    expect(await down.requeueBatch(ADMIN, batch.id).catch((e: unknown) => e)).toBeInstanceOf(QueueUnavailableError);

    expect(await service().requeueBatch(ADMIN, batch.id)).toEqual({ requeued: true, previousJob: 'missing' });
    expect((await jobOf(batch.id))?.data).toEqual({ batchId: batch.id });
    expect(await listed(batch.id, new Date(created.getTime() + STUCK_AFTER_MS))).toMatchObject({ fileJob: 'queued', stuck: false });
    expect(await service().requeueBatch(ADMIN, batch.id)).toEqual({ requeued: false, previousJob: 'queued' });
    expect(await redis.queues.get('payouts').getJobCounts('waiting')).toEqual({ waiting: 1 });

    const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', 'payout.batch_requeued').where('subject_id', '=', batch.id).execute();
    expect(audit).toEqual([{ actor_user_id: ADMIN, details: { previousJob: 'missing', payouts: 1, totalCents: 2_000 } }]);
    await redis.queues.get('payouts').obliterate({ force: true });
  });

  it('a job that failed for good is stuck at once; generating again replaces it, the file has the same bytes, a finished batch is left alone', async () => {
    const batch = await service().createBatch(ADMIN, [await approvedRequest(3_500)]);
    expect(batch).toMatchObject({ stuck: false, fileJob: 'queued' });
    const connection = createRedisConnection(testRedisUrl, 'worker');
    const worker = new Worker(
      'payouts',
      async () => {
        throw new UnrecoverableError('the database was unreachable for good');
      },
      { connection, prefix: redis.prefix },
    );
    try {
      for (let i = 0; i < 100 && (await (await jobOf(batch.id))?.getState()) !== 'failed'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await worker.close();
      connection.disconnect();
    }
    expect(await listed(batch.id, new Date(batch.createdAt))).toMatchObject({ fileJob: 'failed', stuck: true });

    expect(await service().requeueBatch(ADMIN, batch.id)).toEqual({ requeued: true, previousJob: 'failed' });
    const job = await jobOf(batch.id);
    expect(await job?.getState()).toBe('waiting');
    expect(job?.attemptsMade).toBe(0);

    // What the worker then does: the file, identical to a fresh rendering; the batch is ready.
    const written = await writeBatchFile(db, batch.id);
    expect(written).toMatchObject({ written: true, sha256: sha256((await renderBatchFile(db, batch.id))!) });
    const ready = await listed(batch.id, new Date());
    expect(ready).toMatchObject({ status: 'ready', fileJob: null, stuck: false });
    await redis.queues.get('payouts').obliterate({ force: true });
    expect(await service().requeueBatch(ADMIN, batch.id)).toEqual({ requeued: false, previousJob: null });
    expect(await jobOf(batch.id)).toBeUndefined();
    const file = await db.selectFrom('payout_batch_files').select('sha256').where('batch_id', '=', batch.id).execute();
    expect(file).toEqual([{ sha256: (written as { sha256: string }).sha256 }]);
  });
});

describe('paging the admin’s lists', () => {
  it('walks requests and batches page by page: every row once, in order, with the totals of the filter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await approvedRequest(1_000 + i));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof service>['adminRequestsPage']>> = await service().adminRequestsPage('approved', { cursor, limit: 2 });
      expect(page).toMatchObject({ totalCount: 5, totalCents: 5_010 });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual((await service().adminRequestsPage('approved', { limit: 100 })).items.map((r) => r.id));
    expect([...seen].sort()).toEqual([...ids].sort());

    for (const id of ids) await service().createBatch(ADMIN, [id]);
    const all = (await service().batches({ limit: 100 })).items.map((b) => b.id);
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof service>['batches']>> = await service().batches({ cursor: next, limit: 3 });
      walked.push(...page.items.map((b) => b.id));
      next = page.nextCursor;
    } while (next);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(all.length);
    expect(await service().adminRequestsPage('approved', { cursor: 'bm90LWEtY3Vyc29y' }).catch((e: Error) => e.message)).toMatch(/not valid any more/);
  });
});
