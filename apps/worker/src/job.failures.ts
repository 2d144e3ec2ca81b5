import type { Logger } from '@dd/config';
import type { JobRegistry } from '@dd/queue';
import type { Job } from 'bullmq';
import type { FinalFailureHandlers } from './job.handler';

/**
 * The listener for a BullMQ worker's `failed` event that runs the job's final-failure handler, once
 * the failure is final. BullMQ emits `failed` for every failed attempt; only the last one (no retry
 * left, or an UnrecoverableError) is moved to the failed set and gets `finishedOn`.
 */
export function finalFailureListener<R extends JobRegistry>(options: { queue: string; registry: R; handlers: FinalFailureHandlers<R>; logger: Logger }) {
  const { queue, registry, logger } = options;
  const handlers = options.handlers as Record<string, ((payload: unknown, context: { jobId: string; logger: Logger; error: Error }) => Promise<void>) | undefined>;
  return async (job: Job | undefined, error: Error): Promise<void> => {
    if (!job?.finishedOn) return;
    const handler = handlers[job.name];
    const definition = registry[job.name];
    if (!handler || !definition || definition.queue !== queue) return;
    const log = logger.child({ queue, job: job.name, jobId: job.id });
    const payload = definition.payload.safeParse(job.data);
    if (!payload.success) return;
    try {
      await handler(payload.data, { jobId: job.id ?? '(no id)', logger: log, error });
    } catch (caught) {
      // The domain's sweep is the backstop: what is not ended here is ended within its time limit.
      log.error({ err: caught }, 'final-failure handler failed');
    }
  };
}
