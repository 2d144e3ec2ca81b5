import { performance } from 'node:perf_hooks';
import type { Logger } from '@dd/config';
import type { JobRegistry } from '@dd/queue';
import { UnrecoverableError, type Processor } from 'bullmq';
import { isDomainError } from '@dd/errors';
import { z } from 'zod';
import type { JobHandler, JobHandlers } from './job.handler';

/**
 * The one BullMQ processor of a queue: routes by job name, re-validates the payload (a job can
 * outlive the code that enqueued it) and logs each run. Bad input fails with UnrecoverableError,
 * because retrying cannot fix it.
 */
export function createJobProcessor<R extends JobRegistry>(options: {
  queue: string;
  registry: R;
  handlers: JobHandlers<R>;
  logger: Logger;
}): Processor {
  const { queue, registry, logger } = options;
  const handlers = options.handlers as Record<string, JobHandler<unknown> | undefined>;

  return async (job) => {
    const attempt = job.attemptsMade + 1;
    const jobId = job.id ?? '(no id)';
    const log = logger.child({ queue, job: job.name, jobId, attempt });
    const definition = registry[job.name];
    const handler = handlers[job.name];
    if (!definition || definition.queue !== queue || !handler) {
      log.error('job is not in the registry of this queue; not retrying');
      throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${queue}"`);
    }
    const parsed = definition.payload.safeParse(job.data);
    if (!parsed.success) {
      const problems = z.prettifyError(parsed.error).replace(/\n/g, '; ');
      log.error({ problems }, 'job payload is invalid; not retrying');
      throw new UnrecoverableError(`Invalid payload for job "${job.name}": ${problems}`);
    }

    log.info('job started');
    const started = performance.now();
    try {
      const reportProgress = async (percent: number) => {
        await job.updateProgress(Math.max(0, Math.min(100, Math.round(percent))));
      };
      const result = await handler(parsed.data, { jobId, queue, attempt, logger: log, reportProgress });
      log.info({ durationMs: Math.round(performance.now() - started) }, 'job finished');
      return result;
    } catch (caught) {
      // Bad input stays bad: a domain validation failure is final, and its message is kept.
      const error = isDomainError(caught) && caught.code === 'VALIDATION_FAILED' ? new UnrecoverableError(caught.message) : caught;
      const willRetry = !(error instanceof UnrecoverableError) && attempt < (job.opts.attempts ?? 1);
      log.error({ err: error, durationMs: Math.round(performance.now() - started), willRetry }, 'job failed');
      throw error;
    }
  };
}
