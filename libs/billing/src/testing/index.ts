import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '@dd/db';

/** The realistic statement of the platform's account in libs/billing/fixtures (see the comments in it). */
export function platformStatementFixture(): Buffer {
  return readFileSync(fileURLToPath(new URL('../../fixtures/platform-camt053.xml', import.meta.url)));
}

/** The references the fixture's payments carry. */
export const FIXTURE_REFERENCES = {
  bakkerij: 'DD482109375557',
  fietsenwinkel: 'DD100000000190',
  supermarkt: 'DD314159265362',
  /** Well-formed, but nobody's. */
  unknown: 'DD271828182898',
} as const;

/** An advertiser organisation with a given payment reference, written straight to the database for tests. */
export async function insertAdvertiser(db: Db, options: { name: string; reference?: string; kvkNumber?: string; vatNumber?: string }): Promise<string> {
  const { id } = await db
    .insertInto('organisations')
    .values({ name: options.name, status: 'verified', kvk_number: options.kvkNumber ?? null, vat_number: options.vatNumber ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.reference) await db.insertInto('payment_references').values({ organisation_id: id, reference: options.reference }).execute();
  return id;
}

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

/** A small camt.053.001.02 document of one account, for tests that need entries the fixture does not have. */
export function camt053Document(options: { iban: string; entries: CamtEntry[]; statementId?: string }): Buffer {
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
    <GrpHdr><MsgId>${options.statementId ?? 'TEST-1'}</MsgId><CreDtTm>2026-11-20T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${options.statementId ?? 'TEST-1'}</Id>
      <CreDtTm>2026-11-20T06:00:00</CreDtTm>
      <Acct><Id><IBAN>${options.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`);
}
