import { z } from 'zod';

/** Stated to the customer before they upload, and enforced by the API. */
export const STATEMENT_MAX_BYTES = 20 * 1024 * 1024;

// In a module without zod: the portal's tRPC client needs it on its first load, the schemas only later.
export { UPLOAD_NAME_HEADER } from './upload-name.header';
export const SUPPORTED_STATEMENT_FORMATS = ['ING CSV', 'Rabobank CSV', 'ABN AMRO TAB', 'CAMT.053 XML'] as const;

export const uploadStatusSchema = z.enum(['stored', 'parsing', 'imported', 'failed']);
export type UploadStatusCode = z.infer<typeof uploadStatusSchema>;

/**
 * What can be wrong with an upload, as stable codes: stored with every failed upload, so never renamed or
 * reused. The API sends each with its parameters and an English message; the portal says it in the
 * reader's language and shows the English message for a code it does not know.
 */
export const IMPORT_PROBLEM_CODES = [
  // The file as a whole.
  'fileEmpty', 'fileTooLarge', 'fileGone', 'encodingUnsupported', 'formatUnsupported', 'xmlNotCamt053', 'unsafeXml',
  'noTransactions', 'tooManyRows', 'rowProblems', 'tooManyElements', 'fileUnreadable', 'importFailed', 'importTimedOut',
  // One row (line and column say where).
  'columnCount', 'quoteNotClosed', 'strayQuote', 'xmlTruncated', 'xmlMalformed', 'dateInvalid', 'dateMissing',
  'currencyInvalid', 'amountInvalid', 'amountPrecision', 'amountRange', 'amountMissing', 'amountSigned',
  'directionMissing', 'directionInvalid', 'accountInvalid', 'accountEmpty', 'statementAccountMissing',
  'lineTooLong', 'fieldTooLong', 'tooManyColumns', 'xmlTooDeep', 'quotesMismatched',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** The values a problem's text needs (`value`, `expected`, `limitMb`, …). */
export const problemParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ProblemParams = z.infer<typeof problemParamsSchema>;

export const importProblemSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  /** Null for a problem stored before problems had codes. */
  code: z.string().nullable(),
  params: problemParamsSchema,
  /** English, for logs and the API; the fallback when the portal does not know the code. */
  message: z.string(),
});
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
    .object({
      message: z.string(),
      code: z.string().nullable(),
      params: problemParamsSchema,
      problems: z.array(importProblemSchema),
      totalProblems: z.number().int(),
    })
    .nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type UploadSummary = z.infer<typeof uploadSummarySchema>;

export const uploadIdInput = z.object({ uploadId: z.string().uuid('validation.invalidId') });
