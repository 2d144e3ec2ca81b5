import { z } from 'zod';
import { defineJob, defineRegistry, type RegistryJobName, type RegistryPayload, type RegistryPayloadInput, type RegistryQueueName } from './job.definition';

/**
 * Every queue and job the platform knows. Queue and job names are a persistent contract: jobs
 * already waiting in Redis (and job schedulers) refer to them by name, so never rename or reuse
 * one; add a new name and retire the old one after its queue has drained. Payload changes must
 * stay readable by the worker for jobs enqueued before the deploy: add optional fields only.
 *
 * A new feature adds one `defineJob` entry here and one handler in apps/worker/src/handlers; the
 * worker refuses to start while any job lacks a handler.
 */
export const JOBS = defineRegistry([
  defineJob({
    queue: 'maintenance',
    name: 'sessions.purge',
    // Deletes sessions that have expired or were revoked.
    payload: z.object({}),
    // Runs hourly; a missed run is made up by the next one, so retrying hard is pointless.
    options: { attempts: 3 },
  }),
]);

export type Jobs = typeof JOBS;
export type JobName = RegistryJobName<Jobs>;
export type QueueName = RegistryQueueName<Jobs>;
export type JobPayload<N extends JobName> = RegistryPayload<Jobs, N>;
export type JobPayloadInput<N extends JobName> = RegistryPayloadInput<Jobs, N>;
