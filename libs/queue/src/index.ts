export { defineJob, defineRegistry, queueNamesOf } from './job.definition';
export type {
  JobDefinition,
  JobOptionsOverride,
  JobRegistry,
  RegistryJobName,
  RegistryPayload,
  RegistryPayloadInput,
  RegistryQueueName,
} from './job.definition';
export { JOBS } from './queue.registry';
export type { JobName, JobPayload, JobPayloadInput, Jobs, QueueName } from './queue.registry';
export { DEFAULT_JOB_OPTIONS } from './job.defaults';
export { createRedisConnection, describeRedisUrl, redisOptionsFor } from './redis.connection';
export type { RedisConnectionOptions, RedisRole } from './redis.connection';
export { assertNoEviction, checkRedis } from './redis.checks';
export { createQueues } from './queues.factory';
export type { CreateQueuesOptions, Queues } from './queues.factory';
export { enqueue } from './enqueue';
export type { EnqueueOptions } from './enqueue';
export { JobPayloadError, QueueUnavailableError, RedisSetupError } from './queue.errors';
export type { Redis } from 'ioredis';
export { createRedisRateLimiter } from './rate-limiter';
export type { RateLimiter, RateLimitResult, RefundableRateLimiter } from './rate-limiter';
export { createRedisAttemptBackoff } from './attempt-backoff';
export type { AttemptBackoff, BackoffDecision, BackoffPolicy } from './attempt-backoff';
export { QUEUE_COUNT_STATES, queueOverview, retryFailedJob } from './queue-overview';
export type { FailedJobView, QueueCountState, QueueView, RetryOutcome } from './queue-overview';
export { ensureLocalRedis } from './local-redis';
export type { LocalRedis } from './local-redis';
// A job that fails with this is not retried: domains throw it for input that cannot get better (libs/data-import, libs/billing).
export { UnrecoverableError } from 'bullmq';
