import { SUPPORTED_STATEMENT_FORMATS, type ImportProblemCode, type ProblemParams } from '@dd/contract';
import {
  IMPORT_TIME_LIMIT_MINUTES,
  MAX_COLUMNS,
  MAX_FIELD_CHARS,
  MAX_LINE_CHARS,
  MAX_STATEMENT_BYTES,
  MAX_STATEMENT_ROWS,
  MAX_XML_DEPTH,
  MAX_XML_ELEMENTS,
} from './limits';

/**
 * Every problem an upload can have, in one place: its stable code, the parameters a translation
 * needs, and the English sentence for logs and the API. The portal says the same in Dutch or
 * English from the code and parameters, so a parser never writes a sentence of its own.
 */
export interface ImportIssue {
  code: ImportProblemCode;
  params: ProblemParams;
  message: string;
}

const issue = (code: ImportProblemCode, params: ProblemParams, message: string): ImportIssue => ({ code, params, message });

/** Values echoed back are cut short: a broken file can put a megabyte in one field. */
export function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

const quoted = (value: string) => `'${value}'`;
const MIB = 1024 * 1024;
const FORMATS = SUPPORTED_STATEMENT_FORMATS.join(', ');

export const UNSUPPORTED_FORMAT_MESSAGE =
  'This file is not a bank statement we can read. Upload the CSV export of ING, Rabobank or ABN AMRO (TAB), or a CAMT.053 XML statement.';

export const XML_NOT_CAMT053_MESSAGE =
  'This XML file is not a CAMT.053 bank statement (a payment file or another report, perhaps). Download the CAMT.053 statement from your bank, or upload the CSV export of ING, Rabobank or ABN AMRO (TAB).';

/** Problems with the file as a whole. */
export const fileIssues = {
  empty: () => issue('fileEmpty', {}, 'The file is empty.'),
  noTransactions: () => issue('noTransactions', {}, 'The file contains no transactions.'),
  tooLarge: () =>
    issue('fileTooLarge', { limitMb: MAX_STATEMENT_BYTES / MIB }, `The file is larger than ${MAX_STATEMENT_BYTES / MIB} MB. Export a shorter period and upload it in parts.`),
  tooManyRows: () =>
    issue(
      'tooManyRows',
      { limit: MAX_STATEMENT_ROWS },
      `The file has more than ${MAX_STATEMENT_ROWS.toLocaleString('en-US')} transactions. Export a shorter period and upload it in parts.`,
    ),
  formatUnsupported: () => issue('formatUnsupported', { formats: FORMATS }, UNSUPPORTED_FORMAT_MESSAGE),
  xmlNotCamt053: () => issue('xmlNotCamt053', { formats: FORMATS }, XML_NOT_CAMT053_MESSAGE),
  unsafeXml: () =>
    issue(
      'unsafeXml',
      {},
      'This XML file contains a DOCTYPE or entity declaration, which bank statements never do, so it was not read. Upload the CAMT.053 file exactly as your bank provided it.',
    ),
  encodingUnsupported: () =>
    issue(
      'encodingUnsupported',
      { encodings: 'UTF-8, UTF-16, Windows-1252' },
      'This file is not text in an encoding we can read (UTF-8, UTF-16 with a byte-order mark, or Windows-1252). Upload the file exactly as your bank provided it.',
    ),
  gone: () => issue('fileGone', {}, 'The uploaded file is no longer available. Please upload it again.'),
  tooManyElements: () =>
    issue(
      'tooManyElements',
      { limit: MAX_XML_ELEMENTS },
      `The XML has more than ${MAX_XML_ELEMENTS.toLocaleString('en-US')} elements, far more than a bank statement of this size. Export a shorter period, or upload the file exactly as your bank provided it.`,
    ),
  /** The parser itself broke on the file: reading it again gives the same result, so the person must change the file. */
  unreadable: () =>
    issue('fileUnreadable', {}, 'This file could not be read; nothing was imported. Upload the statement exactly as your bank provided it, or another format of it.'),
  /** Something other than the file failed, repeatedly (database, queue): the file may well be fine. */
  importFailed: () => issue('importFailed', {}, 'Reading this file failed because of a problem on our side; nothing was imported. Please upload it again.'),
  timedOut: () =>
    issue(
      'importTimedOut',
      { minutes: IMPORT_TIME_LIMIT_MINUTES },
      `Reading this file did not finish within ${IMPORT_TIME_LIMIT_MINUTES} minutes, so it was stopped; nothing was imported. Please upload it again.`,
    ),
};

