/**
 * An export not ready this long after it was asked for is failed (`exportTimedOut`) by the `gdpr.sweep` job and
 * the customer asks for a new one. Building the ZIP of the largest account takes seconds; the job's three attempts
 * with backoff add well under a minute, so this is only reached when the job was lost or its worker died. The
 * value lives in the contract because the portal states it.
 */
export { EXPORT_TIME_LIMIT_MINUTES } from '@dd/contract';

/**
 * An erasure still pending this long after it was asked for has its job queued again by the `gdpr.sweep` job.
 * An erasure never ends as "failed": the account stopped working when it was asked for, and the law wants the
 * data gone, so the platform keeps trying (and the admin's GDPR list shows it as overdue) until it is done.
 */
export const ERASURE_TIME_LIMIT_MINUTES = 30;

/** Why an export failed, as the portal explains it: timed out (the sweep) or its job failed for good. */
export const EXPORT_FAILURE_REASONS = ['exportTimedOut', 'exportFailed'] as const;
export type ExportFailureReason = (typeof EXPORT_FAILURE_REASONS)[number];
