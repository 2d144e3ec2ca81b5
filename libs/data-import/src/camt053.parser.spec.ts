import { describe, expect, it } from 'vitest';
import { EmptyStatementError, StatementFormatError, StatementParseError } from './import.errors';
import { parseFixture, parseText, thrownBy } from './testing/fixtures';

const camt = (version: string, entries: string, account = '<IBAN>NL53ABNA0562981204</IBAN>') =>
  `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}"><BkToCstmrStmt>` +
  `<Stmt><Id>1</Id><Acct><Id>${account}</Id></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`;

describe('CAMT.053 v02 (Dutch bank, batch and reversal)', () => {
  const statement = parseFixture('camt053/camt053-v02-batch-and-reversal.xml');
  const byRef = (ref: string) => statement.transactions.find((tx) => tx.sourceRef === ref);

  it('imports booked entries only and takes the account from the statement', () => {
    expect(statement.format).toBe('camt053');
    expect(statement.accountIban).toBe('NL53ABNA0562981204');
    expect(statement.transactions.map((tx) => tx.sourceRef)).toEqual([
      '0562981204-20240304-000101',
      '0562981204-20240304-000102',
      '0562981204-20240305-000077',
      '0562981204-20240306-000031/1',
      '0562981204-20240306-000031/2',
      '0562981204-20240306-000031/3',
      '0562981204-20240306-000031/rest',
      '0562981204-20240307-000012',
      '0562981204-20240307-000044',
    ]);
  });

  it('signs amounts by CdtDbtInd and picks the counterparty on the other side', () => {
    expect(byRef('0562981204-20240304-000102')).toMatchObject({
      bookedOn: '2024-03-04',
      amountCents: 298755,
      currency: 'EUR',
      counterpartyName: 'Van Dijk Installatietechniek B.V.',
      counterpartyIban: 'NL21RABO0302461876',
      description: 'Salaris maart 2024 personeelsnr 0142',
      bankCode: 'PMNT/RCDT/ESCT',
      endToEndId: 'SAL-2024-03-0142',
    });
    expect(byRef('0562981204-20240305-000077')).toMatchObject({ amountCents: -11240, counterpartyName: 'Vattenfall Klantenservice N.V.' });
  });

  it('splits a batch into its details with their own amounts and keeps the unexplained rest', () => {
    const batch = statement.transactions.filter((tx) => tx.sourceRef?.startsWith('0562981204-20240306-000031'));
    expect(batch.map((tx) => [tx.amountCents, tx.counterpartyName])).toEqual([
      [-4000, 'S. Bakker'],
      [-6000, 'M. Jansen'],
      [-15000, 'Sportschool Fit & Vitaal Utrecht'],
      [-150, ''],
    ]);
    expect(batch.reduce((sum, tx) => sum + tx.amountCents, 0)).toBe(-25150);
    expect(batch[3]?.description).toBe('Part of a batch the bank did not itemise: VERZAMELBETALING 3 POSTEN');
    expect(batch[2]?.endToEndId).toBeNull();
  });

  it('marks a reversal, keeps the sign of CdtDbtInd and keeps the original counterparty', () => {
    expect(byRef('0562981204-20240307-000012')).toMatchObject({
      reversal: true,
      amountCents: 11240,
      counterpartyName: 'Vattenfall Klantenservice N.V.',
      counterpartyIban: 'NL74ABNA0503379855',
    });
    // Only the entry with <RvslInd>true</RvslInd> is a reversal; the debit it reverses is not.
    expect(statement.transactions.filter((tx) => tx.reversal).map((tx) => tx.sourceRef)).toEqual(['0562981204-20240307-000012']);
  });

  it('decodes predefined and numeric character references once', () => {
    expect(byRef('0562981204-20240307-000044')).toMatchObject({
      counterpartyName: 'H&M Hennes & Mauritz Netherlands B.V.',
      description: 'Bestelling 7712003318 H&M – winterjas',
    });
  });

  it('uses AddtlNtryInf when an entry has no remittance information, with the entry line', () => {
    expect(byRef('0562981204-20240304-000101')).toMatchObject({ line: 51, counterpartyName: 'Albert Heijn 1403', description: 'BEA, Betaalpas Albert Heijn 1403,PAS021 NR:CT493821, 04.03.24/17:42 AMSTERDAM' });
  });
});

