import { describe, expect, it } from 'vitest';
import { parseAbnAmroDescription, rejoinFixedWidth } from './abn-amro-description';
import { StatementParseError } from './import.errors';
import { parseFixture, parseText, thrownBy } from './testing/fixtures';

describe('ABN AMRO TAB', () => {
  const statement = parseFixture('abn-amro/TXT240402093015.TAB');
  const at = (line: number) => statement.transactions.find((tx) => tx.line === line);

  it('reads a file with two accounts and converts the old account numbers to IBANs', () => {
    expect(statement.format).toBe('abn-amro-tab');
    expect(statement.accountIban).toBeNull();
    expect(statement.transactions).toHaveLength(14);
    expect(new Set(statement.transactions.map((tx) => tx.account))).toEqual(new Set(['NL91ABNA0417164300', 'NL53ABNA0562981204']));
  });

  it('extracts the merchant of card payments and cash withdrawals', () => {
    expect(at(1)).toMatchObject({ bookedOn: '2024-03-01', amountCents: -3412, counterpartyName: 'Albert Heijn 1403', description: 'AMSTERDAM', bankCode: 'BEA' });
    expect(at(7)).toMatchObject({ amountCents: -15000, counterpartyName: 'Geldmaat Utrecht Centraal', bankCode: 'GEA' });
    expect(at(8)).toMatchObject({ amountCents: 999, counterpartyName: 'Kruidvat 5531', description: 'UTRECHT TERUGBOEKING BEA-TRANSACTIE' });
  });

  it('reads the slash format', () => {
    expect(at(3)).toMatchObject({
      amountCents: -8995,
      counterpartyName: 'bol.com b.v.',
      counterpartyIban: 'NL27INGB0009812345',
      description: '1045871236 0050001234567890 bestelling 1045871236 bol.com',
      bankCode: 'iDEAL',
    });
  });

  it('reads the labelled SEPA format and rejoins words split by the fixed-width padding', () => {
    expect(at(4)).toMatchObject({ amountCents: 285000, counterpartyName: 'Van Dijk Installatietechniek B.V.', description: 'Salaris maart 2024 personeelsnr 0142', bankCode: 'SEPA Overboeking' });
    expect(at(5)).toMatchObject({
      amountCents: -11240,
      counterpartyName: 'Vattenfall Klantenservice N.V.',
      counterpartyIban: 'NL74ABNA0503379855',
      description: 'Termijnbedrag maart 2024 klantnummer 2004518823 voorschot energie',
      bankCode: 'SEPA Incasso algemeen doorlopend',
    });
  });

  it('keeps bank fees and interest readable', () => {
    expect(at(10)).toMatchObject({ counterpartyName: 'ABN AMRO Bank N.V.', description: 'BetaalGemak 4,05 Debit card 1,70 Creditcard 0,75', amountCents: -650 });
    expect(at(14)).toMatchObject({ account: 'NL53ABNA0562981204', amountCents: 214, counterpartyName: 'Basic interest' });
  });

  it('reports bad dates, short rows and amounts with a decimal point', () => {
    const error = thrownBy(() => parseFixture('malformed/TXT240402093016-bad.TAB')) as StatementParseError;
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error.problems).toEqual([
      {
        line: 2,
        column: '3 (transaction date)',
        code: 'dateInvalid',
        params: { value: '2024031', expected: 'YYYYMMDD' },
        message: "'2024031' is not a date (expected YYYYMMDD).",
      },
      { line: 3, column: '', code: 'columnCount', params: { found: 7, expected: 8 }, message: 'The row has 7 tab-separated columns; an ABN AMRO export has 8.' },
      { line: 4, column: '7 (amount)', code: 'amountInvalid', params: { value: '-89.95' }, message: "'-89.95' is not an amount." },
    ]);
  });

  it('skips # comment lines and blank lines, like the public sample, and keeps the file line numbers', () => {
    const commented = parseFixture('abn-amro/TXT240405101500-commented.TAB');
    expect(commented.format).toBe('abn-amro-tab');
    expect(commented.accountIban).toBe('NL91ABNA0417164300');
    expect(commented.transactions.map((tx) => [tx.line, tx.amountCents])).toEqual([
      [3, -3412],
      [5, 285000],
      [8, -480],
    ]);
    expect(commented.transactions[1]).toMatchObject({ counterpartyName: 'Van Dijk Installatietechniek B.V.', description: 'Salaris april 2024' });
  });

  it('still reports a broken row after a comment header, by its line in the file', () => {
    const row = '417164300\tEUR\t20240301\t10,00\t5,00\t20240301\t-5,00\tBEA, Betaalpas                   HEMA Utrecht,PAS021';
    const error = thrownBy(() => parseText(`# header\n\n${row}\n\n${row.replace('20240301', '2024031')}\n`, 'TXT.TAB')) as StatementParseError;
    expect(error.problems).toEqual([expect.objectContaining({ line: 5, code: 'dateInvalid' })]);
  });

  it('ignores an empty trailing column but not a ninth column with content', () => {
    const row = '417164300\tEUR\t20240301\t10,00\t5,00\t20240301\t-5,00\tBEA, Betaalpas                   HEMA Utrecht,PAS021';
    expect(parseText(`${row}\t\n`, 'TXT.TAB').transactions).toHaveLength(1);
    expect(thrownBy(() => parseText(`${row}\textra\n`, 'TXT.TAB'))).toBeInstanceOf(StatementParseError);
  });
});

