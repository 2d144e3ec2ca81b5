import { describe, expect, it } from 'vitest';
import { StatementParseError } from './import.errors';
import { fixtureFile, parseFixture, parseText, thrownBy } from './testing/fixtures';

describe('Rabobank CSV', () => {
  const statement = parseFixture('rabobank/rabobank.csv');
  const byRef = (volgnr: number) => statement.transactions.find((tx) => tx.sourceRef === String(volgnr).padStart(18, '0'));

  it('reads every row, with Volgnr as the bank reference', () => {
    expect(statement.format).toBe('rabobank-csv');
    expect(statement.accountIban).toBe('NL44RABO0123456789');
    expect(statement.transactions).toHaveLength(15);
    expect(statement.transactions[0]).toMatchObject({
      line: 2,
      bookedOn: '2024-03-01',
      amountCents: -101500,
      counterpartyName: 'Woonstichting Rivierstad',
      counterpartyIban: 'NL55RABO0118870431',
      description: 'Huur maart 2024 Eikstraat 14-2 Zeist',
      bankCode: 'bg',
      sourceRef: '000000000000004121',
    });
  });

  it('reads explicit signs and treats " " as empty', () => {
    expect(byRef(4123)).toMatchObject({ amountCents: 525728, endToEndId: 'SAL-2024-03-0077', description: 'Salaris maart 2024 personeelsnr 0077' });
    expect(byRef(4122)).toMatchObject({ amountCents: -2615, counterpartyIban: null, counterpartyName: 'Albert Heijn 1402 ZEIST' });
    expect(byRef(4127)).toMatchObject({ amountCents: 0, bankCode: 'db', endToEndId: null });
  });

  it('joins Omschrijving-1..3 and falls back to the ultimate party for the name', () => {
    expect(byRef(4134)?.description).toBe('Gemeentelijke belastingen 2024 termijn 3 van 10 aanslagnr 1188.77.321');
    expect(byRef(4132)).toMatchObject({ counterpartyName: 'Zoë Müller', counterpartyIban: 'NL69BUNQ2045178930', description: 'Tikkie bioscoop Pathé Rembrandt' });
  });

  it('reads the Windows-1252 copy and the mis-decoded copy exactly like the UTF-8 original', () => {
    expect(parseFixture('rabobank/rabobank.windows-1252.csv')).toEqual(statement);
    expect(parseFixture('rabobank/rabobank.mis-decoded.csv')).toEqual(statement);
  });

  it('reports malformed rows by line and column', () => {
    const error = thrownBy(() => parseFixture('malformed/rabobank-bad-rows.csv')) as StatementParseError;
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error.problems).toEqual([
      { line: 3, column: 'Datum', code: 'dateInvalid', params: { value: '01-03-2024', expected: 'YYYY-MM-DD' }, message: "'01-03-2024' is not a date (expected YYYY-MM-DD)." },
      { line: 4, column: 'Bedrag', code: 'amountInvalid', params: { value: '+52,57,28' }, message: "'+52,57,28' is not an amount." },
      { line: 5, column: '', code: 'columnCount', params: { found: 25, expected: 26 }, message: 'The row has 25 columns; a Rabobank export has 26.' },
      { line: 6, column: 'Munt', code: 'currencyInvalid', params: { value: '€' }, message: "'€' is not a currency code." },
    ]);
  });

  describe('a row whose quoting is broken', () => {
    const [header = '', first = '', second = '', third = ''] = fixtureFile('rabobank/rabobank.csv').bytes.toString('utf8').split('\n');
    const file = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

    it('imports the rows when every value is quoted (control)', () => {
      expect(parseText(file(first, second, third)).transactions.map((tx) => [tx.line, tx.counterpartyName])).toEqual([
        [2, 'Woonstichting Rivierstad'],
        [3, 'Albert Heijn 1402 ZEIST'],
        [4, 'Van Dijk Installatietechniek B.V.'],
      ]);
    });

    it('refuses a row that lost an opening quote, naming its line, even when its values would read right', () => {
      const broken = second.replace('"Albert Heijn 1402 ZEIST"', 'Albert Heijn 1402 ZEIST"');
      expect(broken).not.toBe(second);
      const error = thrownBy(() => parseText(file(first, broken, third))) as StatementParseError;
      expect(error).toBeInstanceOf(StatementParseError);
      expect(error.problems).toEqual([
        {
          line: 3,
          column: '',
          code: 'quotesMismatched',
          params: {},
          message: 'This row cannot be read: its quotes do not match (a value ends with or contains a quote but does not start with one).',
        },
      ]);
      expect(error.message).toContain('Line 3: This row cannot be read: its quotes do not match');
    });

    it('says the quotes do not match, not the column count, when the lost quote splits an amount', () => {
      const error = thrownBy(() => parseText(file(first, second.replace('"-26,15"', '-26,15"')))) as StatementParseError;
      expect(error.problems).toEqual([expect.objectContaining({ line: 3, code: 'quotesMismatched' })]);
    });

    it('refuses a row that lost the quote before its first value', () => {
      const error = thrownBy(() => parseText(file(first, second, third.replace(/^"/, '')))) as StatementParseError;
      expect(error.problems).toEqual([expect.objectContaining({ line: 4, code: 'quotesMismatched' })]);
    });
  });
});
