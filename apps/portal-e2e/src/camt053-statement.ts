import { randomUUID } from 'node:crypto';

/** The API's default platform account (no PLATFORM_IBAN in the e2e environment). */
export const PLATFORM_IBAN = 'NL91ABNA0417164300';

export interface StatementEntry {
  /** In euro with two decimals, as the bank writes it: '250.00'. */
  amount: string;
  indicator: 'CRDT' | 'DBIT';
  /** The payer (credit) or the payee (debit). */
  party: string;
  /** The unstructured remittance text, where advertisers put their payment reference. */
  remittance: string;
  /** YYYY-MM-DD; defaults to 2026-11-19. */
  bookedOn?: string;
}

/**
 * A CAMT.053 statement of the platform's account as the bank would export it (ISO 20022
 * camt.053.001.02), one booked entry per line. Every statement gets a fresh message id and
 * per-entry bank references, so two statements never collide; importing the same text twice does.
 */
export function camt053Statement(entries: readonly StatementEntry[], options: { iban?: string; createdAt?: string } = {}): string {
  const run = randomUUID().slice(0, 8);
  const createdAt = options.createdAt ?? '2026-11-20T05:12:44';
  const body = entries
    .map(({ amount, indicator, party, remittance, bookedOn = '2026-11-19' }, index) => {
      const role = indicator === 'CRDT' ? 'Dbtr' : 'Cdtr';
      return `
      <Ntry>
        <Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${indicator}</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>${bookedOn}</Dt></BookgDt><ValDt><Dt>${bookedOn}</Dt></ValDt>
        <AcctSvcrRef>${run}-${index + 1}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${indicator === 'CRDT' ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <RltdPties><${role}><Nm>${escapeXml(party)}</Nm></${role}></RltdPties>
          <RmtInf><Ustrd>${escapeXml(remittance)}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>E2E-${run}</MsgId><CreDtTm>${createdAt}</CreDtTm></GrpHdr>
    <Stmt>
      <Id>E2E-${run}</Id><CreDtTm>${createdAt}</CreDtTm>
      <Acct><Id><IBAN>${options.iban ?? PLATFORM_IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>${body}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
