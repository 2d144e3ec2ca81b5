import { decodeStatementBytes } from './encoding';
import { detectFormat, type DetectedLayout } from './format.detector';
import { EmptyStatementError, StatementTooLargeError } from './import.errors';
import { MAX_STATEMENT_BYTES } from './limits';
import { assertLineLengths } from './line-limits';
import type { StatementFile, StatementFormat } from './statement.types';

export interface ReadOptions {
  /**
   * Called once the format is known and before any row is read; throw to refuse the file (the platform's
   * own statements must be CAMT.053), so a wrong format costs no parse.
   */
  onFormat?: (format: StatementFormat) => void;
}

/**
 * A statement's text and layout, with the checks every parser relies on done: size, encoding, emptiness, format,
 * line lengths. The first step of `parseStatement`, and of the import's streaming path, so both refuse alike.
 */
export function readStatementText(file: StatementFile, options: ReadOptions = {}): { text: string; layout: DetectedLayout } {
  // Checked on the raw bytes, before decoding doubles the memory.
  if (file.bytes.length > MAX_STATEMENT_BYTES) throw new StatementTooLargeError('bytes');
  const { text } = decodeStatementBytes(file.bytes);
  if (text.trim() === '') throw new EmptyStatementError('empty');

  const layout = detectFormat(text);
  options.onFormat?.(layout.format);
  if (layout.format !== 'camt053') assertLineLengths(text);
  return { text, layout };
}
