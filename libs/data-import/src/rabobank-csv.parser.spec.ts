import { describe, expect, it } from 'vitest';
import { StatementParseError } from './import.errors';
import { parseFixture, thrownBy } from './testing/fixtures';

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
});
