import { strictCsvSlices } from './csv.slices';
import type { CsvRow } from './csv.tokenizer';
import type { DetectedLayout } from './format.detector';
import { ingRowReader } from './ing-csv.parser';
import { MAX_STATEMENT_ROWS } from './limits';
import { ProblemCollector } from './problems';
import { rabobankRowReader } from './rabobank-csv.parser';
import type { ParsedTransaction } from './statement.types';

/** The streaming path met something the whole-file parser treats specially; the import reads the file whole instead. */
export class StreamDeclined extends Error {}

export type StreamedLayout = Extract<DetectedLayout, { format: 'ing-csv' | 'rabobank-csv' }>;

export function isStreamedLayout(layout: DetectedLayout): layout is StreamedLayout {
  return layout.format === 'ing-csv' || layout.format === 'rabobank-csv';
}

/**
 * An ING or Rabobank CSV's transactions `batchRows` at a time (the last batch fewer), read row by row by the same
 * functions as `parseIngCsv`/`parseRabobankCsv`. Only for files those parsers accept as they are, with one
 * account: on a row problem, a quote the strict parser refuses, more than MAX_STATEMENT_ROWS rows, a second
 * account (categorising knows a file's own accounts) or no rows at all this throws `StreamDeclined`, and the
 * whole-file parser gives the customer its exact answer.
 */
export function* streamedTransactions(text: string, layout: StreamedLayout, batchRows: number): Generator<ParsedTransaction[]> {
  const problems = new ProblemCollector();
  let read: ((row: CsvRow) => ParsedTransaction | undefined) | undefined;
  let account: string | undefined;
  let count = 0;
  let batch: ParsedTransaction[] = [];
  try {
    for (const rows of strictCsvSlices(text, layout.delimiter)) {
      for (const row of rows) {
        if (!read) {
          read = layout.format === 'ing-csv' ? ingRowReader(row.fields, layout, problems) : rabobankRowReader(row.fields, problems);
          continue;
        }
        count += 1;
        if (count > MAX_STATEMENT_ROWS) throw new StreamDeclined('rows');
        const tx = read(row);
        if (!tx || problems.count > 0) throw new StreamDeclined(`problem on line ${row.line}`);
        if (account === undefined) account = tx.account;
        else if (tx.account !== account) throw new StreamDeclined('accounts');
        batch.push(tx);
        if (batch.length === batchRows) {
          yield batch;
          batch = [];
        }
      }
    }
  } catch (error) {
    // Anything thrown while reading (a parser's own bug included) is for the whole-file path to report as it does.
    throw error instanceof StreamDeclined ? error : new StreamDeclined(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (count === 0) throw new StreamDeclined('no rows');
  if (batch.length > 0) yield batch;
}
