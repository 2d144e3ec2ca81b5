import type { Queue } from 'bullmq';
import type { Queues } from './queues.factory';

export const QUEUE_COUNT_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueCountState = (typeof QUEUE_COUNT_STATES)[number];

/** A failed job as an operator may see it: never its payload, which can hold a customer id. */
export interface FailedJobView {
  queue: string;
  jobId: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  finishedAt: Date | null;
}

export interface QueueView {
  queue: string;
  counts: Record<QueueCountState, number>;
  failed: FailedJobView[];
}

async function viewOf(queue: Queue, failedLimit: number): Promise<QueueView> {
  const [counts, failed] = await Promise.all([queue.getJobCounts(...QUEUE_COUNT_STATES), queue.getFailed(0, failedLimit - 1)]);
  return {
    queue: queue.name,
    counts: Object.fromEntries(QUEUE_COUNT_STATES.map((state) => [state, counts[state] ?? 0])) as Record<QueueCountState, number>,
    failed: failed
      .map((job) => ({
        queue: queue.name,
        jobId: String(job.id),
        name: job.name,
        failedReason: job.failedReason ?? '',
        attemptsMade: job.attemptsMade,
        finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      }))
      .sort((a, b) => (b.finishedAt?.getTime() ?? 0) - (a.finishedAt?.getTime() ?? 0)),
  };
}

/** Depth per state and the most recent failures of every queue in the registry, in registry order. */
export function queueOverview(queues: Queues, failedLimit = 10): Promise<QueueView[]> {
  return Promise.all(queues.names.map((name) => viewOf(queues.get(name), failedLimit)));
}

export type RetryOutcome = { ok: true; name: string } | { ok: false; problem: 'unknownQueue' | 'notFound' | 'notFailed'; state?: string };

/**
 * Moves one failed job back to waiting with a fresh set of attempts: an operator retries after
 * fixing the cause, so the job deserves the retries it was defined with.
 */
export async function retryFailedJob(queues: Queues, queueName: string, jobId: string): Promise<RetryOutcome> {
  if (!(queues.names as readonly string[]).includes(queueName)) return { ok: false, problem: 'unknownQueue' };
  const queue = queues.get(queueName as Queues['names'][number]);
  const job = await queue.getJob(jobId);
  if (!job) return { ok: false, problem: 'notFound' };
  const state = await job.getState();
  if (state !== 'failed') return { ok: false, problem: 'notFailed', state };
  await job.retry('failed', { resetAttemptsMade: true });
  return { ok: true, name: job.name };
}
