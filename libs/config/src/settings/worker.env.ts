import { z } from 'zod';

/** How the worker process runs its BullMQ workers. */
export const workerEnvShape = {
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How long SIGTERM waits for running jobs before the process exits anyway. */
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * How long a job's lock lives without renewal, how often stalled jobs are looked for, and how
   * many stalls a job survives. A killed worker's job runs again after about lock + interval.
   * BullMQ's defaults; crash tests shorten them.
   */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(0).max(100).default(2),
};
