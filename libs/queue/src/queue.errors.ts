import { DomainError } from '@dd/errors';

/** A producer passed a payload the registry schema rejects: a bug or bad input, never worth retrying. */
export class JobPayloadError extends DomainError {
  constructor(jobName: string, problems: string) {
    super('VALIDATION_FAILED', `Job "${jobName}" was given an invalid payload: ${problems}`, { job: jobName });
    this.name = 'JobPayloadError';
  }
}

/** Redis did not answer in time; the request fails now rather than hanging until Redis returns. */
export class QueueUnavailableError extends DomainError {
  constructor(jobName: string, cause?: unknown) {
    super('UNAVAILABLE', 'Background processing is temporarily unavailable. Please try again in a minute.', { job: jobName });
    this.name = 'QueueUnavailableError';
    if (cause !== undefined) this.cause = cause;
  }
}

/** Start-up checks (reachability, eviction policy) fail with one line that says what to do. */
export class RedisSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisSetupError';
  }
}
