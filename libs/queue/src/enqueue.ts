import type { Job } from 'bullmq';
import { z } from 'zod';
import type { JobRegistry, RegistryJobName, RegistryPayload, RegistryPayloadInput } from './job.definition';
import { JobPayloadError, QueueUnavailableError } from './queue.errors';
import type { Queues } from './queues.factory';

export interface EnqueueOptions {
  /**
   * Deterministic id, e.g. `import-${statementId}`: enqueuing the same id again while the first
   * job is still kept adds nothing (idempotency layer one; the database is layer two).
   */
  jobId?: string;
  /** Milliseconds to wait before the job may run. */
  delay?: number;
  priority?: number;
  attempts?: number;
}

// BullMQ refuses integer ids (they collide with its own counters) and ids with a colon (key separator).
function assertValidJobId(jobId: string): void {
  if (jobId.length === 0 || jobId.length > 200 || jobId.includes(':') || /^\d+$/.test(jobId)) {
    throw new Error(`Job id "${jobId}" is invalid: use 1-200 characters, no colons, and not only digits (e.g. "import-<uuid>").`);
  }
}

const CONNECTION_FAILURE = /Connection is closed|Stream isn't writeable|Command timed out|MaxRetriesPerRequest|ECONNREFUSED|ETIMEDOUT|ECONNRESET/i;

/** How long a producer waits for a connection that is being made right now (a process that just started). */
const FIRST_CONNECT_WAIT_MS = 2_000;

/**
 * True once the connection is ready; false if it fails or is not up within the wait. Only the first
 * connect is waited for: a connection that was up and dropped is reconnecting, and then Redis is down.
 */
export async function readyForFirstUse(connection: Queues['connection']): Promise<boolean> {
  if (connection.status === 'ready') return true;
  if (connection.status !== 'connecting' && connection.status !== 'connect' && connection.status !== 'wait') return false;
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      connection.off('ready', onReady);
      connection.off('close', onClose);
      resolve(ready);
    };
    const onReady = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => done(connection.status === 'ready'), FIRST_CONNECT_WAIT_MS);
    connection.once('ready', onReady);
    connection.once('close', onClose);
  });
}

/** Validates the payload against the registry and adds the job to its queue. */
export async function enqueue<R extends JobRegistry, N extends RegistryJobName<R>>(
  queues: Queues<R>,
  name: N,
  payload: RegistryPayloadInput<R, N>,
  options: EnqueueOptions = {},
): Promise<Job<RegistryPayload<R, N>>> {
  const definition = queues.registry[name];
  if (!definition) throw new Error(`Unknown job "${name}"; jobs are declared in libs/queue/src/queue.registry.ts.`);
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(name, z.prettifyError(parsed.error).replace(/\n/g, '; '));
  if (options.jobId !== undefined) assertValidJobId(options.jobId);

  // A producer connection has no offline queue: fail now rather than make a request wait for Redis.
  const { connection } = queues;
  if (connection.options.enableOfflineQueue === false && !(await readyForFirstUse(connection))) {
    throw new QueueUnavailableError(name);
  }
  try {
    return (await queues.get(definition.queue).add(name, parsed.data, { ...definition.options, ...options })) as Job<
      RegistryPayload<R, N>
    >;
  } catch (error) {
    if (connection.status !== 'ready' || (error instanceof Error && CONNECTION_FAILURE.test(error.message))) {
      throw new QueueUnavailableError(name, error);
    }
    throw error;
  }
}
