import { parseAbnAmroTab } from './abn-amro-tab.parser';
import { parseCamt053 } from './camt053.parser';
import { parseIngCsv } from './ing-csv.parser';
import { parseRabobankCsv } from './rabobank-csv.parser';
import { readStatementText, type ReadOptions } from './statement-text';
import type { ParsedStatement, StatementFile } from './statement.types';

export type ParseOptions = ReadOptions;

/**
 * Reads an uploaded bank statement. Pure: no I/O beyond the given bytes, the same bytes always give the same
 * result. Throws a `DomainError` (code `VALIDATION_FAILED`) the person can act on: `StatementTooLargeError`,
 * `EmptyStatementError`, `StatementEncodingError`, `StatementFormatError`, `UnsafeXmlError` or
 * `StatementParseError` (all or nothing; also for a line, field, column count or XML nesting beyond the
 * limits in limits.ts). Runs in the worker, never in the API: a 20 MB file takes seconds.
 */
export function parseStatement(file: StatementFile, options: ParseOptions = {}): ParsedStatement {
  const { text, layout } = readStatementText(file, options);
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
