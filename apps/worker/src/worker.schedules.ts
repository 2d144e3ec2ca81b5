import type { Logger } from '@dd/config';
import type { JobRegistry, Jobs, Queues, RegistryJobName, RegistryPayloadInput } from '@dd/queue';
import { z } from 'zod';

export type JobSchedule<R extends JobRegistry = Jobs> = {
  [N in RegistryJobName<R>]: {
    job: N;
    payload: RegistryPayloadInput<R, N>;
  } & ({ every: number; pattern?: never } | { pattern: string; every?: never });
}[RegistryJobName<R>];

/**
 * Repeating jobs, registered through BullMQ job schedulers with the job name as scheduler id.
 * The id is a persistent contract like the job name: upserting the same id on every start is
 * idempotent, and a scheduler whose job is dropped from this list is removed at start.
 * Prefer a cron pattern to `every`: `every` also runs the job at once on each upsert, that is on
 * every worker start.
 */
export const SCHEDULES: JobSchedule[] = [
  { job: 'sessions.purge', pattern: '0 * * * *', payload: {} },
  { job: 'exports.purge', pattern: '30 * * * *', payload: {} },
  { job: 'audience.prune', pattern: '15 * * * *', payload: {} },
  { job: 'payouts.reconcile', pattern: '*/10 * * * *', payload: {} },
  { job: 'marketplace.requeue', pattern: '*/5 * * * *', payload: {} },
  // Every 5 minutes, so nothing stays "in progress" much longer than the 15-minute limit.
  { job: 'imports.sweep', pattern: '*/5 * * * *', payload: {} },
  { job: 'billing.statement-sweep', pattern: '2-59/5 * * * *', payload: {} },
  { job: 'payouts.batch-sweep', pattern: '1-59/5 * * * *', payload: {} },
  { job: 'gdpr.sweep', pattern: '4-59/5 * * * *', payload: {} },
  // Every 5 minutes, so no purchase stays open much longer than PURCHASE_TIME_LIMIT_MINUTES (30).
  { job: 'marketplace.sweep', pattern: '4-59/5 * * * *', payload: {} },
  { job: 'mail.sweep', pattern: '3-59/5 * * * *', payload: {} },
  // Monday morning: last week (Monday to Monday, Amsterdam time) is over everywhere by then.
  { job: 'notifications.weekly-digest', pattern: '0 7 * * 1', payload: {} },
];

/** Makes Redis hold exactly the schedulers listed, so a deploy is the only way to change them. */
export async function syncSchedules<R extends JobRegistry>(
  queues: Queues<R>,
  schedules: readonly JobSchedule<R>[],
  logger: Logger,
): Promise<void> {
  const wanted = new Set<string>();
  for (const schedule of schedules) {
    const definition = queues.registry[schedule.job];
    if (!definition) throw new Error(`Schedule for unknown job "${schedule.job}".`);
    const payload = definition.payload.safeParse(schedule.payload);
    if (!payload.success) throw new Error(`Schedule for job "${schedule.job}" has an invalid payload: ${z.prettifyError(payload.error)}`);
    const repeat = schedule.every !== undefined ? { every: schedule.every } : { pattern: schedule.pattern };
    await queues
      .get(definition.queue)
      .upsertJobScheduler(schedule.job, repeat, { name: schedule.job, data: payload.data, opts: { ...definition.options } });
    wanted.add(schedule.job);
  }
  for (const queue of queues.all()) {
    for (const scheduler of await queue.getJobSchedulers()) {
      if (wanted.has(scheduler.key)) continue;
      await queue.removeJobScheduler(scheduler.key);
      logger.info({ queue: queue.name, scheduler: scheduler.key }, 'removed a job scheduler that is no longer configured');
    }
  }
}
