import { describe, expect, it } from 'vitest';
import {
  EmptyStatementError,
  MAX_REPORTED_PROBLEMS,
  MAX_STATEMENT_BYTES,
  MAX_STATEMENT_ROWS,
  parseStatement,
  StatementFormatError,
  StatementParseError,
  StatementTooLargeError,
  UNSUPPORTED_FORMAT_MESSAGE,
  UnsafeXmlError,
  XML_NOT_CAMT053_MESSAGE,
} from './index';
import { fixtureFile, parseFixture, thrownBy } from './testing/fixtures';

const ING_HEADER = '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"';

describe('parseStatement', () => {
  it.each([
    ['ing/ing-current-comma.csv', 'ing-csv'],
    ['rabobank/rabobank.csv', 'rabobank-csv'],
    ['abn-amro/TXT240402093015.TAB', 'abn-amro-tab'],
    ['camt053/camt053-v08-pty-and-datetime.xml', 'camt053'],
  ])('reads %s as %s, whatever the file is called', (path, format) => {
    const { bytes } = fixtureFile(path);
    expect(parseStatement({ name: 'download (3).txt', bytes }).format).toBe(format);
  });

  it('is deterministic: the same bytes give the same statement', () => {
    expect(parseFixture('camt053/camt053-v02-batch-and-reversal.xml')).toEqual(parseFixture('camt053/camt053-v02-batch-and-reversal.xml'));
  });

  it('says an empty file is empty', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('\uFEFF \r\n\n', 'utf8'), fixtureFile('malformed/empty.csv').bytes]) {
      const error = thrownBy(() => parseStatement({ name: 'empty.csv', bytes }));
      expect(error).toBeInstanceOf(EmptyStatementError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The file is empty.', reason: { code: 'fileEmpty', params: {} } });
    }
  });

  it('says a header-only file contains no transactions', () => {
    expect(thrownBy(() => parseFixture('malformed/ing-header-only.csv'))).toMatchObject({
      message: 'The file contains no transactions.',
      reason: { code: 'noTransactions', params: {} },
    });
  });

  it('refuses files over the size limit before reading them, naming the limit in MB', () => {
    const error = thrownBy(() => parseStatement({ name: 'big.csv', bytes: Buffer.alloc(MAX_STATEMENT_BYTES + 1, 0x20) }));
    expect(error).toBeInstanceOf(StatementTooLargeError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The file is larger than 20 MB. Export a shorter period and upload it in parts.',
      reason: { code: 'fileTooLarge', params: { limitMb: 20 } },
    });
  });

  it('refuses more rows than the row limit', () => {
    const row = '417164300\tEUR\t20240301\t0,00\t0,00\t20240301\t-1,00\tx\n';
    const error = thrownBy(() => parseStatement({ name: 'TXT.TAB', bytes: Buffer.from(row.repeat(MAX_STATEMENT_ROWS + 1)) }));
    expect(error).toBeInstanceOf(StatementTooLargeError);
    expect((error as Error).message).toBe('The file has more than 200,000 transactions. Export a shorter period and upload it in parts.');
    expect(error).toMatchObject({ reason: { code: 'tooManyRows', params: { limit: 200_000 } } });
  });

  it('refuses a CSV that is no bank export and names the formats it can read', () => {
    const error = thrownBy(() => parseFixture('other/household-budget.csv'));
    expect(error).toBeInstanceOf(StatementFormatError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: { code: 'formatUnsupported' } });
    expect((error as Error).message).toBe(
      'This file is not a bank statement we can read. Upload the CSV export of ING, Rabobank or ABN AMRO (TAB), or a CAMT.053 XML statement.',
    );
    expect((error as Error).message).toBe(UNSUPPORTED_FORMAT_MESSAGE);
  });

  it.each(['other/pain.001-payout-batch.xml', 'other/gpx-route.xml', 'other/camt052-intraday-report.xml'])(
    'refuses %s as XML that is no CAMT.053 statement, naming the formats it can read',
    (path) => {
      const error = thrownBy(() => parseFixture(path));
      expect(error).toBeInstanceOf(StatementFormatError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: { code: 'xmlNotCamt053', params: { formats: 'ING CSV, Rabobank CSV, ABN AMRO TAB, CAMT.053 XML' } } });
      expect((error as Error).message).toBe(XML_NOT_CAMT053_MESSAGE);
    },
  );

  it('refuses an XML bomb and an external entity without expanding anything', () => {
    for (const path of ['other/xml-bomb.xml', 'other/xxe-external-entity.xml']) {
      const error = thrownBy(() => parseFixture(path));
      expect(error).toBeInstanceOf(UnsafeXmlError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((error as Error).message).toContain('DOCTYPE or entity declaration');
      expect(error).toMatchObject({ reason: { code: 'unsafeXml', params: {} } });
    }
  });

  it('lists at most the cap of problems and counts the rest', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `"20240301","Albert Heijn","NL20INGB0001234567","","BA","Af","${i},5x","Betaalautomaat",""`);
    const error = thrownBy(() => parseStatement({ name: 'x.csv', bytes: Buffer.from([ING_HEADER, ...rows].join('\n')) })) as StatementParseError;
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.totalProblems).toBe(120);
    expect(error.problems[0]).toEqual({ line: 2, column: 'Bedrag (EUR)', code: 'amountInvalid', params: { value: '0,5x' }, message: "'0,5x' is not an amount." });
    expect(error.message.startsWith('The file has 120 problems; nothing was imported. Line 2, column Bedrag (EUR):')).toBe(true);
    expect(error.message.endsWith('…and 117 more.')).toBe(true);
    expect(error.details).toEqual({ problems: 120, firstLine: 2 });
    expect(error.reason).toEqual({ code: 'rowProblems', params: { count: 120 } });
  });

  it('uses the singular for one problem', () => {
    const row = '"2024031","Albert Heijn","NL20INGB0001234567","","BA","Af","1,00","Betaalautomaat",""';
    expect(thrownBy(() => parseStatement({ name: 'x.csv', bytes: Buffer.from(`${ING_HEADER}\n${row}`) }))).toMatchObject({
      message: "The file has 1 problem; nothing was imported. Line 2, column Datum: '2024031' is not a date (expected YYYYMMDD).",
    });
  });
});