export type DirectionColumn = 'Af Bij' | 'CdtDbtInd';

/** Problems with one row; the line and column are kept next to them. */
export const rowIssues = {
  columnCount: (found: number, expected: number, against: 'header' | 'Rabobank' | 'ABN AMRO') =>
    issue(
      'columnCount',
      { found, expected },
      against === 'header'
        ? `The row has ${found} columns; the header has ${expected}.`
        : against === 'Rabobank'
          ? `The row has ${found} columns; a Rabobank export has ${expected}.`
          : `The row has ${found} tab-separated columns; an ABN AMRO export has ${expected}.`,
    ),
  quoteNotClosed: () => issue('quoteNotClosed', {}, 'This row cannot be read: a quoted field is never closed.'),
  strayQuote: () =>
    issue('strayQuote', {}, 'This row cannot be read: a quote inside a field is not doubled (""), or a quote on an earlier line is never closed.'),
  /** A quote inside a value that was not quoted, in a format whose bank quotes every value: a field lost its opening quote. */
  quotesMismatched: () =>
    issue('quotesMismatched', {}, 'This row cannot be read: its quotes do not match (a value ends with or contains a quote but does not start with one).'),
  xmlTruncated: () => issue('xmlTruncated', {}, 'The XML ends before all elements are closed; the file looks cut off. Download it again.'),
  xmlMalformed: (detail: string) => issue('xmlMalformed', { detail: shorten(detail) }, `The XML is not well-formed: ${detail}`),
  dateInvalid: (raw: string, expected: 'YYYYMMDD' | 'YYYY-MM-DD') =>
    issue('dateInvalid', { value: shorten(raw), expected }, `${quoted(shorten(raw))} is not a date (expected ${expected}).`),
  dateMissing: () => issue('dateMissing', {}, 'The booking date is missing.'),
  currencyInvalid: (raw: string) => issue('currencyInvalid', { value: shorten(raw) }, `${quoted(shorten(raw))} is not a currency code.`),
  /** Why `parseAmount` refused a value, as a problem. */
  amount: (raw: string, reason: 'format' | 'precision' | 'range', currency: string) => {
    const value = shorten(raw);
    if (reason === 'precision') return issue('amountPrecision', { value, currency }, `${quoted(value)} has more decimals than ${currency} allows.`);
    if (reason === 'range') return issue('amountRange', { value }, `${quoted(value)} is too large to be an amount.`);
    return issue('amountInvalid', { value }, `${quoted(value)} is not an amount.`);
  },
  amountMissing: () => issue('amountMissing', {}, 'The amount is missing.'),
  amountSigned: (raw: string, direction: DirectionColumn) =>
    issue('amountSigned', { value: shorten(raw), direction }, `${quoted(shorten(raw))} should be unsigned; ${direction} gives the direction.`),
  directionMissing: (column: DirectionColumn, allowed: readonly string[]) =>
    issue('directionMissing', { allowed: allowed.join(', ') }, `${column} is empty; expected ${allowed.join(' or ')}.`),
  directionInvalid: (raw: string, allowed: readonly string[]) =>
    issue('directionInvalid', { value: shorten(raw), allowed: allowed.join(', ') }, `${quoted(shorten(raw))} is not ${allowed.join(' or ')}.`),
  accountInvalid: (raw: string) => issue('accountInvalid', { value: shorten(raw) }, `${quoted(shorten(raw))} is not an account number.`),
  accountEmpty: () => issue('accountEmpty', {}, 'The account is empty.'),
  statementAccountMissing: () => issue('statementAccountMissing', {}, 'The statement does not name its account.'),
  lineTooLong: () =>
    issue('lineTooLong', { limit: MAX_LINE_CHARS }, `The line is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters; no bank export has lines this long.`),
  fieldTooLong: () =>
    issue('fieldTooLong', { limit: MAX_FIELD_CHARS }, `A value here is longer than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters; no bank export has values this long.`),
  tooManyColumns: (found: number) =>
    issue('tooManyColumns', { found, limit: MAX_COLUMNS }, `The row has ${found} columns; a bank export has at most ${MAX_COLUMNS}.`),
  xmlTooDeep: () =>
    issue('xmlTooDeep', { limit: MAX_XML_DEPTH }, `The XML nests elements more than ${MAX_XML_DEPTH} levels deep; a CAMT.053 statement never does.`),
};
