import { describe, expect, it } from 'vitest';
import { decodeStatementBytes } from './encoding';
import { detectFormat } from './format.detector';
import { StatementEncodingError, StatementFormatError, UNSUPPORTED_FORMAT_MESSAGE, UnsafeXmlError, XML_NOT_CAMT053_MESSAGE } from './import.errors';
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
    ['abn-amro/TXT240405101500-commented.TAB', { format: 'abn-amro-tab' }],
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

  it('looks past # comment lines for ABN AMRO TAB, but not for other files starting with #', () => {
    const row = '417164300\tEUR\t20240301\t10,00\t5,00\t20240301\t-5,00\tBEA HEMA';
    expect(detectFormat(`# comment\r\n\r\n# another\r\n${row}\r\n`)).toEqual({ format: 'abn-amro-tab' });
    expect(thrownBy(() => detectFormat('# my budget\nDate,Amount\n2024-03-01,5\n'))).toMatchObject({ details: { reason: 'unknown-header' } });
  });

  const FORMATS = 'ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT.053 XML';

  it.each([
    ['other/pain.001-payout-batch.xml', 'payment-initiation-xml', 'xmlNotCamt053', XML_NOT_CAMT053_MESSAGE],
    ['other/camt052-intraday-report.xml', 'xml-not-camt053', 'xmlNotCamt053', XML_NOT_CAMT053_MESSAGE],
    ['other/gpx-route.xml', 'xml-not-camt053', 'xmlNotCamt053', XML_NOT_CAMT053_MESSAGE],
    ['other/household-budget.csv', 'unknown-header', 'formatUnsupported', UNSUPPORTED_FORMAT_MESSAGE],
  ])('refuses %s with the list of supported formats', (path, reason, code, message) => {
    const error = thrownBy(() => detect(path));
    expect(error).toBeInstanceOf(StatementFormatError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message, details: { reason }, reason: { code, params: { formats: FORMATS } } });
  });

  it('refuses PDFs and spreadsheets', () => {
    expect(thrownBy(() => detectFormat('%PDF-1.7\n...'))).toMatchObject({ details: { reason: 'pdf' }, reason: { code: 'formatUnsupported' } });
    expect(thrownBy(() => detectFormat('PK\u0003\u0004[Content_Types].xml'))).toMatchObject({ details: { reason: 'zip-or-spreadsheet' } });
  });

  it('says when text is in an encoding it cannot read (UTF-16 without its byte-order mark)', () => {
    const utf16WithoutBom = Buffer.from('"Datum","Naam / Omschrijving","Rekening"\n', 'utf16le');
    const error = thrownBy(() => detectFormat(decodeStatementBytes(utf16WithoutBom).text));
    expect(error).toBeInstanceOf(StatementEncodingError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: { code: 'encodingUnsupported', params: { encodings: 'UTF-8, UTF-16, Windows-1252' } } });
    expect((error as Error).message).toContain('not text in an encoding we can read');
  });

  it('rejects DOCTYPE and ENTITY declarations before any XML parsing', () => {
    expect(thrownBy(() => detect('other/xml-bomb.xml'))).toBeInstanceOf(UnsafeXmlError);
    expect(thrownBy(() => detect('other/xxe-external-entity.xml'))).toBeInstanceOf(UnsafeXmlError);
    expect(thrownBy(() => detectFormat('<?xml version="1.0"?><!doctype html><html/>'))).toBeInstanceOf(UnsafeXmlError);
  });
});
