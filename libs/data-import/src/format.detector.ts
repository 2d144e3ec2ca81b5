import { sniffDelimiter } from './csv.header';
import { tokenizeCsv } from './csv.tokenizer';
import { StatementEncodingError, StatementFormatError, StatementParseError, UnsafeXmlError } from './import.errors';
import { ingLayoutOf } from './ing-csv.columns';
import { MAX_LINE_CHARS } from './limits';
import { rowIssues } from './problem.catalogue';
import { isRabobankHeader } from './rabobank-csv.columns';

export type DetectedLayout =
  | { format: 'ing-csv'; variant: 'current' | 'savings'; delimiter: string }
  | { format: 'rabobank-csv'; delimiter: string }
  | { format: 'abn-amro-tab' }
  | { format: 'camt053'; version: string };

const CAMT053_NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})/;

/** DOCTYPE/ENTITY anywhere, before any parser sees the text: the declaration is the attack, wherever it sits. */
const XML_DECLARATIONS = /<!DOCTYPE|<!ENTITY/i;

function firstLine(text: string): string {
  const match = /^[^\r\n]*\S[^\r\n]*/m.exec(text);
  return match ? match[0] : '';
}

/** The 1-based line of the first non-blank line (blank lines before the header count). */
function lineOf(text: string, line: string): number {
  const before = text.slice(0, text.indexOf(line));
  return before.split('\n').length;
}

/**
 * The first line that is neither blank nor a `#` comment. ABN AMRO's public `.TAB` sample starts with a `#` comment
 * header and has blank lines between rows; no CSV export we read starts with `#`, so this is only used for TAB.
 */
function firstUncommentedLine(text: string): string {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) return line;
  }
  return '';
}

function looksLikeAbnAmroTab(line: string): boolean {
  const fields = line.split('\t');
  return (
    fields.length >= 8 &&
    /^[A-Z]{3}$/.test(fields[1]?.trim() ?? '') &&
    /^\d{8}$/.test(fields[2]?.trim() ?? '') &&
    /^[+-]?[\d.]+(,\d+)?$/.test(fields[6]?.trim() ?? '')
  );
}

/**
 * Decides the format from the content; a file name is only ever a hint people get wrong (`export.csv` holding
 * XML, `.TAB` renamed to `.txt`). Throws `UnsafeXmlError` for XML with declarations, `StatementEncodingError` for
 * text in an encoding we cannot read, and `StatementFormatError` for anything else we cannot read.
 */
export function detectFormat(text: string): DetectedLayout {
  const start = text.trimStart();
  if (start.startsWith('<')) return detectXml(start);
  if (start.startsWith('%PDF')) throw new StatementFormatError('pdf');
  if (start.startsWith('PK\u0003\u0004')) throw new StatementFormatError('zip-or-spreadsheet');
  // No text statement holds a NUL: it is UTF-16 saved without its byte-order mark, or not text at all.
  if (start.includes('\u0000')) throw new StatementEncodingError();

  const line = firstLine(start);
  // Sniffing walks the first line character by character; a megabyte-long one is refused before that.
  if (line.length > MAX_LINE_CHARS) throw new StatementParseError([{ line: lineOf(text, line), column: '', ...rowIssues.lineTooLong() }]);
  if (looksLikeAbnAmroTab(line)) return { format: 'abn-amro-tab' };
  if (line.trimStart().startsWith('#')) {
    const data = firstUncommentedLine(start);
    if (data.length > MAX_LINE_CHARS) throw new StatementParseError([{ line: lineOf(text, data), column: '', ...rowIssues.lineTooLong() }]);
    if (looksLikeAbnAmroTab(data)) return { format: 'abn-amro-tab' };
  }

  const delimiter = sniffDelimiter(line);
  let header: string[];
  try {
    header = tokenizeCsv(line, delimiter)[0]?.fields ?? [];
  } catch {
    throw new StatementFormatError('unreadable-first-line');
  }
  const ing = ingLayoutOf(header);
  if (ing) return { format: 'ing-csv', variant: ing, delimiter };
  if (isRabobankHeader(header)) return { format: 'rabobank-csv', delimiter };
  throw new StatementFormatError('unknown-header');
}

function detectXml(text: string): DetectedLayout {
  if (XML_DECLARATIONS.test(text)) throw new UnsafeXmlError();
  const version = CAMT053_NAMESPACE.exec(text)?.[1];
  if (version === undefined) throw new StatementFormatError(/pain\.001/.test(text) ? 'payment-initiation-xml' : 'xml-not-camt053');
  return { format: 'camt053', version };
}
