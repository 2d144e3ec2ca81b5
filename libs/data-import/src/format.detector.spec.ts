import { describe, expect, it } from 'vitest';
import { decodeStatementBytes } from './encoding';
import { detectFormat } from './format.detector';
import { StatementFormatError, UNSUPPORTED_FORMAT_MESSAGE, UnsafeXmlError } from './import.errors';
import { fixtureFile, thrownBy } from './testing/fixtures';

const detect = (path: string) => detectFormat(decodeStatementBytes(fixtureFile(path).bytes).text);

describe('detectFormat', () => {
  it.each([
    ['ing/ing-current-comma.csv', { format: 'ing-csv', variant: 'current', delimiter: ',' }],
    ['ing/ing-current-semicolon.csv', { format: 'ing-csv', variant: 'current', delimiter: ';' }],
    ['ing/ing-current-semicolon.utf8-bom.csv', { format: 'ing-csv', variant: 'current', delimiter: ';' }],
    ['ing/ing-current-comma.windows-1252.csv', { format: 'ing-csv', variant: 'current', delimiter: ',' }],
    ['ing/ing-savings.csv', { format: 'ing-csv', variant: 'savings', delimiter: ';' }],
    ['rabobank/rabobank.csv', { format: 'rabobank-csv', delimiter: ',' }],
    ['rabobank/rabobank.windows-1252.csv', { format: 'rabobank-csv', delimiter: ',' }],
    ['rabobank/rabobank.mis-decoded.csv', { format: 'rabobank-csv', delimiter: ',' }],
    ['abn-amro/TXT240402093015.TAB', { format: 'abn-amro-tab' }],
    ['camt053/camt053-v02-batch-and-reversal.xml', { format: 'camt053', version: '02' }],
    ['camt053/camt053-v04-prefixed-multi-currency.xml', { format: 'camt053', version: '04' }],
    ['camt053/camt053-v08-pty-and-datetime.xml', { format: 'camt053', version: '08' }],
  ])('recognises %s', (path, expected) => {
    expect(detect(path)).toEqual(expected);
  });

  it('decides by content, not by the file name', () => {
    const { bytes } = fixtureFile('camt053/camt053-v08-pty-and-datetime.xml');
    expect(detectFormat(`\n\n${bytes.toString('utf8')}`)).toEqual({ format: 'camt053', version: '08' });
  });

  it.each([
    ['other/pain.001-payout-batch.xml', 'payment-initiation-xml'],
    ['other/camt052-intraday-report.xml', 'xml-not-camt053'],
    ['other/gpx-route.xml', 'xml-not-camt053'],
    ['other/household-budget.csv', 'unknown-header'],
  ])('refuses %s with the list of supported formats', (path, reason) => {
    const error = thrownBy(() => detect(path));
    expect(error).toBeInstanceOf(StatementFormatError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: UNSUPPORTED_FORMAT_MESSAGE, details: { reason } });
  });

  it('refuses PDFs and spreadsheets', () => {
    expect(thrownBy(() => detectFormat('%PDF-1.7\n...'))).toMatchObject({ details: { reason: 'pdf' } });
    expect(thrownBy(() => detectFormat('PK\u0003\u0004[Content_Types].xml'))).toMatchObject({ details: { reason: 'zip-or-spreadsheet' } });
  });

  it('rejects DOCTYPE and ENTITY declarations before any XML parsing', () => {
    expect(thrownBy(() => detect('other/xml-bomb.xml'))).toBeInstanceOf(UnsafeXmlError);
    expect(thrownBy(() => detect('other/xxe-external-entity.xml'))).toBeInstanceOf(UnsafeXmlError);
    expect(thrownBy(() => detectFormat('<?xml version="1.0"?><!doctype html><html/>'))).toBeInstanceOf(UnsafeXmlError);
  });
});
