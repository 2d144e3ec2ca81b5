import { describe, expect, it } from 'vitest';
import { EmptyStatementError, StatementParseError } from './import.errors';
import { parseFixture, parseText, thrownBy } from './testing/fixtures';

describe('ING CSV, comma variant (MutatieSoort)', () => {
  const statement = parseFixture('ing/ing-current-comma.csv');
  const byLine = (line: number) => statement.transactions.find((tx) => tx.line === line);

  it('reads every row with the account of the export', () => {
    expect(statement.format).toBe('ing-csv');
    expect(statement.accountIban).toBe('NL20INGB0001234567');
    expect(statement.transactions).toHaveLength(16);
    expect(statement.transactions.every((tx) => tx.currency === 'EUR' && tx.account === 'NL20INGB0001234567')).toBe(true);
  });

  it('takes the sign from Af Bij and reads thousands separators', () => {
    expect(byLine(6)).toMatchObject({ bookedOn: '2024-03-12', amountCents: -124900, counterpartyName: 'bol.com b.v.', bankCode: 'ID' });
    expect(byLine(10)).toMatchObject({
      bookedOn: '2024-02-28',
      amountCents: 298755,
      counterpartyName: 'Van Dijk Installatietechniek B.V.',
      counterpartyIban: 'NL21RABO0302461876',
      description: 'Salaris februari 2024 personeelsnr 0142',
    });
  });

  it('reads the labelled Mededelingen into the description', () => {
    expect(byLine(11)).toMatchObject({
      amountCents: -11240,
      counterpartyName: 'Vattenfall Klantenservice N.V.',
      counterpartyIban: 'NL74ABNA0503379855',
      description: 'Termijnbedrag 0312 klantnr 2004518823',
      bankCode: 'IC',
    });
  });

  it('fills the counterparty from Mededelingen when the columns lack it', () => {
    expect(byLine(15)).toMatchObject({ counterpartyName: 'Zoë Müller', counterpartyIban: 'NL69BUNQ2045178930', description: 'Cadeau Lisa' });
  });

  it('keeps zero-amount rows and the text before the first label', () => {
    expect(byLine(8)).toMatchObject({ amountCents: 0, counterpartyName: 'Kosten OranjePakket met korting', description: '1 feb t/m 29 feb 2024 ING BANK N.V.' });
  });

  it('keeps card-payment details as the description and accents in names', () => {
    expect(byLine(3)).toMatchObject({ counterpartyName: 'Café de Jaren', amountCents: -320, counterpartyIban: null });
    expect(byLine(2)?.description).toBe('Pasvolgnr: 008 15-03-2024 17:42 Transactie: 8R12K4 Term: 5PQ123 Apple Pay Valutadatum: 15-03-2024');
  });

  it('has no bank reference: ING exports carry none', () => {
    expect(statement.transactions.every((tx) => tx.sourceRef === null && tx.reversal === false)).toBe(true);
  });
});

describe('ING CSV, semicolon variant (Saldo na mutatie, Tag)', () => {
  const statement = parseFixture('ing/ing-current-semicolon.csv');

  it('reads rows with CRLF line ends, doubled quotes and extra columns', () => {
    expect(statement.transactions).toHaveLength(10);
    expect(statement.transactions[0]).toMatchObject({
      line: 2,
      bookedOn: '2024-04-08',
      amountCents: -6499,
      counterpartyName: 'Ziggo Services B.V.',
      description: 'Factuur "april" 2024 klantnr 18893321',
    });
    expect(statement.transactions.find((tx) => tx.amountCents === 198755)?.description).toBe('Vakantiegeld 2024 personeelsnr 0142');
    expect(statement.transactions.find((tx) => tx.line === 5)?.counterpartyName).toBe('Crêperie Bretonne Utrecht');
  });

  it('gives the same result for the copy with a UTF-8 BOM', () => {
    expect(parseFixture('ing/ing-current-semicolon.utf8-bom.csv')).toEqual(statement);
  });
});

describe('ING CSV encodings', () => {
  it('reads the Windows-1252 export exactly like the UTF-8 one', () => {
    const latin = parseFixture('ing/ing-current-comma.windows-1252.csv');
    expect(latin).toEqual(parseFixture('ing/ing-current-comma.csv'));
    expect(latin.transactions.map((tx) => tx.counterpartyName)).toContain('Café de Jaren');
    expect(latin.transactions.map((tx) => tx.counterpartyName)).toContain('Zoë Müller');
  });
});

describe('ING savings-account CSV', () => {
  const statement = parseFixture('ing/ing-savings.csv');

  it('reads ISO dates, the Valuta column and the non-IBAN account number', () => {
    expect(statement.format).toBe('ing-csv');
    expect(statement.accountIban).toBeNull();
    expect(statement.transactions.map((tx) => [tx.account, tx.bookedOn, tx.amountCents])).toEqual([
      ['K 444-12345', '2024-03-31', 312],
      ['K 444-12345', '2024-03-29', -25000],
      ['K 444-12345', '2024-03-04', 50000],
      ['K 444-12345', '2024-02-12', -100000],
    ]);
    expect(statement.transactions[1]).toMatchObject({ counterpartyName: 'Naar Betaalrekening NL20INGB0001234567', counterpartyIban: 'NL20INGB0001234567', bankCode: 'Opname' });
  });
});

