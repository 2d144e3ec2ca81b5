import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, MAX_FIELD_CHARS, MAX_LINE_CHARS, MAX_XML_DEPTH, MAX_XML_ELEMENTS, parseStatement, StatementParseError, StatementTooLargeError } from './index';
import { storedText, TRUNCATION_MARKER } from './text';
import { fixtureFile, parseFixture, parseText, thrownBy } from './testing/fixtures';

const CAMT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n';
const ING_HEADER = '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"';
const ingRow = (description: string) => `"20240301","Albert Heijn 1403","NL20INGB0001234567","","BA","Af","34,12","Betaalautomaat","${description}"`;

/** A one-entry CAMT.053 statement whose remittance text is `remittance`. */
function camtWithRemittance(remittance: string): string {
  return (
    `${CAMT_HEAD}<BkToCstmrStmt><Stmt><Acct><Id><IBAN>NL48KNAB0255813746</IBAN></Id><Ccy>EUR</Ccy></Acct>\n` +
    '<Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt>\n' +
    `<NtryDtls><TxDtls><RmtInf><Ustrd>${remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>\n`
  );
}

/** The one problem of a refused file, as the upload stores it. */
function onlyProblem(run: () => unknown) {
  const error = thrownBy(run);
  expect(error).toBeInstanceOf(StatementParseError);
  const { problems, totalProblems } = error as StatementParseError;
  expect(totalProblems).toBe(1);
  return problems[0]!;
}

describe('XML limits', () => {
  it('refuses a CAMT.053 of 1.2 KB nested 101 levels deep (no DTD) with a reason, not a parser crash', () => {
    const file = fixtureFile('malformed/camt053-nested-101.xml');
    expect(file.bytes.length).toBeLessThan(1_300);
    const problem = onlyProblem(() => parseStatement(file));
    expect(problem).toMatchObject({ line: 3, column: '', code: 'xmlTooDeep', params: { limit: MAX_XML_DEPTH } });
    expect(problem.message).toBe('The XML nests elements more than 32 levels deep; a CAMT.053 statement never does.');
  });

  it('reads a statement nested right up to the limit', () => {
    // Every fixture nests 14 levels or fewer; the limit leaves more than twice that.
    for (const path of ['camt053/camt053-v02-batch-and-reversal.xml', 'camt053/camt053-v04-prefixed-multi-currency.xml', 'camt053/camt053-v08-pty-and-datetime.xml']) {
      expect(parseFixture(path).transactions.length, path).toBeGreaterThan(0);
    }
    const deepest = camtWithRemittance('ok').replace('<Ustrd>ok</Ustrd>', `<Ustrd>ok</Ustrd>${'<X>'.repeat(MAX_XML_DEPTH - 8)}${'</X>'.repeat(MAX_XML_DEPTH - 8)}`);
    expect(parseText(deepest, 'camt.xml').transactions).toHaveLength(1);
  });

  it('refuses an element-count bomb before the parser builds an object per element', () => {
    // 4 MB of empty elements: a million objects in fast-xml-parser, from a file a fifth of the upload limit.
    const bomb = `${CAMT_HEAD}<BkToCstmrStmt><Stmt>${'<a/>'.repeat(MAX_XML_ELEMENTS)}</Stmt></BkToCstmrStmt></Document>\n`;
    const error = thrownBy(() => parseText(bomb, 'camt.xml'));
    expect(error).toBeInstanceOf(StatementTooLargeError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: { code: 'tooManyElements', params: { limit: MAX_XML_ELEMENTS } } });
  });

  it('refuses an XML text, CDATA section or tag longer than the field limit, naming its line', () => {
    expect(onlyProblem(() => parseText(camtWithRemittance('x'.repeat(MAX_FIELD_CHARS + 1)), 'camt.xml'))).toMatchObject({ line: 5, code: 'fieldTooLong', params: { limit: MAX_FIELD_CHARS } });
    expect(onlyProblem(() => parseText(camtWithRemittance(`<![CDATA[${'x'.repeat(MAX_FIELD_CHARS)}]]>`), 'camt.xml'))).toMatchObject({ line: 5, code: 'fieldTooLong' });
    const longTag = camtWithRemittance('ok').replace('<Amt Ccy="EUR">', `<Amt Ccy="EUR" x="${'y'.repeat(MAX_FIELD_CHARS)}">`);
    expect(onlyProblem(() => parseText(longTag, 'camt.xml'))).toMatchObject({ line: 4, code: 'fieldTooLong' });
    // Up to the limit is fine, and a long comment is not a value at all.
    expect(parseText(camtWithRemittance('x'.repeat(MAX_FIELD_CHARS)), 'camt.xml').transactions).toHaveLength(1);
    expect(parseText(camtWithRemittance('ok').replace('<BkToCstmrStmt>', `<!-- ${'x'.repeat(3 * MAX_FIELD_CHARS)} --><BkToCstmrStmt>`), 'camt.xml').transactions).toHaveLength(1);
  });
});

