import type { Logger } from '@dd/config';
import type { JobRegistry, Jobs, RegistryJobName, RegistryPayload } from '@dd/queue';

export interface JobContext {
  jobId: string;
  queue: string;
  /** 1 on the first run; BullMQ is at-least-once, so a handler must tolerate running again. */
  attempt: number;
  /** Already carries the job's id, name and attempt. */
  logger: Logger;
  /** Progress 0–100, visible to the API (for example an upload's progress bar). */
  reportProgress(percent: number): Promise<void>;
}

export type JobHandler<P> = (payload: P, context: JobContext) => Promise<unknown>;

/** One handler per job of the registry; leaving one out is a type error here and a start-up error in the worker. */
export type JobHandlers<R extends JobRegistry = Jobs> = { [N in RegistryJobName<R>]: JobHandler<RegistryPayload<R, N>> };

/** What a final-failure handler is told: the job's log, and the error of its last attempt. */
export interface FinalFailureContext {
  jobId: string;
  logger: Logger;
  error: Error;
}

/**
 * Optional, per job: runs when the job has failed for good (its last attempt failed, or it was
 * unrecoverable), so the record it was working on does not wait forever. A job that BullMQ fails for
 * stalling too often is not reported to the worker; the domain's sweep catches those. Must be
 * idempotent and leave a record that already finished alone.
 */
export type FinalFailureHandlers<R extends JobRegistry = Jobs> = {
  [N in RegistryJobName<R>]?: (payload: RegistryPayload<R, N>, context: FinalFailureContext) => Promise<void>;
};