describe('ING CSV with English headers', () => {
  it('maps the English column names and Debit/Credit', () => {
    const csv = [
      '"Date";"Name / Description";"Account";"Counterparty";"Code";"Debit/credit";"Amount (EUR)";"Transaction type";"Notifications";"Resulting balance";"Tag"',
      '"20240402";"Albert Heijn 1403";"NL20INGB0001234567";"";"BA";"Debit";"12,50";"Payment terminal";"Card sequence no.: 008 02/04/2024 Value date: 02/04/2024";"100,00";""',
      '"20240401";"Van Dijk Installatietechniek B.V.";"NL20INGB0001234567";"NL21RABO0302461876";"OV";"Credit";"2.987,55";"Transfer";"Name: Van Dijk Installatietechniek B.V. Description: Salary April IBAN: NL21RABO0302461876";"112,50";""',
    ].join('\n');
    expect(parseText(csv).transactions.map((tx) => [tx.amountCents, tx.description])).toEqual([
      [-1250, 'Card sequence no.: 008 02/04/2024 Value date: 02/04/2024'],
      [298755, 'Salary April'],
    ]);
  });
});

describe('ING CSV problems', () => {
  it('reports every malformed row by line and column and imports nothing', () => {
    const error = thrownBy(() => parseFixture('malformed/ing-bad-rows.csv'));
    expect(error).toBeInstanceOf(StatementParseError);
    const problems = (error as StatementParseError).problems;
    expect(problems).toEqual([
      { line: 3, column: 'Datum', code: 'dateInvalid', params: { value: '20240231', expected: 'YYYYMMDD' }, message: "'20240231' is not a date (expected YYYYMMDD)." },
      { line: 4, column: 'Bedrag (EUR)', code: 'amountInvalid', params: { value: '12,3x' }, message: "'12,3x' is not an amount." },
      { line: 5, column: 'Af Bij', code: 'directionMissing', params: { allowed: 'Af, Bij' }, message: 'Af Bij is empty; expected Af or Bij.' },
      { line: 6, column: '', code: 'columnCount', params: { found: 8, expected: 9 }, message: 'The row has 8 columns; the header has 9.' },
      {
        line: 7,
        column: 'Bedrag (EUR)',
        code: 'amountSigned',
        params: { value: '-3,20', direction: 'Af Bij' },
        message: "'-3,20' should be unsigned; Af Bij gives the direction.",
      },
      { line: 8, column: 'Af Bij', code: 'directionInvalid', params: { value: 'Min', allowed: 'Af, Bij' }, message: "'Min' is not Af or Bij." },
      { line: 9, column: 'Bedrag (EUR)', code: 'amountInvalid', params: { value: '1,987.55' }, message: "'1,987.55' is not an amount." },
    ]);
    expect((error as StatementParseError).message).toBe(
      "The file has 7 problems; nothing was imported. Line 3, column Datum: '20240231' is not a date (expected YYYYMMDD). " +
        "Line 4, column Bedrag (EUR): '12,3x' is not an amount. Line 5, column Af Bij: Af Bij is empty; expected Af or Bij. …and 4 more.",
    );
  });

  it('reports a broken quote with the line where reading failed', () => {
    const error = thrownBy(() => parseFixture('malformed/ing-unclosed-quote.csv'));
    expect(error).toBeInstanceOf(StatementParseError);
    expect((error as StatementParseError).problems[0]).toMatchObject({ line: 4, column: '' });
  });

  describe('a row that lost a quote', () => {
    const header = '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"';
    const first = '"20240315","Albert Heijn 1403","NL20INGB0001234567","","BA","Af","34,12","Betaalautomaat","Apple Pay"';
    const second = '"20240314","Café de Jaren","NL20INGB0001234567","","BA","Af","3,20","Betaalautomaat","Valutadatum: 14-03-2024"';
    const file = (...rows: string[]) => [header, ...rows].join('\n');

    it('imports the rows when every value is quoted (control)', () => {
      expect(parseText(file(first, second)).transactions.map((tx) => [tx.line, tx.counterpartyName, tx.amountCents])).toEqual([
        [2, 'Albert Heijn 1403', -3412],
        [3, 'Café de Jaren', -320],
      ]);
    });

    it('refuses a row that lost an opening quote, naming its line, even when its values would read right', () => {
      const broken = second.replace('"Café de Jaren"', 'Café de Jaren"');
      expect(broken).not.toBe(second);
      const error = thrownBy(() => parseText(file(first, broken))) as StatementParseError;
      expect(error).toBeInstanceOf(StatementParseError);
      expect(error.problems).toEqual([expect.objectContaining({ line: 3, column: '', code: 'quotesMismatched' })]);
      expect(error.message).toContain('Line 3: This row cannot be read: its quotes do not match');
    });

    it('refuses a semicolon-separated row that lost the quote before its first value', () => {
      const semicolons = (text: string) => text.replaceAll('","', '";"');
      const error = thrownBy(() => parseText(semicolons(file(first, second.replace(/^"/, ''))))) as StatementParseError;
      expect(error.problems).toEqual([expect.objectContaining({ line: 3, code: 'quotesMismatched' })]);
    });
  });

  it('says so when there is only a header', () => {
    const error = thrownBy(() => parseFixture('malformed/ing-header-only.csv'));
    expect(error).toBeInstanceOf(EmptyStatementError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The file contains no transactions.' });
  });
});
