import { XMLBuilder } from 'fast-xml-parser';
import { centsToDecimal, isSepaText, toSepaText } from './sepa-text';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

export interface Pain001Payment {
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  /** Electronic format. */
  creditorIban: string;
  /** Unstructured remittance text, at most 140 characters after transliteration. */
  remittance: string;
}

export interface Pain001Input {
  msgId: string;
  pmtInfId: string;
  /** Written as CreDtTm; the batch's creation time, so regenerating the file gives the same bytes. */
  createdAt: Date;
  /** YYYY-MM-DD. */
  requestedExecutionDate: string;
  /** `bic` null: the debtor agent is written as `Othr/Id` NOTPROVIDED (EPC guidelines for pain.001.001.03, IBAN-only). */
  debtor: { name: string; iban: string; bic: string | null };
  payments: readonly Pain001Payment[];
}

/** What pain.001.001.03 says instead of the debtor agent's BIC when only the IBAN is known. */
export const BIC_NOT_PROVIDED = 'NOTPROVIDED';

const ID = /^[A-Za-z0-9]{1,35}$/;
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-11-23T15:04:05" in Europe/Amsterdam: ISODateTime as Dutch banks' guidelines show it. */
export function isoDateTimeAmsterdam(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

function assertInput(input: Pain001Input): void {
  const problems: string[] = [];
  if (!ID.test(input.msgId)) problems.push(`MsgId "${input.msgId}" must be 1-35 letters and digits`);
  if (!ID.test(input.pmtInfId)) problems.push(`PmtInfId "${input.pmtInfId}" must be 1-35 letters and digits`);
  if (!DATE.test(input.requestedExecutionDate)) problems.push(`ReqdExctnDt "${input.requestedExecutionDate}" must be YYYY-MM-DD`);
  if (!IBAN.test(input.debtor.iban)) problems.push(`debtor IBAN "${input.debtor.iban}" is not in electronic format`);
  if (input.debtor.bic !== null && !/^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(input.debtor.bic)) problems.push(`debtor BIC "${input.debtor.bic}" is not a BIC`);
  if (input.payments.length === 0) problems.push('a credit transfer file needs at least one payment');
  const seen = new Set<string>();
  for (const p of input.payments) {
    if (!ID.test(p.endToEndId)) problems.push(`EndToEndId "${p.endToEndId}" must be 1-35 letters and digits`);
    if (seen.has(p.endToEndId)) problems.push(`EndToEndId "${p.endToEndId}" appears twice`);
    seen.add(p.endToEndId);
    if (!Number.isSafeInteger(p.amountCents) || p.amountCents <= 0) problems.push(`payment ${p.endToEndId} has amount ${p.amountCents}; amounts are positive cents`);
    // SEPA credit transfers are at most 999,999,999.99 euros each.
    if (p.amountCents > 99_999_999_999) problems.push(`payment ${p.endToEndId} exceeds the SEPA maximum`);
    if (!IBAN.test(p.creditorIban)) problems.push(`creditor IBAN "${p.creditorIban}" is not in electronic format`);
  }
  if (problems.length) throw new RangeError(`Cannot write a pain.001 file: ${problems.join('; ')}.`);
}

function required(text: string, max: number, what: string): string {
  const clean = toSepaText(text, max);
  if (clean === '' || !isSepaText(clean)) throw new RangeError(`Cannot write a pain.001 file: ${what} "${text}" has nothing left in the SEPA character set.`);
  return clean;
}

/**
 * A SEPA credit-transfer initiation (pain.001.001.03) with one payment-information block: the
 * platform's account pays every payout, one CdtTrfTxInf each. NbOfTxs and CtrlSum are written at
 * message and payment-information level from integer cents (summed as BigInt, so exact). Elements
 * follow the schema's order (pain001.schema.ts checks it). Same input, same bytes.
 */
export function buildPain001(input: Pain001Input): string {
  assertInput(input);
  const total = input.payments.reduce((sum, p) => sum + BigInt(p.amountCents), 0n);
  const count = String(input.payments.length);
  const controlSum = centsToDecimal(total);
  const debtorName = required(input.debtor.name, 70, 'debtor name');

  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': PAIN001_NAMESPACE,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: input.msgId,
          CreDtTm: isoDateTimeAmsterdam(input.createdAt),
          NbOfTxs: count,
          CtrlSum: controlSum,
          InitgPty: { Nm: debtorName },
        },
        PmtInf: {
          PmtInfId: input.pmtInfId,
          PmtMtd: 'TRF',
          // One debit line per payout on the platform's statement, each with its EndToEndId, so a
          // CAMT.053 import can mark payouts paid one by one.
          BtchBookg: 'false',
          NbOfTxs: count,
          CtrlSum: controlSum,
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
          ReqdExctnDt: input.requestedExecutionDate,
          Dbtr: { Nm: debtorName },
          DbtrAcct: { Id: { IBAN: input.debtor.iban }, Ccy: 'EUR' },
          DbtrAgt: { FinInstnId: input.debtor.bic === null ? { Othr: { Id: BIC_NOT_PROVIDED } } : { BIC: input.debtor.bic } },
          ChrgBr: 'SLEV',
          CdtTrfTxInf: input.payments.map((p) => ({
            PmtId: { EndToEndId: p.endToEndId },
            Amt: { InstdAmt: { '#text': centsToDecimal(p.amountCents), '@_Ccy': 'EUR' } },
            Cdtr: { Nm: required(p.creditorName, 70, 'creditor name') },
            CdtrAcct: { Id: { IBAN: p.creditorIban } },
            RmtInf: { Ustrd: required(p.remittance, 140, 'remittance text') },
          })),
        },
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
  return builder.build(document) as string;
}
