import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { buildPain001, PAIN001_NAMESPACE, type Pain001Input } from './pain001.builder';
import { checkPain001, readPain001 } from './pain001.reader';
import { validatePain001Structure } from './pain001.schema';
import { endToEndIdFor, msgIdFor, pmtInfIdFor } from './payout.ids';
import { centsToDecimal, toSepaText } from './sepa-text';

const BATCH = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function input(amounts: readonly number[], overrides: Partial<Pain001Input> = {}): Pain001Input {
  const creditors = ['NL02ABNA0123456789', 'DE89370400440532013000', 'BE68539007547034'];
  return {
    msgId: msgIdFor(BATCH),
    pmtInfId: pmtInfIdFor(BATCH),
    createdAt: new Date('2026-11-23T14:05:09.123Z'),
    requestedExecutionDate: '2026-11-24',
    debtor: { name: 'DataDividend B.V.', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
    payments: amounts.map((amountCents, i) => ({
      endToEndId: endToEndIdFor(uuid(i)),
      amountCents,
      creditorName: ['Zoë Çelik-Ørsted & Zn.', 'Jürgen Weiß', 'Anaïs Dubois'][i % 3]!,
      creditorIban: creditors[i % 3]!,
      remittance: `DataDividend uitbetaling / payout 2026-11-20 ref ${endToEndIdFor(uuid(i))}`,
    })),
    ...overrides,
  };
}

describe('a pain.001.001.03 file, read back with fast-xml-parser', () => {
  const amounts = [1_000, 2_550, 25_000, 1_001];
  const xml = buildPain001(input(amounts));

  it('has one CdtTrfTxInf per payout, with counts and control sums at both levels', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' }).parse(xml);
    const doc = parsed.Document;
    expect(doc['@_xmlns']).toBe(PAIN001_NAMESPACE);
    const header = doc.CstmrCdtTrfInitn.GrpHdr;
    const info = doc.CstmrCdtTrfInitn.PmtInf;
    expect(header).toMatchObject({ MsgId: msgIdFor(BATCH), CreDtTm: '2026-11-23T15:05:09', NbOfTxs: '4', CtrlSum: '295.51', InitgPty: { Nm: 'DataDividend B.V.' } });
    expect(info).toMatchObject({
      PmtInfId: pmtInfIdFor(BATCH),
      PmtMtd: 'TRF',
      NbOfTxs: '4',
      CtrlSum: '295.51',
      PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
      ReqdExctnDt: '2026-11-24',
      Dbtr: { Nm: 'DataDividend B.V.' },
      DbtrAcct: { Id: { IBAN: 'NL91ABNA0417164300' } },
      DbtrAgt: { FinInstnId: { BIC: 'ABNANL2A' } },
      ChrgBr: 'SLEV',
    });
    const txs = info.CdtTrfTxInf as { PmtId: { EndToEndId: string }; Amt: { InstdAmt: { '#text': string; '@_Ccy': string } }; Cdtr: { Nm: string }; CdtrAcct: { Id: { IBAN: string } }; RmtInf: { Ustrd: string } }[];
    expect(txs).toHaveLength(4);
    expect(txs.map((t) => t.Amt.InstdAmt['#text'])).toEqual(['10.00', '25.50', '250.00', '10.01']);
    expect(txs.every((t) => t.Amt.InstdAmt['@_Ccy'] === 'EUR' && /^\d+\.\d{2}$/.test(t.Amt.InstdAmt['#text']))).toBe(true);
    const sum = txs.reduce((total, t) => total + Math.round(Number(t.Amt.InstdAmt['#text']) * 100), 0);
    expect(centsToDecimal(sum)).toBe(header.CtrlSum);
    expect(txs.every((t) => isValidIBAN(t.CdtrAcct.Id.IBAN))).toBe(true);
    const ids = [header.MsgId, info.PmtInfId, ...txs.map((t) => t.PmtId.EndToEndId)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id: string) => /^[A-Za-z0-9]{1,35}$/.test(id))).toBe(true);
    // Names in the SEPA character set: transliterated, never dropped.
    expect(txs.map((t) => t.Cdtr.Nm)).toEqual(['Zoe Celik-Orsted + Zn.', 'Jurgen Weiss', 'Anais Dubois', 'Zoe Celik-Orsted + Zn.']);
    expect(txs.every((t) => t.RmtInf.Ustrd.length <= 140)).toBe(true);
  });

  it('follows the element order of pain.001.001.03 and passes every check a bank makes', () => {
    expect(validatePain001Structure(xml)).toEqual([]);
    expect(checkPain001(xml)).toEqual([]);
    expect(readPain001(xml).paymentInfos[0]!.payments.map((p) => p.creditorIban)).toEqual([
      'NL02ABNA0123456789',
      'DE89370400440532013000',
      'BE68539007547034',
      'NL02ABNA0123456789',
    ]);
  });

  it('is the same file, byte for byte, when written again', () => {
    expect(buildPain001(input(amounts))).toBe(xml);
  });

  it('the structure check catches elements out of order, missing, unknown or empty', () => {
    const swapped = xml.replace(/(<NbOfTxs>4<\/NbOfTxs>)(\s*)(<CtrlSum>295\.51<\/CtrlSum>)/, '$3$2$1');
    expect(validatePain001Structure(swapped).join('\n')).toMatch(/GrpHdr: unexpected NbOfTxs|GrpHdr: NbOfTxs is missing/);
    const noEndToEnd = xml.replace(/<EndToEndId>[^<]+<\/EndToEndId>/, '');
    expect(validatePain001Structure(noEndToEnd)).toContain('Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/PmtId: EndToEndId is missing (or out of order)');
    const unknown = xml.replace('<ChrgBr>SLEV</ChrgBr>', '<ChrgBr>SLEV</ChrgBr><Extra>1</Extra>');
    expect(validatePain001Structure(unknown).join('\n')).toMatch(/unexpected Extra/);
    const twoAccounts = xml.replace('<IBAN>NL91ABNA0417164300</IBAN>', '<IBAN>NL91ABNA0417164300</IBAN><Othr>x</Othr>');
    expect(validatePain001Structure(twoAccounts).join('\n')).toMatch(/DbtrAcct\/Id: expected exactly one of IBAN \| Othr/);
    const empty = xml.replace(/<Nm>Jurgen Weiss<\/Nm>/, '<Nm></Nm>');
    expect(validatePain001Structure(empty).join('\n')).toMatch(/Cdtr\/Nm: is (empty|missing)/);
    expect(validatePain001Structure(xml.replace(PAIN001_NAMESPACE, 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09'))).toEqual([
      `Document: namespace must be ${PAIN001_NAMESPACE}`,
    ]);
  });

  it('the content check catches a wrong control sum, count, amount format or duplicate id', () => {
    expect(checkPain001(xml.replace(/<CtrlSum>295\.51<\/CtrlSum>/, '<CtrlSum>295.50</CtrlSum>'))).toEqual(['GrpHdr: CtrlSum 295.50 is not the sum of all payments']);
    expect(checkPain001(xml.replace(/<NbOfTxs>4<\/NbOfTxs>/g, '<NbOfTxs>3</NbOfTxs>')).length).toBe(2);
    expect(checkPain001(xml.replace('>25.50<', '>25.5<')).join('\n')).toMatch(/amount 25\.5 must have two decimals/);
    const firstId = endToEndIdFor(uuid(0));
    expect(checkPain001(xml.replace(endToEndIdFor(uuid(1)), firstId).replace(endToEndIdFor(uuid(1)), firstId)).join('\n')).toMatch(/EndToEndId .* is not unique/);
  });

  it('refuses to write a file that could not be right', () => {
    expect(() => buildPain001(input([]))).toThrow(/at least one payment/);
    expect(() => buildPain001(input([0]))).toThrow(/amounts are positive cents/);
    const twice = input([100, 200]);
    const duplicated = { ...twice, payments: [twice.payments[0]!, { ...twice.payments[1]!, endToEndId: twice.payments[0]!.endToEndId }] };
    expect(() => buildPain001(duplicated)).toThrow(/appears twice/);
    expect(() => buildPain001(input([100], { msgId: 'a-msg-id-with-dashes' }))).toThrow(/MsgId/);
    expect(() => buildPain001({ ...input([100]), payments: [{ ...input([100]).payments[0]!, creditorName: '李小龍' }] })).toThrow(/creditor name/);
  });
});

