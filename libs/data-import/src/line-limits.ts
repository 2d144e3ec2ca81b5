import { StatementParseError } from './import.errors';
import { MAX_LINE_CHARS } from './limits';
import { rowIssues } from './problem.catalogue';

/**
 * Refuses a text export with a line longer than any bank writes, before a tokenizer or sniffer
 * walks it: one 20 MB line is not a statement, and reading it character by character is what
 * stalled the import. One pass; the line numbers are the ones an editor shows.
 */
export function assertLineLengths(text: string): void {
  // CRLF, LF or a lone CR, as the CSV tokenizer reads them.
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let line = 1; ; line += 1) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    if (end - start > MAX_LINE_CHARS) throw new StatementParseError([{ line, column: '', ...rowIssues.lineTooLong() }]);
    if (!found) return;
    start = breaks.lastIndex;
  }
}
