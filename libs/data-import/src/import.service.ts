import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCategoriser } from '@dd/categories';
import type { Db } from '@dd/db';
import { DomainError, isDomainError, type ErrorParams } from '@dd/errors';
import { enqueue, UnrecoverableError, type Queues } from '@dd/queue';
import { StatementParseError } from './import.errors';
import { announceImported, lockForImport } from './import-steps';
import { newRowChunks } from './import-rows';
import { IMPORT_TIME_LIMIT_MINUTES } from './limits';
import { parseStatement } from './parse-statement';
import { fileIssues, type ImportIssue } from './problem.catalogue';
import type { ParsedStatement } from './statement.types';
import { importStreamed } from './streamed-import';
import { transactionRepository } from './transaction.repository';
import { receiveUpload, type UploadedStatement } from './upload-intake';
import { uploadRepository, type UploadRow } from './upload.repository';

export interface UploadSummaryDto {
  id: string;
  fileName: string;
  byteSize: number;
  status: UploadRow['status'];
  format: string | null;
  progress: number;
  rowsTotal: number | null;
  rowsImported: number | null;
  rowsDuplicate: number | null;
  error: UploadErrorDto | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Why an upload failed: the English message, and the code and parameters the portal translates. */
export interface UploadErrorDto {
  message: string;
  code: string | null;
  params: ErrorParams;
  problems: { line: number; column: string; code: string | null; params: ErrorParams; message: string }[];
  totalProblems: number;
}

/** As stored in `uploads.error`; rows written before problems had codes lack `code` and `params`. */
type StoredUploadError = Partial<Omit<UploadErrorDto, 'problems'>> & { message: string; problems?: Partial<UploadErrorDto['problems'][number]>[] };

function uploadError(stored: StoredUploadError): UploadErrorDto {
  return {
    message: stored.message,
    code: stored.code ?? null,
    params: stored.params ?? {},
    problems: (stored.problems ?? []).map((p) => ({ line: p.line ?? 0, column: p.column ?? '', code: p.code ?? null, params: p.params ?? {}, message: p.message ?? '' })),
    totalProblems: stored.totalProblems ?? 0,
  };
}

function toSummary(row: UploadRow, liveProgress?: number): UploadSummaryDto {
  const error = row.error as StoredUploadError | null;
  return {
    id: row.id,
    fileName: row.file_name,
    byteSize: row.byte_size,
    status: row.status,
    format: row.format,
    progress: row.status === 'imported' ? 100 : (liveProgress ?? row.progress),
    rowsTotal: row.rows_total,
    rowsImported: row.rows_imported,
    rowsDuplicate: row.rows_duplicate,
    error: error ? uploadError(error) : null,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** File names are shown back to the customer; keep them short and free of paths. */
function cleanFileName(name: string): string {
  const base = [...basename(name.replace(/\\/g, '/'))].filter((ch) => ch >= ' ').join('').trim();
  return (base || 'statement').slice(0, 200);
}

/** The BullMQ job id of an upload's import: a repeat enqueue is a no-op. */
export const importJobId = (uploadId: string) => `import-${uploadId}`;

/** As stored in `uploads.error` for a problem with the file as a whole. */
function storedIssue(issue: ImportIssue): StoredUploadError {
  return { message: issue.message, code: issue.code, params: issue.params, problems: [], totalProblems: 0 };
}

/** A refusal from the parser, with its code, parameters and (for row problems) the lines. */
function storedRefusal(error: DomainError): StoredUploadError {
  const problems = error instanceof StatementParseError ? [...error.problems] : [];
  const totalProblems = error instanceof StatementParseError ? error.totalProblems : 0;
  // Code and parameters are stored with the English message, so the portal can say it in the reader's language.
  return { message: error.message, code: error.reason?.code ?? null, params: error.reason?.params ?? {}, problems, totalProblems };
}

export function createImportService(deps: { db: Db; queues: Queues }) {
  const { db, queues } = deps;

  return {
    /**
     * Stores the upload and queues its import; nothing here reads the content. The API's event loop
     * serves everyone, and decoding, sniffing or parsing 20 MB takes seconds, so all of that is the
     * worker's: a file that is no statement arrives as a failed upload with its reason a moment later.
     * Only what costs nothing is refused at once: no bytes at all, or more than the limit (counted while
     * a streamed upload arrives, see receiveUpload).
     */
    async storeUpload(customerId: string, file: UploadedStatement): Promise<UploadSummaryDto> {
      const { bytes, sha256 } = await receiveUpload(file);
      const uploadId = await db.transaction().execute((trx) =>
        uploadRepository.insert(trx, { customerId, fileName: cleanFileName(file.name), byteSize: bytes.length, sha256, bytes }),
      );
      try {
        await enqueue(queues, 'statement.import', { uploadId }, { jobId: importJobId(uploadId) });
      } catch (error) {
        // Without a queued job the upload would wait forever: take it back and say so.
        await uploadRepository.delete(db, uploadId);
        throw new DomainError('UNAVAILABLE', 'Your file could not be queued for processing right now. Please try again in a minute.', {
          cause: String(error instanceof Error ? error.message : error),
        });
      }
      return toSummary((await uploadRepository.find(db, uploadId))!);
    },

    async list(customerId: string): Promise<UploadSummaryDto[]> {
      const rows = await uploadRepository.listForCustomer(db, customerId, 50);
      return Promise.all(rows.map(async (row) => toSummary(row, await liveProgress(row))));
    },

    async get(customerId: string, uploadId: string): Promise<UploadSummaryDto> {
      const row = await uploadRepository.findForCustomer(db, customerId, uploadId);
      if (!row) throw new DomainError('NOT_FOUND', 'This upload does not exist (any more).');
      return toSummary(row, await liveProgress(row));
    },
  };

  /** While the worker parses, progress lives in the job (the import's own transaction is not visible yet). */
  async function liveProgress(row: UploadRow): Promise<number | undefined> {
    if (row.status !== 'parsing' && row.status !== 'stored') return undefined;
    const job = await queues.get('imports').getJob(importJobId(row.id));
    return typeof job?.progress === 'number' ? job.progress : undefined;
  }
}

export type ImportService = ReturnType<typeof createImportService>;

export interface ImportRunResult {
  status: 'imported' | 'failed' | 'already-imported' | 'missing';
  imported?: number;
  duplicate?: number;
}

/**
 * The steps of an import, as timed for `onPhase` (`store` is the upload's, timed by whoever stores it). On the
 * streaming path `stream` is parsing, categorising, keying and COPY together, and `parse` only reading the text.
 */
export type ImportPhase = 'store' | 'read' | 'parse' | 'known-keys' | 'copy' | 'stream' | 'finish';

export interface ImportDeps {
  db: Db;
  queues: Queues;
  /** Hears how long each step took, in milliseconds (the import benchmark prints them). */
  onPhase?: (phase: ImportPhase, milliseconds: number) => void;
  /** False reads every file whole, as before the streaming path existed: for comparing the two. Default true. */
  streaming?: boolean;
}

/** The earliest and latest booking date of a statement's rows (ISO dates compare as text). */
function bookingSpan(statement: ParsedStatement): { from: string; to: string } | undefined {
  let from: string | undefined;
  let to: string | undefined;
  for (const { bookedOn } of statement.transactions) {
    if (from === undefined || bookedOn < from) from = bookedOn;
    if (to === undefined || bookedOn > to) to = bookedOn;
  }
  return from === undefined || to === undefined ? undefined : { from, to };
}

/**
 * The import job: parse, categorise, and insert every new transaction in ONE database transaction
 * together with the upload's final status, so a crash leaves nothing half-written and a retry
 * starts clean. Dedupe keys make a repeated or overlapping statement add nothing twice: under a
 * per-customer lock the keys the customer already has for the file's dates are read, and only rows
 * with other keys go in, by COPY straight into `transactions` (docs/PERFORMANCE.md has the figures).
 */
export async function runImport(
  deps: ImportDeps,
  uploadId: string,
  reportProgress: (percent: number) => Promise<void> = async () => {},
): Promise<ImportRunResult> {
  const { db, queues } = deps;
  let lap = performance.now();
  const timed = (phase: ImportPhase) => {
    const now = performance.now();
    deps.onPhase?.(phase, now - lap);
    lap = now;
  };
  const upload = await uploadRepository.find(db, uploadId);
  if (!upload) return { status: 'missing' };
  if (upload.status === 'imported') return { status: 'already-imported' };
  // A failure is final (its file is already deleted); a second run must not replace the message that says what to fix.
  if (upload.status === 'failed') return { status: 'failed' };
  const bytes = await uploadRepository.content(db, uploadId);
  if (!bytes) {
    if (await uploadRepository.markFailed(db, uploadId, storedIssue(fileIssues.gone()))) return { status: 'failed' };
    // An overlapping run finished (and deleted the file) since the status was read: report what it did.
    const finished = await uploadRepository.find(db, uploadId);
    return { status: !finished ? 'missing' : finished.status === 'imported' ? 'already-imported' : 'failed' };
  }
  await uploadRepository.markParsing(db, uploadId);
  await reportProgress(5);
  timed('read');

  const streamed = deps.streaming === false ? undefined : await importStreamed(deps, upload, bytes, reportProgress, timed);
  if (streamed) return streamed;

  let statement: ParsedStatement;
  try {
    statement = parseStatement({ name: upload.file_name, bytes });
  } catch (error) {
    // Parsing is a pure function of the bytes: whatever it throws, a retry throws again. So the upload
    // fails now, once, its file is deleted, and a crash of the parser itself also ends the job for good.
    const failure = isDomainError(error) ? storedRefusal(error) : storedIssue(fileIssues.unreadable());
    await failWithFileDeleted(db, uploadId, failure);
    if (!isDomainError(error)) {
      throw new UnrecoverableError(`The parser failed on upload ${uploadId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { status: 'failed' };
  }
  await reportProgress(30);

  const categoriser = await loadCategoriser(db);
  const total = statement.transactions.length;
  const span = bookingSpan(statement);
  await reportProgress(50);
  timed('parse');

  const outcome = await db.transaction().execute(async (trx): Promise<ImportRunResult | number> => {
    const finished = await lockForImport(trx, uploadId, upload.customer_id);
    if (finished) return finished;
    const known = new Set(span ? await transactionRepository.dedupeKeysBookedBetween(trx, upload.customer_id, span.from, span.to) : []);
    timed('known-keys');
    const count = await transactionRepository.copyNew(
      trx,
      newRowChunks(statement, categoriser, { customerId: upload.customer_id, uploadId, known }, ({ done }) =>
        reportProgress(50 + Math.floor((done / Math.max(total, 1)) * 45)),
      ),
    );
    timed('copy');
    await uploadRepository.markImported(trx, uploadId, { format: statement.format, total, imported: count, duplicate: total - count });
    await uploadRepository.deleteContent(trx, uploadId);
    return count;
  });
  if (typeof outcome !== 'number') return outcome;
  timed('finish');
  return announceImported(queues, upload.customer_id, { imported: outcome, duplicate: total - outcome }, reportProgress);
}

/** Marks the upload failed and deletes its file in one transaction: a failed upload never keeps the bank's file. */
async function failWithFileDeleted(db: Db, uploadId: string, failure: StoredUploadError): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const failed = await uploadRepository.markFailed(trx, uploadId, failure);
    await uploadRepository.deleteContent(trx, uploadId);
    return failed;
  });
}

/**
 * The import job failed for good (retries used up, or unrecoverable): the upload ends as failed with a
 * reason, unless the run already recorded a more precise one, and its file is deleted. Without this it
 * would show "being read" forever. True when this call failed it.
 */
export async function failImport(db: Db, uploadId: string): Promise<boolean> {
  return failWithFileDeleted(db, uploadId, storedIssue(fileIssues.importFailed()));
}

/**
 * The `imports.sweep` job: every upload still in progress `IMPORT_TIME_LIMIT_MINUTES` after it was stored
 * is failed and its file deleted, whatever happened to its job (a worker that died mid-parse, a job lost
 * with Redis). A run that is still going finds the upload failed when it commits and imports nothing.
 */
export async function sweepStuckUploads(db: Db, now: Date = new Date()): Promise<string[]> {
  const before = new Date(now.getTime() - IMPORT_TIME_LIMIT_MINUTES * 60_000);
  return db.transaction().execute(async (trx) => {
    const ids = await uploadRepository.failStuck(trx, before, storedIssue(fileIssues.timedOut()));
    await uploadRepository.deleteContents(trx, ids);
    return ids;
  });
}