describe('CtrlSum (property)', () => {
  it('equals the exact sum of the instructed amounts, at both levels, for any amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999_999_999 })), { minLength: 1, maxLength: 120 }), (amounts) => {
        const file = readPain001(buildPain001(input(amounts)));
        const exact = amounts.reduce((sum, cents) => sum + BigInt(cents), 0n);
        const expected = `${exact / 100n}.${String(exact % 100n).padStart(2, '0')}`;
        const info = file.paymentInfos[0]!;
        expect(file.ctrlSum).toBe(expected);
        expect(info.ctrlSum).toBe(expected);
        expect(file.nbOfTxs).toBe(String(amounts.length));
        expect(info.payments.map((p) => p.amount)).toEqual(amounts.map((c) => centsToDecimal(c)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('SEPA text', () => {
  it('transliterates to the SEPA character set and keeps the length', () => {
    expect(toSepaText('  Zoë   Çelik–Ørsted & Zn.  ', 70)).toBe('Zoe Celik-Orsted + Zn.');
    expect(toSepaText('Łukasz Żółć', 70)).toBe('Lukasz Zolc');
    expect(toSepaText('x'.repeat(200), 140)).toHaveLength(140);
    expect(toSepaText('a@b#c', 70)).toBe('a.b.c');
  });
});
