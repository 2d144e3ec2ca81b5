import type { JobsOverview } from '@dd/contract';
import type { Db } from '@dd/db';
import { DomainError } from '@dd/errors';
import { queueOverview, retryFailedJob, type Queues } from '@dd/queue';
import { auditRepository } from './audit.repository';

/** A stack trace is for the logs; the admin's table shows the first line, kept short. */
const REASON_MAX = 300;
const shortReason = (reason: string) => {
  const line = reason.split('\n', 1)[0] ?? '';
  return line.length > REASON_MAX ? `${line.slice(0, REASON_MAX - 1)}…` : line;
};

/** The admin's view of the job queues and the one thing they can do there: retry a failed job. */
export function createJobsAdminService(deps: { db: Db; queues: Queues }) {
  const { db, queues } = deps;

  return {
    async overview(): Promise<JobsOverview> {
      const views = await queueOverview(queues);
      return {
        queues: views.map((view) => ({
          queue: view.queue,
          counts: view.counts,
          failed: view.failed.map((job) => ({ ...job, failedReason: shortReason(job.failedReason), finishedAt: job.finishedAt?.toISOString() ?? null })),
        })),
      };
    },

    async retry(adminId: string, queueName: string, jobId: string): Promise<{ ok: true }> {
      const outcome = await retryFailedJob(queues, queueName, jobId);
      if (!outcome.ok) {
        if (outcome.problem === 'notFailed') {
          throw new DomainError('CONFLICT', `This job is ${outcome.state ?? 'no longer failed'}, not failed, so there is nothing to retry. Reload the overview.`, undefined, {
            code: 'jobNotFailed',
            params: { state: outcome.state ?? 'unknown' },
          });
        }
        throw new DomainError('NOT_FOUND', 'This job no longer exists; failed jobs are removed after 14 days. Reload the overview.', undefined, {
          code: outcome.problem === 'unknownQueue' ? 'unknownQueue' : 'jobNotFound',
          params: {},
        });
      }
      // Redis is no transaction partner of PostgreSQL: the entry follows the retry it records.
      await auditRepository.append(db, {
        actorUserId: adminId,
        actorRole: 'admin',
        action: 'job.retried',
        subjectType: 'job',
        subjectId: `${queueName}:${jobId}`,
        details: { queue: queueName, jobId, name: outcome.name },
      });
      return { ok: true };
    },
  };
}

export type JobsAdminService = ReturnType<typeof createJobsAdminService>;
