import { randomUUID } from 'node:crypto';
import { testRedisUrl } from '@dd/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enqueue } from './enqueue';
import { defineJob, defineRegistry } from './job.definition';
import { JobPayloadError, QueueUnavailableError } from './queue.errors';
import { createQueues, type Queues } from './queues.factory';
import { createRedisConnection } from './redis.connection';
import type { Jobs } from './queue.registry';
import { unusedPort } from './testing/redis-server';

const registry = defineRegistry([
  defineJob({ queue: 'imports', name: 'statement.import', payload: z.object({ statementId: z.uuid() }) }),
]);

describe('enqueue', () => {
  const connection = createRedisConnection(testRedisUrl, 'producer');
  const prefix = `test-${randomUUID()}`;
  let queues: Queues<typeof registry>;
  let realQueues: Queues<Jobs>;

  beforeAll(() => {
    queues = createQueues(connection, prefix, { registry });
    realQueues = createQueues(connection, prefix);
  });

  afterAll(async () => {
    for (const queue of [...queues.all(), ...realQueues.all()]) await queue.obliterate({ force: true });
    await Promise.all([queues.close(), realQueues.close()]);
    connection.disconnect();
  });

  it('rejects a payload the registry schema does not accept, naming the job and the field', async () => {
    const attempt = enqueue(queues, 'statement.import', { statementId: 'not-a-uuid' });
    await expect(attempt).rejects.toBeInstanceOf(JobPayloadError);
    await expect(attempt).rejects.toThrow(/^Job "statement.import" was given an invalid payload: .*statementId/);
    expect(await queues.get('imports').count()).toBe(0);
  });

  it('adds a job with the same deterministic jobId only once', async () => {
    const statementId = randomUUID();
    const first = await enqueue(queues, 'statement.import', { statementId }, { jobId: `import-${statementId}` });
    const second = await enqueue(queues, 'statement.import', { statementId }, { jobId: `import-${statementId}` });
    expect(second.id).toBe(first.id);
    expect(await queues.get('imports').getJobCounts('wait', 'delayed', 'active')).toEqual({ wait: 1, delayed: 0, active: 0 });
  });

  it('refuses job ids BullMQ would misread', async () => {
    const statementId = randomUUID();
    await expect(enqueue(queues, 'statement.import', { statementId }, { jobId: '42' })).rejects.toThrow(/Job id "42" is invalid/);
    await expect(enqueue(queues, 'statement.import', { statementId }, { jobId: 'a:b' })).rejects.toThrow(/Job id "a:b" is invalid/);
  });

  it('applies retry and retention defaults, and the job’s own overrides', async () => {
    const job = await enqueue(queues, 'statement.import', { statementId: randomUUID() });
    expect(job.opts.attempts).toBe(5);
    expect(job.opts.backoff).toMatchObject({ type: 'exponential' });
    expect(job.opts.removeOnComplete).toMatchObject({ age: expect.any(Number) });
    expect(job.opts.removeOnFail).toMatchObject({ age: expect.any(Number) });

    const purge = await enqueue(realQueues, 'sessions.purge', {});
    expect(purge.queueName).toBe('maintenance');
    expect(purge.opts.attempts).toBe(3);
  });
});

describe('enqueue right after start-up', () => {
  it('waits for a connection that is still being made instead of refusing the first job', async () => {
    const connection = createRedisConnection(testRedisUrl, 'producer', { onError: () => {} });
    const queues = createQueues(connection, `test-${randomUUID()}`, { registry });
    try {
      expect(connection.status).not.toBe('ready');
      const job = await enqueue(queues, 'statement.import', { statementId: randomUUID() });
      expect(job.id).toBeDefined();
    } finally {
      await queues.close();
      connection.disconnect();
    }
  });
});

describe('enqueue while Redis is down', () => {
  it('fails within seconds with a retryable error instead of hanging the request', async () => {
    const connection = createRedisConnection(`redis://127.0.0.1:${await unusedPort()}`, 'producer', { onError: () => {} });
    const queues = createQueues(connection, `test-${randomUUID()}`, { registry });
    const started = Date.now();
    try {
      await expect(enqueue(queues, 'statement.import', { statementId: randomUUID() })).rejects.toBeInstanceOf(QueueUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      connection.disconnect();
      await queues.close();
    }
  });
});
