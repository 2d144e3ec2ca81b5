import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { writeBatchFile } from './batch-file.job';
import { BATCH_FILE_TIME_LIMIT_MINUTES, failBatchFile, sweepStuckBatchFiles } from './batch-file-sweep';
import { DEFAULT_PAYOUT_SETTINGS } from './payout.settings';
import { createPayoutService } from './payouts.service';
import { ageAccount, creditEarnings, uniqueIban } from './testing';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
const ADMIN = randomUUID();
const SETTINGS = { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 };
const MINUTE = 60_000;

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

async function batchCreatedAt(at: Date) {
  const customerId = await insertTestCustomer(db);
  await ageAccount(db, customerId, 40);
  await creditEarnings(db, customerId, 2_500);
  const request = await service().requestPayout(customerId, { amount: 2_500, iban: uniqueIban(), accountHolder: 'Eva Jansen' });
  return service(() => at).createBatch(ADMIN, [request.id]);
}

const row = (batchId: string) =>
  db.selectFrom('payout_batches').select(['status', 'file_failure_reason', 'file_failed_at']).where('id', '=', batchId).executeTakeFirstOrThrow();
const failureAudits = (batchId: string) =>
  db.selectFrom('audit_log').select('details').where('action', '=', 'payout.batch_file_failed').where('subject_id', '=', batchId).execute();

describe('the payout batch file sweep', () => {
  it('marks a batch still generating after its time limit as failed with a reason, once, and leaves a fresh or ready one alone', async () => {
    const now = new Date();
    const stuck = await batchCreatedAt(new Date(now.getTime() - (BATCH_FILE_TIME_LIMIT_MINUTES + 1) * MINUTE));
    const fresh = await batchCreatedAt(new Date(now.getTime() - (BATCH_FILE_TIME_LIMIT_MINUTES - 1) * MINUTE));
    const written = await batchCreatedAt(new Date(now.getTime() - (BATCH_FILE_TIME_LIMIT_MINUTES + 1) * MINUTE));
    await writeBatchFile(db, written.id, now);

    const failed = await sweepStuckBatchFiles(db, now);
    expect(failed).toContain(stuck.id);
    expect(failed).not.toContain(fresh.id);
    expect(failed).not.toContain(written.id);
    expect(await row(stuck.id)).toEqual({ status: 'generating', file_failure_reason: 'fileTimedOut', file_failed_at: now });
    expect(await row(fresh.id)).toMatchObject({ status: 'generating', file_failure_reason: null });
    expect(await row(written.id)).toMatchObject({ status: 'ready', file_failure_reason: null });

    // A second sweep marks nothing twice and writes no second audit entry.
    expect(await sweepStuckBatchFiles(db, new Date(now.getTime() + MINUTE))).not.toContain(stuck.id);
    expect(await row(stuck.id)).toMatchObject({ file_failure_reason: 'fileTimedOut', file_failed_at: now });
    expect(await failureAudits(stuck.id)).toEqual([{ details: { reason: 'fileTimedOut' } }]);

    // The admin sees why, and that it waits for them.
    const listed = (await service(() => now).batches()).items.find((b) => b.id === stuck.id);
    expect(listed).toMatchObject({ status: 'generating', stuck: true, fileFailure: { reason: 'fileTimedOut', at: now.toISOString() } });
  });

  it('"generate again" clears the failure and starts a new time limit; the written file ends it', async () => {
    const now = new Date();
    const batch = await batchCreatedAt(new Date(now.getTime() - (BATCH_FILE_TIME_LIMIT_MINUTES + 5) * MINUTE));
    await sweepStuckBatchFiles(db, now);
    await (await redis.queues.get('payouts').getJob(`payout-batch-${batch.id}`))?.remove();

    expect(await service(() => now).requeueBatch(ADMIN, batch.id)).toMatchObject({ requeued: true });
    expect(await row(batch.id)).toMatchObject({ status: 'generating', file_failure_reason: null, file_failed_at: null });
    expect(await sweepStuckBatchFiles(db, new Date(now.getTime() + (BATCH_FILE_TIME_LIMIT_MINUTES - 1) * MINUTE))).not.toContain(batch.id);

    expect(await writeBatchFile(db, batch.id, now)).toMatchObject({ written: true });
    expect(await sweepStuckBatchFiles(db, new Date(now.getTime() + 60 * MINUTE))).not.toContain(batch.id);
    expect((await service(() => now).batches()).items.find((b) => b.id === batch.id)).toMatchObject({ status: 'ready', fileFailure: null, stuck: false });
  });

  it('a file job that failed for good marks the batch failed at once with its own reason, once', async () => {
    const batch = await batchCreatedAt(new Date());
    expect(await failBatchFile(db, batch.id)).toBe(true);
    expect(await failBatchFile(db, batch.id)).toBe(false);
    expect(await row(batch.id)).toMatchObject({ status: 'generating', file_failure_reason: 'fileJobFailed' });
  });
});
