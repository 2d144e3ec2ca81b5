import { parseAbnAmroTab } from './abn-amro-tab.parser';
import { parseCamt053 } from './camt053.parser';
import { decodeStatementBytes } from './encoding';
import { detectFormat } from './format.detector';
import { EmptyStatementError, StatementTooLargeError } from './import.errors';
import { parseIngCsv } from './ing-csv.parser';
import { MAX_STATEMENT_BYTES } from './limits';
import { assertLineLengths } from './line-limits';
import { parseRabobankCsv } from './rabobank-csv.parser';
import type { ParsedStatement, StatementFile, StatementFormat } from './statement.types';

export interface ParseOptions {
  /**
   * Called once the format is known and before any row is read; throw to refuse the file (the platform's
   * own statements must be CAMT.053), so a wrong format costs no parse.
   */
  onFormat?: (format: StatementFormat) => void;
}

/**
 * Reads an uploaded bank statement. Pure: no I/O beyond the given bytes, the same bytes always give the same
 * result. Throws a `DomainError` (code `VALIDATION_FAILED`) the person can act on: `StatementTooLargeError`,
 * `EmptyStatementError`, `StatementEncodingError`, `StatementFormatError`, `UnsafeXmlError` or
 * `StatementParseError` (all or nothing; also for a line, field, column count or XML nesting beyond the
 * limits in limits.ts). Runs in the worker, never in the API: a 20 MB file takes seconds.
 */
export function parseStatement(file: StatementFile, options: ParseOptions = {}): ParsedStatement {
  // Checked on the raw bytes, before decoding doubles the memory.
  if (file.bytes.length > MAX_STATEMENT_BYTES) throw new StatementTooLargeError('bytes');
  const { text } = decodeStatementBytes(file.bytes);
  if (text.trim() === '') throw new EmptyStatementError('empty');

  const layout = detectFormat(text);
  options.onFormat?.(layout.format);
  if (layout.format !== 'camt053') assertLineLengths(text);
  switch (layout.format) {
    case 'ing-csv':
      return parseIngCsv(text, layout);
    case 'rabobank-csv':
      return parseRabobankCsv(text, layout);
    case 'abn-amro-tab':
      return parseAbnAmroTab(text);
    case 'camt053':
      return parseCamt053(text);
  }
}