describe('CAMT.053 v04 (namespace prefix, per-detail amounts, JPY)', () => {
  const statement = parseFixture('camt053/camt053-v04-prefixed-multi-currency.xml');

  it('reads prefixed elements, detail references and multi-line remittance', () => {
    expect(statement.transactions[0]).toMatchObject({
      amountCents: 118035,
      counterpartyName: 'UWV',
      description: 'Uitkering maart 2024 BSN-ref 0088123',
      sourceRef: 'TRIO20240401CR000918-1',
    });
    expect(statement.transactions[1]).toMatchObject({ amountCents: 6965, description: '4012345678901234', endToEndId: null });
  });

  it('uses the booked amount, not the instructed foreign amount, for a single-detail entry', () => {
    expect(statement.transactions[2]).toMatchObject({ amountCents: -6635, currency: 'EUR', counterpartyName: 'UNIQLO GINZA TOKYO', bankCode: 'KAARTBETALING' });
  });

  it('does not assume batch details add up to the entry', () => {
    const batch = statement.transactions.filter((tx) => tx.sourceRef?.startsWith('TRIO20240401DB000234'));
    expect(batch.map((tx) => tx.amountCents)).toEqual([-4500, -4970, -150]);
    expect(statement.transactions.some((tx) => tx.sourceRef === 'TRIO20240401CR000918/rest')).toBe(false);
  });

  it('keeps JPY in whole yen', () => {
    const yen = statement.transactions.filter((tx) => tx.currency === 'JPY');
    expect(yen.map((tx) => [tx.bookedOn, tx.amountCents, tx.counterpartyName])).toEqual([
      ['2024-03-31', -1500, 'ICHIRAN RAMEN SHIBUYA'],
      ['2024-04-01', -12800, 'Hotel Gracery Shinjuku'],
    ]);
  });
});

describe('CAMT.053 v08 (Sts/Cd, Pty, DtTm)', () => {
  const statement = parseFixture('camt053/camt053-v08-pty-and-datetime.xml');

  it('reads status codes, party wrappers and date-times without moving the date', () => {
    expect(statement.transactions).toHaveLength(4);
    expect(statement.transactions[0]).toMatchObject({ bookedOn: '2024-05-01', amountCents: -2745, counterpartyName: 'Thuisbezorgd.nl via Takeaway.com' });
    expect(statement.transactions[1]).toMatchObject({
      amountCents: -5495,
      counterpartyName: 'CZ Zorgverzekeringen',
      counterpartyIban: 'NL45SNSB0904461298',
      description: '1234567890123456',
      bankCode: 'SEPA-DD',
    });
  });

  it('takes the counterparty of a reversed direct debit from the creditor side', () => {
    expect(statement.transactions[2]).toMatchObject({ reversal: true, amountCents: 5495, counterpartyName: 'CZ Zorgverzekeringen', description: 'Terugboeking incasso op verzoek klant' });
  });

  it('skips INFO entries and keeps entries without details', () => {
    expect(statement.transactions.some((tx) => tx.amountCents === -1200)).toBe(false);
    expect(statement.transactions[3]).toMatchObject({ amountCents: 87, counterpartyName: '', description: 'Rente april 2024', bankCode: 'ACMT/MDOP/INTR' });
  });
});

