import { setTimeout as sleep } from 'node:timers/promises';
import { testRedisUrl } from '@dd/db/testing';
import { createQueues, createRedisConnection, defineJob, defineRegistry, enqueue } from '@dd/queue';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { captureLogger, testWorkerEnv, waitFor } from './testing/worker.testing';
import { createWorkerApp } from './worker.app';

const registry = defineRegistry([defineJob({ queue: 'slow', name: 'slow.work', payload: z.object({ ms: z.number().int() }) })]);

/** A handler that sleeps, recording each run so a test can tell a finished run from a repeated one. */
function slowHandlers() {
  const runs: { jobId: string; finished: boolean }[] = [];
  const handlers = {
    'slow.work': async ({ ms }: { ms: number }, { jobId }: { jobId: string }) => {
      const run = { jobId, finished: false };
      runs.push(run);
      await sleep(ms);
      run.finished = true;
      return 'done';
    },
  };
  return { runs, handlers };
}

// Short locks and stalled checks so an interrupted job is recovered in seconds, not a minute.
const timings = { lockDuration: 1_000, stalledInterval: 500 };

describe('graceful shutdown', () => {
  const producer = createRedisConnection(testRedisUrl, 'producer');
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    producer.disconnect();
  });

  function setUp() {
    const env = testWorkerEnv({ WORKER_CONCURRENCY: '1' });
    const queues = createQueues(producer, env.QUEUE_PREFIX, { registry });
    cleanups.push(async () => {
      await queues.get('slow').obliterate({ force: true });
      await queues.close();
    });
    return { env, queues, ...slowHandlers(), ...captureLogger() };
  }

  it('stops taking jobs and waits for the running one to finish', async () => {
    const { env, queues, runs, handlers, logger } = setUp();
    const app = await createWorkerApp({ env, db: undefined as never, logger, registry, handlers, timings });
    const first = await enqueue(queues, 'slow.work', { ms: 800 });
    const second = await enqueue(queues, 'slow.work', { ms: 800 });
    await waitFor('the first job to start', async () => (runs.length === 1 ? true : undefined));

    const started = Date.now();
    const result = await app.close(5_000);

    expect(result).toEqual({ interrupted: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(runs).toEqual([{ jobId: first.id, finished: true }]);
    expect(await queues.get('slow').getJobState(first.id!)).toBe('completed');
    expect(await queues.get('slow').getJobState(second.id!)).toBe('waiting');
  });

  it('returns within the bound when a job runs longer, and the next worker completes that job', async () => {
    const { env, queues, runs, handlers, logger, lines } = setUp();
    const app = await createWorkerApp({ env, db: undefined as never, logger, registry, handlers, timings });
    const job = await enqueue(queues, 'slow.work', { ms: 2_000 });
    await waitFor('the job to start', async () => (runs.length === 1 ? true : undefined));

    const started = Date.now();
    const result = await app.close(300);
    const elapsed = Date.now() - started;

    expect(result).toEqual({ interrupted: true });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(800);
    expect(lines.map((line) => line.msg)).toContain('shutdown bound reached with jobs still running; they will be retried by the next worker');
    expect(await queues.get('slow').getJobState(job.id!)).toBe('active');

    // The lock is no longer renewed; the next worker's stalled-job check hands the job to it.
    const next = await createWorkerApp({ env, db: undefined as never, logger, registry, handlers, timings });
    try {
      const completed = async () => ((await queues.get('slow').getJobState(job.id!)) === 'completed' ? true : undefined);
      await waitFor('the interrupted job to complete on the next worker', completed, 15_000);
      expect(runs.map((run) => run.jobId)).toEqual([job.id, job.id]);
      expect((await queues.get('slow').getJob(job.id!))?.returnvalue).toBe('done');
      // The cut-off run's late result must not have overwritten anything: it had lost its lock.
      await waitFor('the cut-off run to end', async () => (runs[0]?.finished ? true : undefined));
      expect(await queues.get('slow').getJobState(job.id!)).toBe('completed');
    } finally {
      await next.close(5_000);
    }
  });
});
