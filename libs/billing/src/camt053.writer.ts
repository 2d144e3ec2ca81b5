export interface CamtEntry {
  /** Positive for money in (CRDT), negative for money out (DBIT), in cents. */
  amountCents: number;
  bookedOn: string;
  /** The bank's own id; omitted to test content-based keys. */
  bankReference?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  remittance?: string;
  creditorReference?: string;
  currency?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const money = (cents: number) => (Math.abs(cents) / 100).toFixed(2);

/**
 * A small camt.053.001.02 statement of one account, as a bank exports it: for tests that need
 * entries the fixture does not have, and for the demo top-up (`npm run demo:top-up`).
 */
export function camt053Document(options: { iban: string; entries: CamtEntry[]; statementId?: string; createdAt?: string }): Buffer {
  const created = options.createdAt ?? '2026-11-20T06:00:00';
  const entries = options.entries.map((entry) => {
    const incoming = entry.amountCents >= 0;
    const party = entry.counterpartyName
      ? `<RltdPties><${incoming ? 'Dbtr' : 'Cdtr'}><Nm>${escape(entry.counterpartyName)}</Nm></${incoming ? 'Dbtr' : 'Cdtr'}>` +
        (entry.counterpartyIban ? `<${incoming ? 'DbtrAcct' : 'CdtrAcct'}><Id><IBAN>${entry.counterpartyIban}</IBAN></Id></${incoming ? 'DbtrAcct' : 'CdtrAcct'}>` : '') +
        `</RltdPties>`
      : '';
    const remittance =
      entry.remittance || entry.creditorReference
        ? `<RmtInf>${entry.remittance ? `<Ustrd>${escape(entry.remittance)}</Ustrd>` : ''}${
            entry.creditorReference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${escape(entry.creditorReference)}</Ref></CdtrRefInf></Strd>` : ''
          }</RmtInf>`
        : '';
    return `
      <Ntry>
        <Amt Ccy="${entry.currency ?? 'EUR'}">${money(entry.amountCents)}</Amt>
        <CdtDbtInd>${incoming ? 'CRDT' : 'DBIT'}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${entry.bookedOn}</Dt></BookgDt>
        <ValDt><Dt>${entry.bookedOn}</Dt></ValDt>
        ${entry.bankReference ? `<AcctSvcrRef>${entry.bankReference}</AcctSvcrRef>` : ''}
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${incoming ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>${party}${remittance}</TxDtls></NtryDtls>
      </Ntry>`;
  });
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${options.statementId ?? 'TEST-1'}</MsgId><CreDtTm>${created}</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${options.statementId ?? 'TEST-1'}</Id>
      <CreDtTm>${created}</CreDtTm>
      <Acct><Id><IBAN>${options.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`);
}
