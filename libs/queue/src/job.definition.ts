import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';

/** Options a job may set for itself; idempotency keys and timing belong to each enqueue call. */
export type JobOptionsOverride = Pick<JobsOptions, 'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail' | 'priority'>;

export interface JobDefinition<Q extends string = string, N extends string = string, P extends z.ZodType = z.ZodType> {
  /** The BullMQ queue the job travels on; one worker per queue, so a slow queue cannot starve another. */
  readonly queue: Q;
  /** Unique across all queues: the worker routes by name alone. */
  readonly name: N;
  /**
   * Validated when enqueued and again when processed. Keep it JSON-shaped (ISO strings, not
   * Dates) and free of transforms, because the stored value is parsed a second time by the worker.
   */
  readonly payload: P;
  readonly options?: JobOptionsOverride;
}

export type JobRegistry = Readonly<Record<string, JobDefinition>>;
export type RegistryJobName<R extends JobRegistry> = keyof R & string;
export type RegistryQueueName<R extends JobRegistry> = R[RegistryJobName<R>]['queue'];
/** What a handler receives: the payload after validation. */
export type RegistryPayload<R extends JobRegistry, N extends RegistryJobName<R>> = z.output<R[N]['payload']>;
/** What a producer passes: the payload before validation (defaults not yet applied). */
export type RegistryPayloadInput<R extends JobRegistry, N extends RegistryJobName<R>> = z.input<R[N]['payload']>;

type RegistryOf<T extends readonly JobDefinition[]> = { readonly [D in T[number] as D['name']]: D };

// BullMQ builds Redis keys as `<prefix>:<queue>:<id>`, so a colon in a queue name would corrupt them.
const QUEUE_NAME = /^[a-z][a-z0-9-]*$/;
const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

export function defineJob<const Q extends string, const N extends string, P extends z.ZodType>(
  definition: JobDefinition<Q, N, P>,
): JobDefinition<Q, N, P> {
  return Object.freeze({ ...definition });
}

/** Turns a list of jobs into a registry keyed by job name, refusing names that collide or break Redis keys. */
export function defineRegistry<const T extends readonly JobDefinition[]>(jobs: T): RegistryOf<T> {
  const registry: Record<string, JobDefinition> = {};
  for (const job of jobs) {
    if (!QUEUE_NAME.test(job.queue)) {
      throw new Error(`Queue name "${job.queue}" is invalid: use lowercase letters, digits and dashes.`);
    }
    if (!JOB_NAME.test(job.name)) {
      throw new Error(`Job name "${job.name}" is invalid: use lowercase dot-separated words such as "sessions.purge".`);
    }
    const existing = registry[job.name];
    if (existing) {
      throw new Error(
        `Job name "${job.name}" is defined twice (queues "${existing.queue}" and "${job.queue}"); job names must be unique across queues.`,
      );
    }
    registry[job.name] = job;
  }
  return Object.freeze(registry) as RegistryOf<T>;
}

/** The distinct queue names of a registry, in definition order. */
export function queueNamesOf<R extends JobRegistry>(registry: R): RegistryQueueName<R>[] {
  return [...new Set(Object.values(registry).map((job) => job.queue))] as RegistryQueueName<R>[];
}
