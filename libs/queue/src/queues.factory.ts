import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { queueNamesOf, type JobRegistry, type RegistryQueueName } from './job.definition';
import { DEFAULT_JOB_OPTIONS } from './job.defaults';
import { JOBS, type Jobs } from './queue.registry';

/** Producer-side handle on every queue of a registry. The caller owns (and closes) the connection. */
export interface Queues<R extends JobRegistry = Jobs> {
  readonly registry: R;
  /** Prefix of every BullMQ key, so tests and several installs can share one Redis. */
  readonly prefix: string;
  readonly connection: Redis;
  readonly names: readonly RegistryQueueName<R>[];
  get(name: RegistryQueueName<R>): Queue;
  /** Every queue of the registry, e.g. for a dashboard or to obliterate a test's queues. */
  all(): Queue[];
  /** Closes the queues; the connection stays open for its owner to close. */
  close(): Promise<void>;
}

export interface CreateQueuesOptions<R extends JobRegistry> {
  /** Defaults to JOBS; tests pass their own. */
  registry?: R;
  onError?: (error: Error) => void;
}

export function createQueues<R extends JobRegistry = Jobs>(
  connection: Redis,
  prefix: string,
  options: CreateQueuesOptions<R> = {},
): Queues<R> {
  const registry = (options.registry ?? JOBS) as R;
  const names = queueNamesOf(registry);
  const queues = new Map<string, Queue>();
  for (const name of names) {
    const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    // An 'error' event without a listener would crash the process; callers normally pass a logger.
    queue.on('error', options.onError ?? (() => {}));
    queues.set(name, queue);
  }
  return {
    registry,
    prefix,
    connection,
    names,
    get(name) {
      const queue = queues.get(name);
      if (!queue) throw new Error(`Unknown queue "${name}"; queues are declared in libs/queue/src/queue.registry.ts.`);
      return queue;
    },
    all() {
      return [...queues.values()];
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