describe('CAMT.053 with one statement per day (Rabobank style)', () => {
  it('reads all statements, including an empty day', () => {
    const statement = parseFixture('camt053/camt053-rabobank-daily-statements.xml');
    expect(statement.accountIban).toBe('NL44RABO0123456789');
    expect(statement.transactions.map((tx) => [tx.bookedOn, tx.amountCents, tx.sourceRef])).toEqual([
      ['2024-03-08', -915, '000000000000004130'],
      ['2024-03-08', -2340, '000000000000004131'],
      ['2024-03-09', -1200, '000000000000004132'],
      ['2024-03-11', -14895, '000000000000004133'],
    ]);
  });
});

describe('CAMT.053 batches without detail amounts', () => {
  it('keeps one transaction for the entry and describes it as a batch', () => {
    const detail = (name: string) => `<TxDtls><RltdPties><Cdtr><Nm>${name}</Nm></Cdtr></RltdPties></TxDtls>`;
    const entry =
      '<Ntry><Amt Ccy="EUR">75.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt>' +
      `<AcctSvcrRef>REF-1</AcctSvcrRef><NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>${detail('Jumbo')}${detail('Etos')}</NtryDtls></Ntry>`;
    expect(parseText(camt('04', entry), 'x.xml').transactions).toEqual([
      expect.objectContaining({ amountCents: -7500, counterpartyName: '', description: 'Batch of 2 transactions', sourceRef: 'REF-1' }),
    ]);
  });
});

describe('CAMT.053 problems', () => {
  it('reports every bad entry by line and element', () => {
    const error = thrownBy(() => parseFixture('malformed/camt053-bad-entries.xml')) as StatementParseError;
    expect(error).toBeInstanceOf(StatementParseError);
    expect(error.problems).toEqual([
      { line: 14, column: 'Ntry/Amt', code: 'amountInvalid', params: { value: '12,50' }, message: "'12,50' is not an amount." },
      { line: 20, column: 'Ntry/CdtDbtInd', code: 'directionInvalid', params: { value: 'CRED', allowed: 'CRDT, DBIT' }, message: "'CRED' is not CRDT or DBIT." },
      { line: 26, column: 'Ntry/BookgDt', code: 'dateMissing', params: {}, message: 'The booking date is missing.' },
      { line: 32, column: 'Ntry/Amt', code: 'amountPrecision', params: { value: '1500.5', currency: 'JPY' }, message: "'1500.5' has more decimals than JPY allows." },
    ]);
  });

  it('says a cut-off file looks cut off', () => {
    const error = thrownBy(() => parseFixture('malformed/camt053-truncated.xml')) as StatementParseError;
    expect(error.problems[0]?.message).toBe('The XML ends before all elements are closed; the file looks cut off. Download it again.');
    expect(error.problems[0]).toMatchObject({ code: 'xmlTruncated', params: {} });
  });

  it('refuses a document without BkToCstmrStmt even when the namespace matches', () => {
    const xml = '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><Other/></Document>';
    expect(thrownBy(() => parseText(xml, 'x.xml'))).toBeInstanceOf(StatementFormatError);
    expect(thrownBy(() => parseText(xml, 'x.xml'))).toMatchObject({ reason: { code: 'xmlNotCamt053' } });
  });

  it('says there are no transactions when nothing is booked', () => {
    const pending = '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt></Ntry>';
    expect(thrownBy(() => parseText(camt('02', pending), 'x.xml'))).toBeInstanceOf(EmptyStatementError);
  });

  it('requires an account on every statement', () => {
    const entry = '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt></Ntry>';
    const error = thrownBy(() => parseText(camt('02', entry, ''), 'x.xml')) as StatementParseError;
    expect(error.problems[0]).toMatchObject({ column: 'Stmt/Acct/Id' });
  });

  it('never expands an entity reference, even one that survived as text', () => {
    const entry = '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt><AddtlNtryInf>&amp;lol9; &lol9;</AddtlNtryInf></Ntry>';
    expect(parseText(camt('02', entry), 'x.xml').transactions[0]?.description).toBe('&lol9; &lol9;');
  });
});
