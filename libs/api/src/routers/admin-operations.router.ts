import { z } from 'zod';
import { gdprInProgressSchema, jobsOverviewSchema, retryJobInput } from '@dd/contract';
import { adminProcedure } from '../procedures';
import { router } from '../trpc';

/** Job queues: depth per state and recent failures (never a payload), and the audited retry of one failed job. */
export const adminJobsRouter = router({
  overview: adminProcedure.output(jobsOverviewSchema).query(({ ctx }) => ctx.services.jobsAdmin.overview()),

  retry: adminProcedure
    .input(retryJobInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => ctx.services.jobsAdmin.retry(ctx.viewer.id, input.queue, input.jobId)),
});

/** GDPR requests that are not finished: pseudonymous short references and ages, no names or emails. */
export const adminGdprRouter = router({
  inProgress: adminProcedure.output(gdprInProgressSchema).query(({ ctx }) => ctx.services.gdprProgress.inProgress()),
});
