import { z } from 'zod';

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Settings every process shares. Defaults make `npm start` work with no configuration. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: `npm start` runs an embedded PostgreSQL under .data/ and sets this for its children. */
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Prefix for every BullMQ key, so tests and several installs can share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('dd'),
});

export const apiEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The origin the portal is served from; state-changing requests must come from it. */
  PUBLIC_ORIGIN: z.string().url().default('http://localhost:3000'),
  /** Set when the portal is served over HTTPS so the session cookie gets the Secure flag. */
  COOKIE_SECURE: booleanish,
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Where the built portal lives; the API serves it at `/`. */
  PORTAL_DIST: z.string().default('apps/portal/dist'),
});

export const workerEnvSchema = baseEnvSchema.extend({
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
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;
export type ApiEnv = z.infer<typeof apiEnvSchema>;
export type WorkerEnv = z.infer<typeof workerEnvSchema>;