describe('line, field and column limits of the text formats', () => {
  it('refuses a CSV line longer than the limit, naming the line', () => {
    const text = [ING_HEADER, ingRow('Boodschappen'), ingRow('x'.repeat(MAX_LINE_CHARS)), ingRow('Boodschappen')].join('\r\n');
    expect(onlyProblem(() => parseText(text))).toMatchObject({ line: 3, column: '', code: 'lineTooLong', params: { limit: MAX_LINE_CHARS } });
  });

  it('refuses a one-line file of megabytes before sniffing it character by character', () => {
    const started = performance.now();
    const problem = onlyProblem(() => parseText(`\n\n${'Datum,'.repeat(3_000_000)}`));
    expect(problem).toMatchObject({ line: 3, code: 'lineTooLong' });
    // Sniffing and tokenizing 18 MB took seconds; the length check is one pass.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a quoted field that runs over many short lines past the field limit', () => {
    const text = [ING_HEADER, ingRow('Boodschappen'), ingRow(`${'x'.repeat(100)}\n`.repeat(120))].join('\n');
    expect(onlyProblem(() => parseText(text))).toMatchObject({ code: 'fieldTooLong', params: { limit: MAX_FIELD_CHARS } });
  });

  it('refuses a row with more columns than any export before keeping its fields', () => {
    const text = [ING_HEADER, ingRow('Boodschappen'), `${ingRow('Boodschappen')}${',""'.repeat(MAX_COLUMNS)}`].join('\n');
    expect(onlyProblem(() => parseText(text))).toMatchObject({ line: 3, code: 'tooManyColumns', params: { found: 9 + MAX_COLUMNS, limit: MAX_COLUMNS } });
  });

  it('refuses an ABN AMRO line longer than the limit', () => {
    const [first, second] = fixtureFile('abn-amro/TXT240402093015.TAB').bytes.toString('utf8').split(/\r?\n/);
    const text = [first, `${second}${' '.repeat(MAX_LINE_CHARS)}`].join('\n');
    expect(onlyProblem(() => parseText(text, 'TXT.TAB'))).toMatchObject({ line: 2, code: 'lineTooLong' });
  });

  it('counts a lone CR as a line break, as the CSV reader does', () => {
    const text = [ING_HEADER, ...Array.from({ length: 100 }, () => ingRow('x'.repeat(150)))].join('\r');
    expect(parseText(text).transactions).toHaveLength(100);
  });
});

describe('storedText', () => {
  it('keeps a value up to the bound and cuts a longer one with a marker, within the bound', () => {
    expect(storedText('Albert Heijn', 12)).toBe('Albert Heijn');
    expect(storedText('Albert Heijn 1403', 12)).toBe(`Albert Heij${TRUNCATION_MARKER}`);
    expect(storedText('x'.repeat(10_000_000), 1_000)).toHaveLength(1_000);
  });

  it('never splits an emoji in two', () => {
    const cut = storedText(`abc${'😀'.repeat(5)}`, 6);
    expect(cut).toBe(`abc😀${TRUNCATION_MARKER}`);
    expect(cut.length).toBeLessThanOrEqual(6);
  });
});
