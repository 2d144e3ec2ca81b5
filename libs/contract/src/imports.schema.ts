import { z } from 'zod';

/** Stated to the customer before they upload, and enforced by the API. */
export const STATEMENT_MAX_BYTES = 20 * 1024 * 1024;
export const SUPPORTED_STATEMENT_FORMATS = ['ING CSV', 'Rabobank CSV', 'ABN AMRO TAB', 'CAMT.053 XML'] as const;

export const uploadStatusSchema = z.enum(['stored', 'parsing', 'imported', 'failed']);
export type UploadStatusCode = z.infer<typeof uploadStatusSchema>;

export const importProblemSchema = z.object({ line: z.number().int(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const uploadSummarySchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  byteSize: z.number().int(),
  status: uploadStatusSchema,
  format: z.string().nullable(),
  /** 0–100 while parsing; 100 once imported. */
  progress: z.number().int().min(0).max(100),
  rowsTotal: z.number().int().nullable(),
  rowsImported: z.number().int().nullable(),
  rowsDuplicate: z.number().int().nullable(),
  error: z
    .object({ message: z.string(), problems: z.array(importProblemSchema), totalProblems: z.number().int() })
    .nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type UploadSummary = z.infer<typeof uploadSummarySchema>;

export const uploadIdInput = z.object({ uploadId: z.string().uuid('validation.invalidId') });
