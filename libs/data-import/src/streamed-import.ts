import { loadCategoriser, type Categoriser } from '@dd/categories';
import type { Database, DbTransaction } from '@dd/db';
import { countRecords } from './csv.slices';
import type { DetectedLayout } from './format.detector';
import { announceImported, lockForImport } from './import-steps';
import type { ImportDeps, ImportPhase, ImportRunResult } from './import.service';
import { createDedupeKeyer } from './dedupe-key';
import { CHUNK_ROWS, copyLine, rowCompleterFor, type NewRowsProgress } from './import-rows';
import { isStreamedLayout, StreamDeclined, streamedTransactions, type StreamedLayout } from './statement-stream';
import { readStatementText } from './statement-text';
import type { ParsedTransaction } from './statement.types';
import { transactionRepository } from './transaction.repository';
import { uploadRepository, type UploadRow } from './upload.repository';

interface Span {
  from: string;
  to: string;
}

/** One chunk of the file's rows with their dedupe keys (same index), and the booking dates it covers. */
interface KeyedChunk {
  transactions: ParsedTransaction[];
  keys: string[];
  span: Span | undefined;
}

function spanOf(transactions: readonly ParsedTransaction[]): Span | undefined {
  let span: Span | undefined;
  for (const { bookedOn: day } of transactions) {
    if (!span) span = { from: day, to: day };
    else if (day < span.from) span.from = day;
    else if (day > span.to) span.to = day;
  }
  return span;
}

/**
 * Imports an ING or Rabobank CSV while it is read: each chunk of rows is parsed, keyed and (its new rows) categorised while the
 * database stores the previous one, so the worker's work overlaps PostgreSQL's instead of coming before it.
 * Runs inside the import's transaction, after its locks. Deduplicates as the whole-file path does: a row whose
 * key the customer already has, or an earlier row of the file had, is left out. A key includes the booking
 * date, so only the customer's keys of a chunk's dates matter; they are read when a chunk reaches dates the
 * customer has rows on (a COPY holds the connection, so the COPY is ended for that read and begun again).
 * A customer's first file, or one of later dates than any before, is one COPY and no key reads.
 * Throws `StreamDeclined` for anything the whole-file path treats specially; the caller rolls back and uses it.
 */
export async function copyStreamed(
  trx: DbTransaction<Database>,
  file: { text: string; layout: StreamedLayout },
  categoriser: Categoriser,
  target: { customerId: string; uploadId: string },
  onChunk: (progress: NewRowsProgress) => Promise<void>,
): Promise<{ total: number; written: number }> {
  const customerSpan = await transactionRepository.bookedSpan(trx, target.customerId);
  const known = new Set<string>();
  const loaded: Span[] = [];
  const batches = streamedTransactions(file.text, file.layout, CHUNK_ROWS);
  // Keys in file order for every row (the occurrence counter needs them all); categorising only for rows written.
  const keyOf = createDedupeKeyer();
  let complete: ReturnType<typeof rowCompleterFor> | undefined;
  let total = 0;

  const nextChunk = (): KeyedChunk | undefined => {
    const next = batches.next();
    if (next.done) return undefined;
    const transactions = next.value;
    total += transactions.length;
    return { transactions, keys: transactions.map(keyOf), span: spanOf(transactions) };
  };

  /** The part of a chunk's dates on which the customer has rows and whose keys are not read yet. */
  const unreadSpan = ({ span }: KeyedChunk): Span | undefined => {
    if (!span || !customerSpan || span.to < customerSpan.from || span.from > customerSpan.to) return undefined;
    const wanted = { from: span.from < customerSpan.from ? customerSpan.from : span.from, to: span.to > customerSpan.to ? customerSpan.to : span.to };
    return loaded.some((done) => done.from <= wanted.from && wanted.to <= done.to) ? undefined : wanted;
  };

  const lead = `${target.customerId}\t${target.uploadId}\t`;
  let pending = nextChunk();
  let written = 0;

  /** COPY text of the chunks from `pending` on, until one needs keys that are not read yet. */
  async function* copyText(): AsyncGenerator<string> {
    while (pending && !unreadSpan(pending)) {
      const { transactions, keys } = pending;
      let text = '';
      for (let i = 0; i < transactions.length; i += 1) {
        const tx = transactions[i]!;
        const key = keys[i]!;
        if (known.has(key)) continue;
        known.add(key);
        // The file has one account (the stream declines a second), so its first row names the file's own IBANs.
        complete ??= rowCompleterFor([tx.account], categoriser);
        written += 1;
        text += lead + copyLine(complete(tx, key));
      }
      if (text !== '') yield text;
      await onChunk({ done: total, written });
      pending = nextChunk();
    }
  }

  let copied = 0;
  while (pending) {
    const wanted = unreadSpan(pending);
    if (wanted) {
      for (const key of await transactionRepository.dedupeKeysBookedBetween(trx, target.customerId, wanted.from, wanted.to)) known.add(key);
      loaded.push(wanted);
    }
    copied += await transactionRepository.copyNew(trx, copyText());
  }
  return { total, written: copied };
}

/**
 * The fast path for ING and Rabobank CSV (the big real-world files): rows are parsed, categorised and keyed
 * while the database stores the ones before (see copyStreamed), in the same one transaction with the same locks.
 * Undefined when the file is not for it: another format, or anything the whole-file path treats specially (a
 * problem, a refusal, several accounts, too many rows), found before or while streaming. Then everything it
 * wrote is rolled back and the whole-file path runs, so the customer's answer is exactly that path's.
 */
export async function importStreamed(
  deps: ImportDeps,
  upload: UploadRow,
  bytes: Buffer,
  reportProgress: (percent: number) => Promise<void>,
  timed: (phase: ImportPhase) => void,
): Promise<ImportRunResult | undefined> {
  let file: { text: string; layout: DetectedLayout };
  try {
    file = readStatementText({ name: upload.file_name, bytes });
  } catch {
    return undefined;
  }
  const { layout } = file;
  if (!isStreamedLayout(layout)) return undefined;
  const categoriser = await loadCategoriser(deps.db);
  // Rows are counted ahead (cheaply) so progress reads as on the whole-file path: 30 and 50 before the transaction.
  const expected = countRecords(file.text, layout.delimiter) - 1;
  await reportProgress(30);
  await reportProgress(50);
  timed('parse');
  let outcome: ImportRunResult | { total: number; written: number };
  try {
    outcome = await deps.db.transaction().execute(async (trx) => {
      const finished = await lockForImport(trx, upload.id, upload.customer_id);
      if (finished) return finished;
      timed('known-keys');
      const target = { customerId: upload.customer_id, uploadId: upload.id };
      const counts = await copyStreamed(trx, { text: file.text, layout }, categoriser, target, ({ done }) =>
        reportProgress(50 + Math.floor((done / Math.max(expected, done, 1)) * 45)),
      );
      timed('stream');
      const { total, written } = counts;
      await uploadRepository.markImported(trx, upload.id, { format: layout.format, total, imported: written, duplicate: total - written });
      await uploadRepository.deleteContent(trx, upload.id);
      return counts;
    });
  } catch (error) {
    if (error instanceof StreamDeclined) return undefined;
    throw error;
  }
  if ('status' in outcome) return outcome;
  timed('finish');
  return announceImported(deps.queues, upload.customer_id, { imported: outcome.written, duplicate: outcome.total - outcome.written }, reportProgress);
}