describe('parseAbnAmroDescription', () => {
  it('finds the merchant in the old card format, aligned or not', () => {
    expect(parseAbnAmroDescription('BEA   NR:XXXX 30.12.21/09.15 ALBERT HEIJN 1234,PAS123')).toEqual({
      counterpartyName: 'ALBERT HEIJN 1234',
      counterpartyIban: null,
      description: '',
      bankCode: 'BEA',
    });
    const aligned = `${'BEA   NR:A1B23C   30.12.21/09.15'} ${'Hema EV123,PAS123'.padEnd(32)}${'ZAANDAM'.padEnd(32)} ${'TERUGBOEKING-BEA-TRANSACTIE'.padEnd(32)}`;
    expect(parseAbnAmroDescription(aligned)).toMatchObject({ counterpartyName: 'Hema EV123', description: 'ZAANDAM TERUGBOEKING-BEA-TRANSACTIE' });
  });

  it('recognises the newer card format without its padding', () => {
    expect(parseAbnAmroDescription('BEA, Apple Pay Albert Heijn 1403,PAS021 NR:CT493821, 01.03.24/17:42 AMSTERDAM')).toMatchObject({
      counterpartyName: 'Albert Heijn 1403',
      description: 'AMSTERDAM',
      bankCode: 'BEA',
    });
  });

  it('keeps text in no known layout as the description', () => {
    expect(parseAbnAmroDescription('Maandpremie juni 2021 van verzekering 123456789')).toEqual({
      counterpartyName: '',
      counterpartyIban: null,
      description: 'Maandpremie juni 2021 van verzekering 123456789',
      bankCode: null,
    });
  });

  it('removes the spaces inserted at every 32/64-character boundary, and only those', () => {
    const cells = `${'Omschrijving: Netflix Monthly Su'}${'bscription'.padEnd(32)}`;
    expect(rejoinFixedWidth(`${'SEPA Incasso algemeen doorlopend'} ${cells}`)).toBe(`SEPA Incasso algemeen doorlopend${cells}`);
    expect(rejoinFixedWidth('short text')).toBe('short text');
    expect(rejoinFixedWidth('this text is longer than thirty-two characters and not padded')).toBeNull();
  });

  it('reads labels that run into each other when a value fills its cell', () => {
    const description = `${'SEPA Incasso algemeen doorlopend'} ${'Incassant: GB98NFXSDDCHAS012345'.padEnd(32)}${'Naam: NETFLIX INTERNATIONAL B.V.'} ${'Omschrijving: Netflix Monthly Su'}${'bscription'.padEnd(32)}`;
    expect(parseAbnAmroDescription(description)).toEqual({
      counterpartyName: 'NETFLIX INTERNATIONAL B.V.',
      counterpartyIban: null,
      description: 'Netflix Monthly Subscription',
      bankCode: 'SEPA Incasso algemeen doorlopend',
    });
  });

  it('keeps slashes inside slash-format values and strips padding from the IBAN', () => {
    expect(parseAbnAmroDescription('/TRTP/SEPA OVERBOEKING/IBAN/NL42ASNB07 08114277/BIC/ASNBNL21/NAME/M. Jansen/REMI/Huur 03/2024 kamer 2/EREF/NOTPROVIDED')).toEqual({
      counterpartyName: 'M. Jansen',
      counterpartyIban: 'NL42ASNB0708114277',
      description: 'Huur 03/2024 kamer 2',
      bankCode: 'SEPA OVERBOEKING',
    });
  });
});
