import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { returnReasonsFromCamt053 } from './camt053-returns';
import { BIC_NOT_PROVIDED, buildPain001, type Pain001Input } from './pain001.builder';
import { checkPain001, readPain001 } from './pain001.reader';
import { validatePain001Structure } from './pain001.schema';
import { endToEndIdFor, msgIdFor, pmtInfIdFor } from './payout.ids';

const BATCH = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const E2E = endToEndIdFor('00000000-0000-4000-8000-000000000001');

const input = (bic: string | null): Pain001Input => ({
  msgId: msgIdFor(BATCH),
  pmtInfId: pmtInfIdFor(BATCH),
  createdAt: new Date('2026-11-23T14:05:09.123Z'),
  requestedExecutionDate: '2026-11-24',
  debtor: { name: 'DataDividend B.V.', iban: 'NL91ABNA0417164300', bic },
  payments: [{ endToEndId: E2E, amountCents: 1_250, creditorName: 'Eva Jansen', creditorIban: 'NL02ABNA0123456789', remittance: 'DataDividend payout' }],
});

describe('the debtor agent of a pain.001.001.03 file', () => {
  it('without a BIC says Othr/Id NOTPROVIDED (IBAN-only SEPA) and passes every check', () => {
    const xml = buildPain001(input(null));
    const agent = new XMLParser({ parseTagValue: false }).parse(xml).Document.CstmrCdtTrfInitn.PmtInf.DbtrAgt;
    expect(agent).toEqual({ FinInstnId: { Othr: { Id: BIC_NOT_PROVIDED } } });
    expect(validatePain001Structure(xml)).toEqual([]);
    expect(checkPain001(xml)).toEqual([]);
    expect(readPain001(xml).paymentInfos[0]).toMatchObject({ debtorBic: '', debtorAgentOther: 'NOTPROVIDED' });
  });

  it('with a BIC writes the BIC; neither, both or another Othr fails the check', () => {
    const xml = buildPain001(input('ABNANL2A'));
    expect(checkPain001(xml)).toEqual([]);
    expect(readPain001(xml).paymentInfos[0]).toMatchObject({ debtorBic: 'ABNANL2A', debtorAgentOther: '' });
    const both = xml.replace('<BIC>ABNANL2A</BIC>', '<BIC>ABNANL2A</BIC><Othr><Id>NOTPROVIDED</Id></Othr>');
    expect(checkPain001(both).join()).toMatch(/debtor agent must be a valid BIC or Othr\/Id NOTPROVIDED/);
    const other = xml.replace('<BIC>ABNANL2A</BIC>', '<Othr><Id>UNKNOWN</Id></Othr>');
    expect(checkPain001(other).join()).toMatch(/debtor agent must be/);
    const badBic = xml.replace('<BIC>ABNANL2A</BIC>', '<BIC>ABNA</BIC>');
    expect(checkPain001(badBic).join()).toMatch(/debtor agent must be/);
    expect(() => buildPain001(input('abn'))).toThrow(/debtor BIC "abn" is not a BIC/);
  });
});

describe('return reasons in a CAMT.053 statement', () => {
  it('finds the original EndToEndId and the reason code in v02 and v08 layouts, with namespace prefixes and batches', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><c:BkToCstmrStmt><c:Stmt>
  <c:Ntry><c:Amt Ccy="EUR">12.50</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts><c:Cd>BOOK</c:Cd></c:Sts>
    <c:NtryDtls><c:Btch><c:NbOfTxs>2</c:NbOfTxs></c:Btch>
      <c:TxDtls><c:Refs><c:EndToEndId> ${E2E} </c:EndToEndId></c:Refs>
        <c:RtrInf><c:Rsn><c:Cd>AC04</c:Cd></c:Rsn><c:AddtlInf>REKENING OPGEHEVEN</c:AddtlInf></c:RtrInf></c:TxDtls>
      <c:TxDtls><c:Refs><c:EndToEndId>DDE0000000000000000000000000000002</c:EndToEndId></c:Refs>
        <c:RtrInf><c:Rsn><c:Prtry>MD07</c:Prtry></c:Rsn></c:RtrInf></c:TxDtls>
      <c:TxDtls><c:Refs><c:EndToEndId>DDE0000000000000000000000000000003</c:EndToEndId></c:Refs>
        <c:RtrInf><c:Rsn><c:Prtry>Rekening onbekend</c:Prtry></c:Rsn></c:RtrInf></c:TxDtls>
      <c:TxDtls><c:Refs><c:EndToEndId>NOTPROVIDED</c:EndToEndId></c:Refs></c:TxDtls>
    </c:NtryDtls></c:Ntry>
</c:Stmt></c:BkToCstmrStmt></c:Document>`;
    expect(returnReasonsFromCamt053(xml)).toEqual(
      new Map([
        [E2E, 'AC04'],
        ['DDE0000000000000000000000000000002', 'MD07'],
      ]),
    );
  });

  it('reads nothing from a document with a DOCTYPE or from something that is not XML', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AC04">]><Document><TxDtls><Refs><EndToEndId>${E2E}</EndToEndId></Refs><RtrInf><Rsn><Cd>&a;</Cd></Rsn></RtrInf></TxDtls></Document>`;
    expect(returnReasonsFromCamt053(bomb).size).toBe(0);
    expect(returnReasonsFromCamt053('Datum;Bedrag\n20261126;12,50').size).toBe(0);
  });
});
