import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createQueues, createRedisConnection, defineJob, defineRegistry, enqueue, type Queues } from '@dd/queue';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureLogger, startRedisServer, testWorkerEnv, waitFor } from './testing/worker.testing';
import { createWorkerApp, type WorkerApp } from './worker.app';

const HOUR_MS = 60 * 60 * 1000;

describe('worker with the production registry', () => {
  const env = testWorkerEnv();
  const producer = createRedisConnection(testRedisUrl, 'producer');
  const { logger, lines } = captureLogger();
  let database: TestDatabase;
  let queues: Queues;
  let app: WorkerApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    queues = createQueues(producer, env.QUEUE_PREFIX);
    app = await createWorkerApp({ env, db: database.db, logger });
  });

  afterAll(async () => {
    await app?.close(5_000);
    for (const queue of queues.all()) await queue.obliterate({ force: true });
    await queues.close();
    producer.disconnect();
    await database?.drop();
  });

  async function insertSession(userId: string, expiresAt: Date, revokedAt: Date | null = null): Promise<string> {
    const tokenHash = randomBytes(32).toString('hex');
    await database.db
      .insertInto('sessions')
      .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, revoked_at: revokedAt })
      .execute();
    return tokenHash;
  }

  it('processes sessions.purge: expired and revoked sessions are deleted, live ones stay', async () => {
    const user = await database.db
      .insertInto('users')
      .values({ email: `purge-${randomUUID()}@example.nl`, password_hash: 'not-a-real-hash', role: 'customer', display_name: 'Purge Test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const now = Date.now();
    const expired = await insertSession(user.id, new Date(now - HOUR_MS));
    const revoked = await insertSession(user.id, new Date(now + HOUR_MS), new Date(now - 1_000));
    const live = await insertSession(user.id, new Date(now + HOUR_MS));

    const job = await enqueue(queues, 'sessions.purge', {}, { jobId: `purge-${randomUUID()}` });
    const state = await waitFor('sessions.purge to complete', async () => {
      const current = await queues.get('maintenance').getJobState(job.id!);
      return current === 'completed' || current === 'failed' ? current : undefined;
    });

    expect(state).toBe('completed');
    expect((await queues.get('maintenance').getJob(job.id!))?.returnvalue).toBe(2);
    const remaining = await database.db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.id).execute();
    expect(remaining.map((row) => row.token_hash)).toEqual([live]);
    expect(remaining.map((row) => row.token_hash)).not.toContain(expired);
    expect(remaining.map((row) => row.token_hash)).not.toContain(revoked);

    const ofThisJob = lines.filter((line) => line['jobId'] === job.id).map((line) => line.msg);
    expect(ofThisJob).toEqual(expect.arrayContaining(['job started', 'job finished']));
  });

  it('registers the hourly maintenance schedulers once, however often workers start, and drops retired ones', async () => {
    await queues.get('maintenance').upsertJobScheduler('retired.job', { pattern: '0 0 * * *' }, { name: 'retired.job', data: {} });
    const second = await createWorkerApp({ env, db: database.db, logger });
    await second.close(5_000);
    const schedulers = await queues.get('maintenance').getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern]).sort()).toEqual([
      ['audience.prune', '15 * * * *'],
      ['billing.statement-sweep', '2-59/5 * * * *'],
      ['exports.purge', '30 * * * *'],
      ['gdpr.sweep', '4-59/5 * * * *'],
      ['imports.sweep', '*/5 * * * *'],
      ['mail.sweep', '3-59/5 * * * *'],
      ['marketplace.sweep', '4-59/5 * * * *'],
      ['payouts.batch-sweep', '1-59/5 * * * *'],
      ['sessions.purge', '0 * * * *'],
    ]);
    expect(await queues.get('maintenance').getDelayedCount()).toBe(9);
  });

  it('fails a job with a bad payload at once, without retries', async () => {
    // Bypasses enqueue() on purpose: jobs can reach Redis from older code or by hand.
    const raw = new Queue('maintenance', { connection: producer, prefix: env.QUEUE_PREFIX });
    try {
      const job = await raw.add('sessions.purge', 'not an object', { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
      await waitFor('the bad job to fail', async () => ((await raw.getJobState(job.id!)) === 'failed' ? true : undefined));
      const failed = await raw.getJob(job.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/^Invalid payload for job "sessions.purge"/);
    } finally {
      await raw.close();
    }
  });
});

describe('worker start-up checks', () => {
  it('refuses to start when a job has no handler, before touching Redis', async () => {
    const env = testWorkerEnv();
    const registry = defineRegistry([
      defineJob({ queue: 'exports', name: 'export.build', payload: z.object({}) }),
      defineJob({ queue: 'exports', name: 'export.mail', payload: z.object({}) }),
    ]);
    const handlers = { 'export.build': async () => 'built' };
    const { logger } = captureLogger();

    await expect(
      // @ts-expect-error -- the type system flags the missing handler too; this checks the run-time guard.
      createWorkerApp({ env, db: {} as never, logger, registry, handlers }),
    ).rejects.toThrow(new Error('No handler for job "export.mail"'));

    const probe = createRedisConnection(testRedisUrl, 'worker');
    try {
      expect(await probe.keys(`${env.QUEUE_PREFIX}*`)).toEqual([]);
    } finally {
      probe.disconnect();
    }
  });

  it('refuses to start on a Redis that may evict jobs', async () => {
    const redis = await startRedisServer(['--maxmemory-policy', 'allkeys-lru']);
    try {
      const env = testWorkerEnv({ REDIS_URL: redis.url });
      const { logger } = captureLogger();
      await expect(createWorkerApp({ env, db: {} as never, logger })).rejects.toThrow(
        /has maxmemory-policy "allkeys-lru", which lets Redis delete queued jobs; it must be "noeviction"/,
      );
    } finally {
      redis.stop();
    }
  });
});
