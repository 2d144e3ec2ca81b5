import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger, WorkerEnv } from '@dd/config';
import { queueRecategorisationIfRulesChanged } from '@dd/data-import';
import type { Db } from '@dd/db';
import {
  assertNoEviction,
  createQueues,
  createRedisConnection,
  JOBS,
  queueNamesOf,
  type JobRegistry,
  type Jobs,
  type Queues,
} from '@dd/queue';
import { Worker, type WorkerOptions } from 'bullmq';
import { createFinalFailureHandlers, createHandlers } from './handlers/job.handlers';
import { finalFailureListener } from './job.failures';
import type { FinalFailureHandlers, JobHandlers } from './job.handler';
import { createJobProcessor } from './job.processor';
import { SCHEDULES, syncSchedules, type JobSchedule } from './worker.schedules';

/** Lock and stalled-check timings; tests shorten them so recovery of an interrupted job takes seconds. */
export type WorkerTimings = Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount' | 'drainDelay'>;

export interface WorkerAppOptions<R extends JobRegistry = Jobs> {
  /** The parsed env (loadWorkerEnv): connection, concurrency, and the settings of the production handlers. */
  env: WorkerEnv;
  db: Db;
  logger: Logger;
  /** Defaults to JOBS; tests pass their own. */
  registry?: R;
  /** Defaults to the production handlers, built from `db`. */
  handlers?: JobHandlers<R>;
  /** What runs when a job has failed for good; defaults to the production ones with the production handlers, none otherwise. */
  failureHandlers?: FinalFailureHandlers<R>;
  /** Defaults to SCHEDULES with the production registry, none with another registry. */
  schedules?: readonly JobSchedule<R>[];
  /**
   * Runs once the queues are open, before the workers take jobs. Defaults, with the production
   * registry and handlers, to queueing a re-categorisation of stored transactions when the rules changed.
   */
  onStart?: (queues: Queues<R>) => Promise<void>;
  timings?: WorkerTimings;
}

export interface WorkerApp {
  readonly queueNames: readonly string[];
  /**
   * Stops taking jobs and waits up to `timeoutMs` for running ones. `interrupted` is true when the
   * bound passed and Redis was closed under the running jobs (see the comment in the method).
   */
  close(timeoutMs: number): Promise<{ interrupted: boolean }>;
}

function assertEveryJobHasAHandler(registry: JobRegistry, handlers: object): void {
  for (const name of Object.keys(registry)) {
    if (typeof (handlers as Record<string, unknown>)[name] !== 'function') throw new Error(`No handler for job "${name}"`);
  }
}

/**
 * Starts one BullMQ worker per queue of the registry and registers the schedules. Refuses to start
 * when a job has no handler or Redis may evict keys. Call checkRedis() first: the worker connection
 * waits for Redis indefinitely, as a worker should once it is running.
 */
export async function createWorkerApp<R extends JobRegistry = Jobs>(options: WorkerAppOptions<R>): Promise<WorkerApp> {
  const { env, db, logger } = options;
  const registry = (options.registry ?? JOBS) as R;
  let queues: Queues<R> | undefined;
  const handlers =
    options.handlers ??
    (createHandlers({
      db,
      env,
      queues: () => {
        if (!queues) throw new Error('The worker queues are not open yet.');
        return queues as unknown as Queues;
      },
    }) as unknown as JobHandlers<R>);
  const failureHandlers =
    options.failureHandlers ?? (options.handlers ? {} : (createFinalFailureHandlers({ db }) as unknown as FinalFailureHandlers<R>));
  const schedules = options.schedules ?? (registry === (JOBS as JobRegistry) ? (SCHEDULES as unknown as JobSchedule<R>[]) : []);
  const onStart =
    options.onStart ??
    (registry === (JOBS as JobRegistry) && !options.handlers
      ? async (open: Queues<R>) => {
          // After `npm start` has synced the reference data: rows categorised by older rules must not stay sellable.
          const runId = await queueRecategorisationIfRulesChanged({ db, queues: open as unknown as Queues });
          if (runId !== null) logger.info({ runId }, 'categorisation rules changed: stored transactions are categorised again');
        }
      : undefined);
  // Checked before any connection exists: a worker that would leave jobs unprocessed must not start at all.
  assertEveryJobHasAHandler(registry, handlers);

  const connection = createRedisConnection(env.REDIS_URL, 'worker', {
    connectionName: 'dd-worker',
    onError: (error) => logger.warn({ err: error }, 'redis connection error'),
  });
  const workers: Worker[] = [];

  try {
    // Before any queue exists, so the only report of a bad policy is our one actionable line.
    await assertNoEviction(connection);
    queues = createQueues(connection, env.QUEUE_PREFIX, {
      registry,
      onError: (error) => logger.error({ err: error }, 'queue error'),
    });
    await syncSchedules(queues, schedules, logger);
    await onStart?.(queues);
    for (const queue of queueNamesOf(registry)) {
      const worker = new Worker(queue, createJobProcessor({ queue, registry, handlers, logger }), {
        connection,
        prefix: env.QUEUE_PREFIX,
        concurrency: env.WORKER_CONCURRENCY,
        // Two stalls in a row (e.g. two deploys interrupting one long job) are still recovered.
        maxStalledCount: 2,
        ...options.timings,
      });
      worker.on('error', (error) => logger.error({ err: error, queue }, 'worker error'));
      worker.on('stalled', (jobId) => logger.warn({ queue, jobId }, 'job stalled; it goes back to the queue to run again'));
      const onFinalFailure = finalFailureListener({ queue, registry, handlers: failureHandlers, logger });
      worker.on('failed', (job, error) => void onFinalFailure(job, error));
      workers.push(worker);
    }
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  } catch (error) {
    await Promise.allSettled(workers.map((worker) => worker.close(true)));
    await queues?.close().catch(() => {});
    connection.disconnect();
    throw error;
  }
  const started = queues;

  let closing: Promise<{ interrupted: boolean }> | undefined;
  return {
    queueNames: started.names,
    close(timeoutMs) {
      closing ??= (async () => {
        // Worker.close() stops fetching at once and resolves when the running jobs have finished.
        const drained = Promise.all(workers.map((worker) => worker.close()))
          .then(() => started.close())
          .then(() => true);
        const timer = new AbortController();
        const timedOut = sleep(timeoutMs, false, { signal: timer.signal }).catch(() => false);
        const finished = await Promise.race([drained, timedOut]);
        timer.abort();
        if (!finished) {
          // The bound passed with jobs still running. Worker.close(true) cannot overtake the graceful
          // close already in progress, so the shared Redis connection is cut instead: the jobs'
          // locks stop being renewed and expire (lockDuration), and the stalled-job check of the
          // next worker (every stalledInterval) moves them back to wait, where they run again. With
          // BullMQ's defaults that happens within about a minute. Nothing is lost; a job may run
          // twice, as it always can.
          logger.warn({ timeoutMs }, 'shutdown bound reached with jobs still running; they will be retried by the next worker');
          drained.catch(() => {});
        }
        // disconnect, not quit: quit would wait for a reply that never comes if Redis is down.
        connection.disconnect();
        return { interrupted: !finished };
      })();
      return closing;
    },
  };
}
