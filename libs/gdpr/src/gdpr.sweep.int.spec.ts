import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createRedisConnection } from '@dd/queue';
import { createTestQueues } from '@dd/queue/testing';
import { ERASURE_TIME_LIMIT_MINUTES, EXPORT_TIME_LIMIT_MINUTES } from './gdpr.limits';
import { createGdprService, runExport } from './gdpr.service';
import { erasureJobId, failExport, sweepPendingErasures, sweepStuckExports } from './gdpr.sweep';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const NOW = new Date('2026-11-30T10:00:00.000Z');
const MINUTE = 60_000;
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

async function exportRequestedAt(requestedAt: Date, status: 'requested' | 'building' | 'ready' = 'requested') {
  const customerId = await insertTestCustomer(db);
  const { id } = await db.insertInto('data_exports').values({ customer_id: customerId, status, requested_at: requestedAt }).returning('id').executeTakeFirstOrThrow();
  return { customerId, exportId: id };
}

const exportRow = (exportId: string) => db.selectFrom('data_exports').select(['status', 'error']).where('id', '=', exportId).executeTakeFirstOrThrow();

describe('the export sweep', () => {
  it('fails an export still in progress after its time limit with a reason, once, and leaves fresh ones alone', async () => {
    const stuck = await exportRequestedAt(minutesAgo(EXPORT_TIME_LIMIT_MINUTES + 1), 'building');
    const waiting = await exportRequestedAt(minutesAgo(EXPORT_TIME_LIMIT_MINUTES + 5));
    const fresh = await exportRequestedAt(minutesAgo(EXPORT_TIME_LIMIT_MINUTES - 1));
    const done = await exportRequestedAt(minutesAgo(120), 'ready');

    expect((await sweepStuckExports(db, NOW)).sort()).toEqual([stuck.exportId, waiting.exportId].sort());
    expect(await exportRow(stuck.exportId)).toEqual({ status: 'failed', error: 'exportTimedOut' });
    expect(await exportRow(fresh.exportId)).toEqual({ status: 'requested', error: null });
    expect(await exportRow(done.exportId)).toEqual({ status: 'ready', error: null });

    // A second sweep (or a retried one) finds nothing left to fail.
    expect(await sweepStuckExports(db, NOW)).toEqual([]);

    // The customer sees why, and may ask again at once: the failed export no longer counts as the active one.
    const gdpr = createGdprService({ db, queues: redis.queues, now: () => NOW });
    expect((await gdpr.exports(stuck.customerId))[0]).toMatchObject({ status: 'failed', failureReason: 'exportTimedOut', downloadUrl: null });
    const again = await gdpr.requestExport(stuck.customerId);
    expect(again).toMatchObject({ status: 'requested', failureReason: null });
    expect(again.id).not.toBe(stuck.exportId);
  });

  it('a late run of a failed export stores nothing and leaves it failed', async () => {
    const { exportId } = await exportRequestedAt(minutesAgo(EXPORT_TIME_LIMIT_MINUTES + 1));
    await sweepStuckExports(db, NOW);
    expect(await runExport(db, exportId, NOW)).toBe('failed');
    expect(await exportRow(exportId)).toEqual({ status: 'failed', error: 'exportTimedOut' });
    expect(await db.selectFrom('data_export_files').select('export_id').where('export_id', '=', exportId).execute()).toEqual([]);
  });

  it('a final job failure fails the export with its own reason, once', async () => {
    const { customerId, exportId } = await exportRequestedAt(minutesAgo(1), 'building');
    expect(await failExport(db, exportId)).toBe(true);
    expect(await failExport(db, exportId)).toBe(false);
    const gdpr = createGdprService({ db, queues: redis.queues, now: () => NOW });
    expect((await gdpr.exports(customerId))[0]).toMatchObject({ status: 'failed', failureReason: 'exportFailed' });
  });
});

describe('the erasure sweep', () => {
  async function erasureRequestedAt(requestedAt: Date) {
    const customerId = await insertTestCustomer(db);
    await db.updateTable('users').set({ erasure_requested_at: requestedAt }).where('id', '=', customerId).execute();
    return customerId;
  }
  const erasureJob = (customerId: string) => redis.queues.get('gdpr').getJob(erasureJobId(customerId));

  it('queues the job again of an erasure pending past its time limit, once, and leaves fresh ones alone', async () => {
    const overdue = await erasureRequestedAt(minutesAgo(ERASURE_TIME_LIMIT_MINUTES + 1));
    const fresh = await erasureRequestedAt(minutesAgo(ERASURE_TIME_LIMIT_MINUTES - 1));

    const first = await sweepPendingErasures({ db, queues: redis.queues }, NOW);
    expect(first).toContain(overdue);
    expect(first).not.toContain(fresh);
    expect((await erasureJob(overdue))?.data).toEqual({ customerId: overdue });
    expect(await erasureJob(fresh)).toBeUndefined();

    // Its job is waiting now: a second sweep queues nothing more.
    expect(await sweepPendingErasures({ db, queues: redis.queues }, NOW)).not.toContain(overdue);
  });

  it('queues again an erasure whose job failed for good, and never one that is done', async () => {
    const failedJob = await erasureRequestedAt(minutesAgo(ERASURE_TIME_LIMIT_MINUTES + 10));
    await redis.queues.get('gdpr').add('gdpr.erase', { customerId: failedJob }, { jobId: erasureJobId(failedJob) });
    const connection = createRedisConnection(testRedisUrl, 'worker');
    const worker = new Worker(
      'gdpr',
      async () => {
        throw new UnrecoverableError('the database was unreachable for good');
      },
      { connection, prefix: redis.prefix },
    );
    try {
      for (let i = 0; i < 100 && (await (await erasureJob(failedJob))?.getState()) !== 'failed'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await worker.close();
      connection.disconnect();
    }
    expect(await (await erasureJob(failedJob))?.getState()).toBe('failed');
    const erased = await erasureRequestedAt(minutesAgo(ERASURE_TIME_LIMIT_MINUTES + 10));
    await db.deleteFrom('users').where('id', '=', erased).execute();

    const requeued = await sweepPendingErasures({ db, queues: redis.queues }, NOW);
    expect(requeued).toContain(failedJob);
    expect(requeued).not.toContain(erased);
    expect(await (await erasureJob(failedJob))?.getState()).toBe('waiting');
  });
});
