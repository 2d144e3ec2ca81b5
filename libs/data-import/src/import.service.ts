import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { loadCategoriser } from '@dd/categories';
import type { Db } from '@dd/db';
import { DomainError, isDomainError, type ErrorParams } from '@dd/errors';
import { enqueue, type Queues } from '@dd/queue';
import { dedupeKeys } from './dedupe-key';
import { detectFormat } from './format.detector';
import { decodeStatementBytes } from './encoding';
import { EmptyStatementError, StatementParseError, StatementTooLargeError } from './import.errors';
import { MAX_STATEMENT_BYTES } from './limits';
import { parseStatement } from './parse-statement';
import { fileIssues } from './problem.catalogue';
import { transactionRepository } from './transaction.repository';
import { uploadRepository, type NewTransactionRow, type UploadRow } from './upload.repository';

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

export function createImportService(deps: { db: Db; queues: Queues }) {
  const { db, queues } = deps;

  return {
    /**
     * Stores the upload and queues its import. Cheap checks happen here so a wrong file is refused
     * at once with a clear message; the full parse runs in the worker.
     */
    async storeUpload(customerId: string, file: { name: string; bytes: Buffer }): Promise<UploadSummaryDto> {
      if (file.bytes.length === 0) throw new EmptyStatementError('empty');
      if (file.bytes.length > MAX_STATEMENT_BYTES) throw new StatementTooLargeError('bytes');
      const { text } = decodeStatementBytes(file.bytes);
      // A byte-order mark and line breaks alone are an empty export, as the parser would say too.
      if (text.trim() === '') throw new EmptyStatementError('empty');
      detectFormat(text);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const uploadId = await db.transaction().execute((trx) =>
        uploadRepository.insert(trx, { customerId, fileName: cleanFileName(file.name), byteSize: file.bytes.length, sha256, bytes: file.bytes }),
      );
      try {
        await enqueue(queues, 'statement.import', { uploadId }, { jobId: `import-${uploadId}` });
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
    const job = await queues.get('imports').getJob(`import-${row.id}`);
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
 * The import job: parse, categorise, and insert every new transaction in ONE database transaction
 * together with the upload's final status, so a crash leaves nothing half-written and a retry
 * starts clean. Dedupe keys make a repeated or overlapping statement add nothing twice.
 */
export async function runImport(
  deps: { db: Db; queues: Queues },
  uploadId: string,
  reportProgress: (percent: number) => Promise<void> = async () => {},
): Promise<ImportRunResult> {
  const { db, queues } = deps;
  const upload = await uploadRepository.find(db, uploadId);
  if (!upload) return { status: 'missing' };
  if (upload.status === 'imported') return { status: 'already-imported' };
  // A failure is final (its file is already deleted); a second run must not replace the message that says what to fix.
  if (upload.status === 'failed') return { status: 'failed' };
  const bytes = await uploadRepository.content(db, uploadId);
  if (!bytes) {
    const gone = fileIssues.gone();
    await uploadRepository.markFailed(db, uploadId, { message: gone.message, code: gone.code, params: gone.params });
    return { status: 'failed' };
  }
  await uploadRepository.markParsing(db, uploadId);
  await reportProgress(5);

  let statement;
  try {
    statement = parseStatement({ name: upload.file_name, bytes });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const problems = error instanceof StatementParseError ? error.problems : [];
    const totalProblems = error instanceof StatementParseError ? error.totalProblems : 0;
    // Code and parameters are stored with the English message, so the portal can say it in the reader's language.
    const failure: StoredUploadError = { message: error.message, code: error.reason?.code ?? null, params: error.reason?.params ?? {}, problems: [...problems], totalProblems };
    await db.transaction().execute(async (trx) => {
      await uploadRepository.markFailed(trx, uploadId, failure);
      await uploadRepository.deleteContent(trx, uploadId);
    });
    return { status: 'failed' };
  }
  await reportProgress(30);

  const categoriser = await loadCategoriser(db);
  const ownIbans = new Set(statement.transactions.map((tx) => tx.account.replace(/\s+/g, '').toUpperCase()));
  const keys = dedupeKeys(statement);
  const rows: NewTransactionRow[] = statement.transactions.map((tx, index) => {
    const result = categoriser.categorise(tx, { ownIbans });
    return {
      customer_id: upload.customer_id,
      upload_id: uploadId,
      booked_on: tx.bookedOn,
      amount_cents: tx.amountCents,
      currency: tx.currency,
      counterparty_name: tx.counterpartyName,
      counterparty_iban: tx.counterpartyIban,
      description: tx.description,
      bank_code: tx.bankCode,
      category: result.category,
      rule_id: result.ruleId,
      special: result.special,
      protected_life_event: result.protectedLifeEvent,
      dedupe_key: keys[index]!,
    };
  });
  await reportProgress(50);

  const outcome = await db.transaction().execute(async (trx): Promise<ImportRunResult | number> => {
    // Two runs of one job can overlap (BullMQ is at-least-once). The row lock makes the later run wait for the
    // earlier one's commit and then see its result, instead of recording 0 imported / all duplicate over it.
    const current = await uploadRepository.lockStatus(trx, uploadId);
    if (current === undefined) return { status: 'missing' };
    if (current === 'imported') return { status: 'already-imported' };
    if (current === 'failed') return { status: 'failed' };
    const count = await transactionRepository.insertNew(trx, rows, (done) => reportProgress(50 + Math.floor((done / Math.max(rows.length, 1)) * 45)));
    await uploadRepository.markImported(trx, uploadId, { format: statement.format, total: rows.length, imported: count, duplicate: rows.length - count });
    await uploadRepository.deleteContent(trx, uploadId);
    return count;
  });
  if (typeof outcome !== 'number') return outcome;
  await enqueue(queues, 'features.recompute', { customerId: upload.customer_id }, { jobId: `features-${upload.customer_id}` });
  await reportProgress(100);
  return { status: 'imported', imported: outcome, duplicate: rows.length - outcome };
}
