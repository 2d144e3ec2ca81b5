import { z } from 'zod';
import { calendarDate, singleLine } from './text.schema';

/**
 * The admin's operational views: the audit log search, the job queues and the GDPR requests in
 * progress. What crosses here is chosen column by column: never a job payload (it can hold a
 * customer id), never a customer's name or email.
 */

// ——— Audit log ———

export const AUDIT_PAGE_SIZE = 50;
/** A day that exists: "2026-02-30" used to reach the database as a date it refuses. */
const day = calendarDate('adminAudit:validation.dateInvalid');
const optionalText = (max: number) =>
  singleLine({ max, messages: { tooLong: 'adminAudit:validation.tooLong' } })
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const auditSearchInput = z
  .object({
    /** Free text: matches the action, the subject type or id, and the details' text. */
    query: optionalText(200),
    action: optionalText(100),
    subjectType: optionalText(100),
    /** Calendar days (UTC), both inclusive. */
    from: day.optional(),
    to: day.optional(),
    /** The id of the last entry of the previous page (entries come newest first). */
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'adminAudit:validation.rangeReversed', path: ['to'] });
export type AuditSearchInput = z.input<typeof auditSearchInput>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string(),
  /** The actor's display name; null for the system and for accounts that were erased since. */
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.number().int().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The actions and subject types that occur, for the search filters. */
export const auditFacetsSchema = z.object({ actions: z.array(z.string()), subjectTypes: z.array(z.string()) });
export type AuditFacets = z.infer<typeof auditFacetsSchema>;

// ——— Jobs ———

export const JOB_COUNT_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type JobCountState = (typeof JOB_COUNT_STATES)[number];

export const failedJobSchema = z.object({
  queue: z.string(),
  jobId: z.string(),
  name: z.string(),
  failedReason: z.string(),
  attemptsMade: z.number().int(),
  finishedAt: z.string().nullable(),
});
export type FailedJob = z.infer<typeof failedJobSchema>;

export const queueOverviewSchema = z.object({
  queue: z.string(),
  counts: z.object({ waiting: z.number().int(), active: z.number().int(), delayed: z.number().int(), failed: z.number().int(), completed: z.number().int() }),
  /** The most recent failures, newest first. */
  failed: z.array(failedJobSchema),
});
export type QueueOverview = z.infer<typeof queueOverviewSchema>;

export const jobsOverviewSchema = z.object({ queues: z.array(queueOverviewSchema) });
export type JobsOverview = z.infer<typeof jobsOverviewSchema>;

export const retryJobInput = z.object({
  queue: singleLine({ min: 1, max: 100 }),
  jobId: singleLine({ min: 1, max: 300 }),
});
export type RetryJobInput = z.input<typeof retryJobInput>;

// ——— GDPR requests in progress ———

export const gdprExportInProgressSchema = z.object({
  /** The first 8 characters of the export id and the customer id: enough to tell requests apart, nothing to identify a person. */
  exportRef: z.string(),
  customerRef: z.string(),
  status: z.enum(['requested', 'building', 'failed']),
  requestedAt: z.string(),
  ageMinutes: z.number().int(),
});
export const gdprErasureInProgressSchema = z.object({
  customerRef: z.string(),
  requestedAt: z.string(),
  ageMinutes: z.number().int(),
});
export const gdprInProgressSchema = z.object({
  exports: z.array(gdprExportInProgressSchema),
  erasures: z.array(gdprErasureInProgressSchema),
});
export type GdprInProgress = z.infer<typeof gdprInProgressSchema>;
