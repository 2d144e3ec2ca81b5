import { parse } from 'csv-parse/sync';
import { isBlank, linesSpanned, TOKENIZER_OPTIONS, type CsvRow } from './csv.tokenizer';
import { MAX_COLUMNS, MAX_FIELD_CHARS } from './limits';

/** About this many characters are parsed at a time: some thousands of rows, the size of one COPY chunk. */
const SLICE_CHARS = 512 * 1024;

/** The records of a text could not be read strictly (a quote problem, a field or record beyond the bounds). */
export class StrictCsvRefused extends Error {}

/**
 * Where the slice starting at `start` ends: after the first line feed past `start + size` that lies outside
 * quotes. Quotes are counted: in text that parses strictly every quote opens, closes or doubles inside a quoted
 * field, so an even count means the line feed ends a record. Text that does not parse strictly may be cut in the
 * wrong place, but then the slice holding the odd quote fails to parse, and the caller gives up anyway.
 */
function sliceEnd(text: string, start: number, size: number): number {
  const target = start + size;
  if (target >= text.length) return text.length;
  let quotes = 0;
  let quote = text.indexOf('"', start);
  const countUntil = (end: number) => {
    while (quote !== -1 && quote < end) {
      quotes += 1;
      quote = text.indexOf('"', quote + 1);
    }
  };
  for (let feed = text.indexOf('\n', target); feed !== -1; feed = text.indexOf('\n', feed + 1)) {
    // A record that parses holds at most MAX_FIELD_CHARS bytes of values, written as at most twice that (doubled
    // quotes) plus quotes and delimiters: no end of one this far on means the quotes are broken.
    if (feed > target + 4 * MAX_FIELD_CHARS) throw new StrictCsvRefused('no record ends near the slice end');
    countUntil(feed);
    if (quotes % 2 === 0) return feed + 1;
  }
  return text.length;
}

/**
 * True when a record might be over csv-parse's `max_record_size` (MAX_FIELD_CHARS), which `tokenizeCsv` applies:
 * its count (earlier values' lengths plus the current value's bytes) never exceeds the bytes of all values.
 */
function beyondRecordBound(fields: readonly string[]): boolean {
  let chars = 0;
  for (const field of fields) chars += field.length;
  // A UTF-16 unit is at most 3 bytes in UTF-8, so only long records need their bytes counted.
  if (chars * 3 <= MAX_FIELD_CHARS) return false;
  let bytes = 0;
  for (const field of fields) bytes += Buffer.byteLength(field, 'utf8');
  return bytes > MAX_FIELD_CHARS;
}

/**
 * The line endings to give csv-parse: all three (as `tokenizeCsv` does) only when the text mixes them. csv-parse
 * compares every byte with each ending it is given, and one ending instead of three parses a third faster; a
 * text with only CRLF or only LF splits into the same records either way.
 */
function lineEndingsOf(text: string): string[] {
  if (!text.includes('\r')) return ['\n'];
  return /\r(?!\n)|(?<!\r)\n/.test(text) ? ['\r\n', '\n', '\r'] : ['\r\n'];
}

/**
 * The non-blank records of a CSV text a slice at a time, numbered by the line each starts on exactly as
 * `tokenizeCsv` numbers them, so rows can be handled while the rest of the file is still unread. Strict only:
 * wherever `tokenizeCsv` would take a slower path or refuse the file (a quote problem, a field too long, more
 * than MAX_COLUMNS columns) this throws `StrictCsvRefused` and the caller reads the file whole instead.
 * Records come without `info` (csv-parse builds it for every record when `on_record` is set).
 */
export function* strictCsvSlices(text: string, delimiter: string, size = SLICE_CHARS): Generator<CsvRow[]> {
  const endings = lineEndingsOf(text);
  // With line feeds, csv-parse's per-byte record bound (a sixth of its time) is left off: records are measured
  // below instead, and a slice cannot grow past SLICE_CHARS plus one record's bound (sliceEnd), so a stray quote
  // swallows no more. Text with lone CRs may be one slice, so it keeps the bound.
  const unbounded = endings.length === 1 ? { max_record_size: 0 } : {};
  const options = { ...TOKENIZER_OPTIONS, delimiter, record_delimiter: endings, ...unbounded };
  let line = 1;
  for (let start = 0; start < text.length; ) {
    const end = sliceEnd(text, start, size);
    let records: string[][];
    try {
      records = parse(text.slice(start, end), options);
    } catch (error) {
      throw new StrictCsvRefused(error instanceof Error ? error.message : String(error));
    }
    const rows: CsvRow[] = [];
    for (const fields of records) {
      if (fields.length > MAX_COLUMNS) throw new StrictCsvRefused(`line ${line}: ${fields.length} columns`);
      if (beyondRecordBound(fields)) throw new StrictCsvRefused(`line ${line}: record over ${MAX_FIELD_CHARS} bytes`);
      if (!isBlank(fields)) rows.push({ line, fields });
      line += linesSpanned(fields);
    }
    yield rows;
    start = end;
  }
}

/**
 * How many non-blank records a CSV text holds, counted without parsing it, for progress while it is parsed:
 * line feeds outside quotes end records, and a record of only spaces, quotes and delimiters is blank. Exact for
 * text that parses strictly with line-feed endings; an estimate otherwise.
 */
export function countRecords(text: string, delimiter: string): number {
  const skip = new Set([32, 9, 10, 13, 34, delimiter.charCodeAt(0)]);
  let records = 0;
  let quote = text.indexOf('"');
  let quotes = 0;
  let start = 0;
  const endRecord = (end: number) => {
    for (let i = start; i < end; i += 1) {
      if (!skip.has(text.charCodeAt(i))) {
        records += 1;
        break;
      }
    }
    start = end + 1;
  };
  for (let feed = text.indexOf('\n'); feed !== -1; feed = text.indexOf('\n', feed + 1)) {
    while (quote !== -1 && quote < feed) {
      quotes += 1;
      quote = text.indexOf('"', quote + 1);
    }
    if (quotes % 2 === 0) endRecord(feed);
  }
  endRecord(text.length);
  return records;
}
