import type { JobsOptions } from 'bullmq';

const HOUR_S = 60 * 60;

/**
 * Applied to every job unless its registry entry or the enqueue call says otherwise.
 * Retention is age-based so Redis stays small; note that a deterministic jobId only deduplicates
 * while the earlier job is still kept, which is why handlers must be idempotent in the database too.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  // 2 s, 4 s, 8 s, 16 s, with jitter so a burst of failures does not retry in lockstep.
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.2 },
  removeOnComplete: { age: 24 * HOUR_S, count: 1_000 },
  removeOnFail: { age: 14 * 24 * HOUR_S },
} as const satisfies JobsOptions;
