import { STATEMENT_MAX_BYTES, type UploadSummary } from '@dd/contract';

/** What the file picker offers; the API decides by content, not by name. */
export const STATEMENT_ACCEPT = '.csv,.txt,.tab,.xml,text/csv,text/plain,application/xml,text/xml';

export type FileProblem = 'validation.fileRequired' | 'validation.fileEmpty' | 'validation.fileTooLarge';

/** Checked before sending, so a 200 MB mistake is refused at once instead of after a long upload. */
export function checkStatementFile(file: { size: number } | null | undefined, maxBytes = STATEMENT_MAX_BYTES): FileProblem | null {
  if (!file) return 'validation.fileRequired';
  if (file.size === 0) return 'validation.fileEmpty';
  if (file.size > maxBytes) return 'validation.fileTooLarge';
  return null;
}

export function isInProgress(upload: Pick<UploadSummary, 'status'>): boolean {
  return upload.status === 'stored' || upload.status === 'parsing';
}

/**
 * The file just accepted, as the polled list shows it now, while it is still being read; null once
 * its import ended either way, so the "we are reading it" banner goes and the list says how it ended.
 */
export function acceptedStillInProgress<T extends { id: string }>(accepted: T | null, list: readonly T[] | undefined, inProgress: (item: T) => boolean): T | null {
  if (!accepted) return null;
  const current = list?.find((item) => item.id === accepted.id) ?? accepted;
  return inProgress(current) ? current : null;
}

/** The list polls about once a second while any upload is still being read, and stops after. */
export function uploadsRefetchInterval(uploads: readonly Pick<UploadSummary, 'status'>[] | undefined): number | false {
  return uploads?.some(isInProgress) ? 1_000 : false;
}

/** Failures on our side (a job that kept failing, or took too long): the file may be fine, so "download it again" would mislead. */
export function failedOnOurSide(error: { code: string | null }): boolean {
  return error.code === 'importFailed' || error.code === 'importTimedOut';
}

/** Problems beyond the listed ones ("and 12 more"). */
export function moreProblems(error: Pick<NonNullable<UploadSummary['error']>, 'problems' | 'totalProblems'>): number {
  return Math.max(0, error.totalProblems - error.problems.length);
}

export interface UploadTransition {
  upload: UploadSummary;
  /** The status it had at the previous poll. */
  from: UploadSummary['status'];
}

/** Uploads that finished (imported or failed) since the previous answer: to announce and to refresh the data. */
export function finishedSince(previous: readonly UploadSummary[] | undefined, current: readonly UploadSummary[]): UploadTransition[] {
  if (!previous) return [];
  const before = new Map(previous.map((u) => [u.id, u.status]));
  return current.flatMap((upload) => {
    const from = before.get(upload.id);
    return from && from !== upload.status && !isInProgress(upload) && (from === 'stored' || from === 'parsing') ? [{ upload, from }] : [];
  });
}

const FORMAT_NAMES: Record<string, string> = {
  'ing-csv': 'ING CSV',
  'rabobank-csv': 'Rabobank CSV',
  'abn-amro-tab': 'ABN AMRO TAB',
  camt053: 'CAMT.053 XML',
};

/** The detected format as the customer knows it from the list of supported formats. */
export function formatName(code: string): string {
  return FORMAT_NAMES[code] ?? code;
}
