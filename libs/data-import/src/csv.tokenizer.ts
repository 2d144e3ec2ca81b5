import { CsvError, parse, type CastingContext, type Options } from 'csv-parse/sync';
import { StatementParseError } from './import.errors';
import { MAX_COLUMNS, MAX_FIELD_CHARS } from './limits';
import { rowIssues, type ImportIssue } from './problem.catalogue';

export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
  /**
   * Only with `{ looseQuotes: 'mark' }`: a value that was not quoted contains a quote, as when a field lost its
   * opening quote (`…,Albert Heijn",…`). Absent otherwise.
   */
  looseQuote?: true;
}

export interface TokenizeOptions {
  /**
   * A quote inside an unquoted field (`5" screen`) is taken literally either way. `'mark'` also flags the row, for
   * formats whose bank quotes every field, where such a quote means the row was damaged (see `looseQuote`).
   */
  looseQuotes?: 'accept' | 'mark';
}


/**
 * Every line is returned as a record (blank ones as `['']`) so that counting lines stays ours: csv-parse's
 * `info.lines` counts a CRLF inside a quoted field twice and gives the line where a record ends, not starts.
 * Endings are listed because csv-parse otherwise takes the first one it sees for the whole file.
 */
export const TOKENIZER_OPTIONS: Options = {
  bom: false,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  // csv-parse's own bound on one field (quoted ones spanning lines included): a stray quote cannot swallow the file.
  max_record_size: MAX_FIELD_CHARS,
};

/**
 * Refuses a record with more columns than any export has before it is kept: 20 MB of commas would
 * otherwise become millions of empty strings. `info.lines` is the line where the record ends.
 */
function boundedColumns<T extends string[] | null>(record: T, info: Pick<CastingContext, 'lines'>): T {
  if (record && record.length > MAX_COLUMNS) throw unreadable(info.lines, rowIssues.tooManyColumns(record.length));
  return record;
}

/** Quote problems, and quotes inside unquoted fields (which we accept and strict csv-parse does not). */
const CAREFUL_CODES: ReadonlySet<string> = new Set(['INVALID_OPENING_QUOTE', 'CSV_INVALID_CLOSING_QUOTE', 'CSV_QUOTE_NOT_CLOSED']);

function unreadable(line: number, issue: ImportIssue): StatementParseError {
  return new StatementParseError([{ line, column: '', ...issue }]);
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** Only quoted fields hold line breaks, so a record spans one line plus the line feeds in its values. */
export function linesSpanned(fields: readonly string[]): number {
  let lines = 1;
  for (const field of fields) lines += countLineFeeds(field);
  return lines;
}

export function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

function rawOf(error: CsvError): string {
  return typeof error.raw === 'string' ? error.raw : '';
}

/**
 * RFC 4180 records with the line each starts on: quoted fields, doubled quotes, CRLF, LF or CR, and a quote
 * inside an unquoted field (`5" screen`) taken literally. Blank lines are skipped; column counts are the
 * caller's business. Parsing is csv-parse's (our policy: a maintained parser over a hand-written one); this
 * module only numbers the records and turns quote errors into a `StatementParseError` naming the line.
 */
export function tokenizeCsv(text: string, delimiter: string, options: TokenizeOptions = {}): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { ...TOKENIZER_OPTIONS, delimiter, on_record: boundedColumns });
  } catch (error) {
    // Strict parsing refuses every quote inside an unquoted field, so rows to mark are only ever found here.
    if (error instanceof CsvError && CAREFUL_CODES.has(error.code)) return tokenizeCarefully(text, delimiter, options.looseQuotes === 'mark');
    throw tooLongOr(error);
  }
  const rows: CsvRow[] = [];
  let line = 1;
  for (const fields of records) {
    if (!isBlank(fields)) rows.push({ line, fields });
    line += linesSpanned(fields);
  }
  return rows;
}

/**
 * The slow path, for the files strict parsing rejects. csv-parse has no mode that takes a quote in an unquoted
 * field literally yet still rejects a quoted field closed too early (`"Café "De Zaak""`): `relax_quotes` allows
 * both. So this parses with `relax_quotes`, and each record where a value starts with a quote (which is what
 * `relax_quotes` leaves behind when it reopens a badly closed field) is read again strictly.
 */
function tokenizeCarefully(text: string, delimiter: string, markLooseQuotes: boolean): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let looseQuote = false;
  try {
    parse(text, {
      ...TOKENIZER_OPTIONS,
      delimiter,
      relax_quotes: true,
      raw: true,
      // Called for every field before its record's `on_record`; only notes whether an unquoted value holds a quote.
      cast: (value, { quoting }) => {
        if (!quoting && value.includes('"')) looseQuote = true;
        return value;
      },
      on_record: (record, { raw }) => {
        // With `raw: true` records arrive as `{ record, raw }`, which csv-parse's types do not describe.
        const fields = boundedColumns((record as unknown as { record: string[] }).record, { lines: line });
        if (fields.some((field) => field.startsWith('"'))) assertQuotesClosed(raw ?? '', line, delimiter);
        if (!isBlank(fields)) rows.push(markLooseQuotes && looseQuote ? { line, fields, looseQuote: true } : { line, fields });
        looseQuote = false;
        line += linesSpanned(fields);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // A badly closed quote earlier in the same record is the first thing a reader trips over.
      assertQuotesClosed(rawOf(error), line, delimiter);
      throw unreadable(line, rowIssues.quoteNotClosed());
    }
    throw tooLongOr(error);
  }
  return rows;
}

/** A field over the limit, as a problem on the line where csv-parse noticed it; any other error unchanged. */
function tooLongOr(error: unknown): unknown {
  if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') return unreadable(Number(error['lines'] ?? 0), rowIssues.fieldTooLong());
  return error;
}

/** Reads one record's text (starting on `line`) strictly, tolerating only quotes inside unquoted fields. */
function assertQuotesClosed(raw: string, line: number, delimiter: string): void {
  try {
    parse(raw, {
      ...TOKENIZER_OPTIONS,
      delimiter,
      raw: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error?.code !== 'INVALID_OPENING_QUOTE') throw error;
        return undefined;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The error's `raw` is the record up to the offending quote, so its line feeds say how far down it is.
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE') throw unreadable(line + countLineFeeds(rawOf(error)), rowIssues.strayQuote());
    // Not closed by the end of `raw`: the caller reports that for the whole file.
    if (error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
  }
}
