import { describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_CODES } from '@dd/contract';
import { StatementParseError } from './import.errors';
import { fileIssues, rowIssues, shorten, type ImportIssue } from './problem.catalogue';

/** One example of every problem the catalogue can describe. */
const EXAMPLES: ImportIssue[] = [
  ...Object.values(fileIssues).map((make) => make()),
  rowIssues.columnCount(8, 9, 'header'),
  rowIssues.columnCount(25, 26, 'Rabobank'),
  rowIssues.columnCount(7, 8, 'ABN AMRO'),
  rowIssues.quoteNotClosed(),
  rowIssues.strayQuote(),
  rowIssues.quotesMismatched(),
  rowIssues.xmlTruncated(),
  rowIssues.xmlMalformed("Expected closing tag 'Ntry'"),
  rowIssues.dateInvalid('2024031', 'YYYYMMDD'),
  rowIssues.dateMissing(),
  rowIssues.currencyInvalid('€'),
  rowIssues.amount('12,3x', 'format', 'EUR'),
  rowIssues.amount('1500.5', 'precision', 'JPY'),
  rowIssues.amount('9'.repeat(20), 'range', 'EUR'),
  rowIssues.amountMissing(),
  rowIssues.amountSigned('-3,20', 'Af Bij'),
  rowIssues.directionMissing('Af Bij', ['Af', 'Bij']),
  rowIssues.directionInvalid('CRED', ['CRDT', 'DBIT']),
  rowIssues.accountInvalid('12-34'),
  rowIssues.accountEmpty(),
  rowIssues.statementAccountMissing(),
  rowIssues.lineTooLong(),
  rowIssues.fieldTooLong(),
  rowIssues.tooManyColumns(80),
  rowIssues.xmlTooDeep(),
];

describe('the problem catalogue', () => {
  it('describes every stable code, and only those', () => {
    const produced = new Set([...EXAMPLES.map((issue) => issue.code), new StatementParseError([]).reason?.code]);
    expect([...produced].sort()).toEqual([...IMPORT_PROBLEM_CODES].sort());
  });

  it('gives every problem an English sentence and only plain values as parameters', () => {
    for (const issue of EXAMPLES) {
      expect(issue.message.trim(), issue.code).not.toBe('');
      for (const value of Object.values(issue.params)) expect(['string', 'number']).toContain(typeof value);
    }
  });

  it('cuts echoed values short in the parameters and in the message alike', () => {
    const long = 'x'.repeat(1000);
    const issue = rowIssues.dateInvalid(long, 'YYYYMMDD');
    expect(issue.params['value']).toBe(shorten(long));
    expect(String(issue.params['value'])).toHaveLength(40);
    expect(issue.message).toBe(`'${'x'.repeat(37)}...' is not a date (expected YYYYMMDD).`);
  });

  it('names the limits and the supported formats as values, not only inside the sentence', () => {
    expect(fileIssues.tooLarge().params).toEqual({ limitMb: 20 });
    expect(fileIssues.tooManyRows().params).toEqual({ limit: 200_000 });
    expect(fileIssues.formatUnsupported().params).toEqual({ formats: 'ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT.053 XML' });
    expect(fileIssues.xmlNotCamt053().params).toEqual({ formats: 'ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT.053 XML' });
    expect(fileIssues.tooManyElements().params).toEqual({ limit: 1_000_000 });
    expect(fileIssues.timedOut().params).toEqual({ minutes: 15 });
    expect(rowIssues.lineTooLong().params).toEqual({ limit: 10_000 });
    expect(rowIssues.fieldTooLong().params).toEqual({ limit: 10_000 });
    expect(rowIssues.tooManyColumns(80).params).toEqual({ found: 80, limit: 64 });
    expect(rowIssues.xmlTooDeep().params).toEqual({ limit: 32 });
  });
});
