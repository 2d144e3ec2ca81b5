import { XMLParser } from 'fast-xml-parser';
import { isValidBIC, isValidIBAN } from 'ibantools';
import { decimalToCents } from './sepa-text';
import { validatePain001Structure } from './pain001.schema';

export interface ReadPayment {
  endToEndId: string;
  amount: string;
  currency: string;
  creditorName: string;
  creditorIban: string;
  remittance: string;
}

export interface ReadPaymentInfo {
  pmtInfId: string;
  pmtMtd: string;
  nbOfTxs: string;
  ctrlSum: string;
  serviceLevel: string;
  requestedExecutionDate: string;
  debtorName: string;
  debtorIban: string;
  /** Empty when the file names no BIC; then `debtorAgentOther` must be NOTPROVIDED. */
  debtorBic: string;
  debtorAgentOther: string;
  chargeBearer: string;
  payments: ReadPayment[];
}

export interface ReadPain001 {
  msgId: string;
  creDtTm: string;
  nbOfTxs: string;
  ctrlSum: string;
  initiatingParty: string;
  paymentInfos: ReadPaymentInfo[];
}

type Node = Record<string, unknown>;
const ARRAYS = new Set(['PmtInf', 'CdtTrfTxInf']);

function at(node: unknown, ...path: string[]): string {
  let current: unknown = node;
  for (const key of path) current = current && typeof current === 'object' ? (current as Node)[key] : undefined;
  if (current && typeof current === 'object' && '#text' in current) current = (current as Node)['#text'];
  return current === undefined || current === null ? '' : String(current);
}

/** Reads a pain.001.001.03 document back into plain values (every value as the text in the file). */
export function readPain001(xml: string): ReadPain001 {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ARRAYS.has(name),
  });
  const doc = (parser.parse(xml) as Node)['Document'] as Node | undefined;
  const root = doc?.['CstmrCdtTrfInitn'] as Node | undefined;
  if (!root) throw new RangeError('This is not a pain.001 document (no Document/CstmrCdtTrfInitn).');
  const header = root['GrpHdr'];
  return {
    msgId: at(header, 'MsgId'),
    creDtTm: at(header, 'CreDtTm'),
    nbOfTxs: at(header, 'NbOfTxs'),
    ctrlSum: at(header, 'CtrlSum'),
    initiatingParty: at(header, 'InitgPty', 'Nm'),
    paymentInfos: ((root['PmtInf'] as Node[] | undefined) ?? []).map((info) => ({
      pmtInfId: at(info, 'PmtInfId'),
      pmtMtd: at(info, 'PmtMtd'),
      nbOfTxs: at(info, 'NbOfTxs'),
      ctrlSum: at(info, 'CtrlSum'),
      serviceLevel: at(info, 'PmtTpInf', 'SvcLvl', 'Cd'),
      requestedExecutionDate: at(info, 'ReqdExctnDt'),
      debtorName: at(info, 'Dbtr', 'Nm'),
      debtorIban: at(info, 'DbtrAcct', 'Id', 'IBAN'),
      debtorBic: at(info, 'DbtrAgt', 'FinInstnId', 'BIC'),
      debtorAgentOther: at(info, 'DbtrAgt', 'FinInstnId', 'Othr', 'Id'),
      chargeBearer: at(info, 'ChrgBr'),
      payments: ((info['CdtTrfTxInf'] as Node[] | undefined) ?? []).map((tx) => ({
        endToEndId: at(tx, 'PmtId', 'EndToEndId'),
        amount: at(tx, 'Amt', 'InstdAmt'),
        currency: at(tx, 'Amt', 'InstdAmt', '@_Ccy'),
        creditorName: at(tx, 'Cdtr', 'Nm'),
        creditorIban: at(tx, 'CdtrAcct', 'Id', 'IBAN'),
        remittance: at(tx, 'RmtInf', 'Ustrd'),
      })),
    })),
  };
}

const AMOUNT = /^\d+\.\d{2}$/;

/**
 * Everything a bank checks besides the element order: counts and control sums at both levels equal
 * the payments, amounts have two decimals and are in euros, IBANs and the BIC are valid, ids are
 * unique. Returns the problems; an empty list means the file can be uploaded.
 */
export function checkPain001(xml: string): string[] {
  const problems = validatePain001Structure(xml);
  if (problems.length) return problems;
  const file = readPain001(xml);
  const ids = new Set<string>([file.msgId]);
  const unique = (id: string, what: string) => {
    if (ids.has(id)) problems.push(`${what} ${id} is not unique in the file`);
    ids.add(id);
  };
  let fileTotal = 0n;
  let fileCount = 0;
  for (const info of file.paymentInfos) {
    unique(info.pmtInfId, 'PmtInfId');
    if (info.pmtMtd !== 'TRF') problems.push(`${info.pmtInfId}: PmtMtd must be TRF`);
    if (info.serviceLevel !== 'SEPA') problems.push(`${info.pmtInfId}: service level must be SEPA`);
    if (info.chargeBearer !== 'SLEV') problems.push(`${info.pmtInfId}: ChrgBr must be SLEV`);
    if (!isValidIBAN(info.debtorIban)) problems.push(`${info.pmtInfId}: debtor IBAN ${info.debtorIban} is not valid`);
    // Either a valid BIC or none with Othr/Id NOTPROVIDED (IBAN-only SEPA), never both or neither.
    if (info.debtorBic === '' ? info.debtorAgentOther !== 'NOTPROVIDED' : !isValidBIC(info.debtorBic) || info.debtorAgentOther !== '') {
      problems.push(`${info.pmtInfId}: debtor agent must be a valid BIC or Othr/Id NOTPROVIDED (BIC "${info.debtorBic}", Othr "${info.debtorAgentOther}")`);
    }
    let total = 0n;
    for (const payment of info.payments) {
      unique(payment.endToEndId, 'EndToEndId');
      if (!AMOUNT.test(payment.amount)) problems.push(`${payment.endToEndId}: amount ${payment.amount} must have two decimals`);
      else total += BigInt(decimalToCents(payment.amount));
      if (payment.currency !== 'EUR') problems.push(`${payment.endToEndId}: currency must be EUR`);
      if (!isValidIBAN(payment.creditorIban)) problems.push(`${payment.endToEndId}: creditor IBAN ${payment.creditorIban} is not valid`);
      if (payment.remittance.length > 140) problems.push(`${payment.endToEndId}: remittance text longer than 140 characters`);
    }
    if (info.nbOfTxs !== String(info.payments.length)) problems.push(`${info.pmtInfId}: NbOfTxs ${info.nbOfTxs}, but ${info.payments.length} payments`);
    if (!AMOUNT.test(info.ctrlSum) || BigInt(decimalToCents(info.ctrlSum)) !== total) problems.push(`${info.pmtInfId}: CtrlSum ${info.ctrlSum} is not the sum of its payments`);
    fileTotal += total;
    fileCount += info.payments.length;
  }
  if (file.nbOfTxs !== String(fileCount)) problems.push(`GrpHdr: NbOfTxs ${file.nbOfTxs}, but ${fileCount} payments`);
  if (!AMOUNT.test(file.ctrlSum) || BigInt(decimalToCents(file.ctrlSum)) !== fileTotal) problems.push(`GrpHdr: CtrlSum ${file.ctrlSum} is not the sum of all payments`);
  return problems;
}
