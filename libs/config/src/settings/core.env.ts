import { z } from 'zod';

/** What every process may read about where it runs. Defaults make `npm start` work with no configuration. */
export const nodeEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
};

export const databaseEnvShape = {
  /** Unset: `npm start` runs an embedded PostgreSQL under .data/ and sets this for its children. */
  DATABASE_URL: z.string().url().optional(),
};

/** The long-running processes (API and worker): logging, the database and the job queues. */
export const serverEnvShape = {
  ...nodeEnvShape,
  ...databaseEnvShape,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Prefix for every BullMQ key, so tests and several installs can share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('dd'),
};
