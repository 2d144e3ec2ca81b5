export { apiEnvSchema, baseEnvSchema, workerEnvSchema } from './env.schema';
export type { ApiEnv, BaseEnv, WorkerEnv } from './env.schema';
export { EnvError, loadApiEnv, loadBaseEnv, loadWorkerEnv } from './load-env';
export { createLogger } from './logger';
export type { Logger } from './logger';
