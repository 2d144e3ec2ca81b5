import type { z } from 'zod';
import { apiEnvSchema, baseEnvSchema, workerEnvSchema } from './env.schema';

/** Thrown at start-up with every bad variable listed, so the operator fixes them in one go. */
export class EnvError extends Error {
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

function parse<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv): z.infer<S> {
  // An empty variable (`FOO=`) means "not set", as compose files and shells often pass them.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

// The only reads of process.env in the code base: everything else receives a parsed env.
export const loadBaseEnv = (source: NodeJS.ProcessEnv = process.env) => parse(baseEnvSchema, source);
export const loadApiEnv = (source: NodeJS.ProcessEnv = process.env) => parse(apiEnvSchema, source);
export const loadWorkerEnv = (source: NodeJS.ProcessEnv = process.env) => parse(workerEnvSchema, source);
