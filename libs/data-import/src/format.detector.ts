import { sniffDelimiter } from './csv.header';
import { tokenizeCsv } from './csv.tokenizer';
import { StatementEncodingError, StatementFormatError, UnsafeXmlError } from './import.errors';
import { ingLayoutOf } from './ing-csv.columns';
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
  if (looksLikeAbnAmroTab(line)) return { format: 'abn-amro-tab' };

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
