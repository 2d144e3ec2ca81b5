import { XMLParser } from 'fast-xml-parser';
import { PAIN001_NAMESPACE } from './pain001.builder';

/**
 * The element order of pain.001.001.03 (the ISO 20022 XSD's sequences, for the parts a SEPA credit
 * transfer uses), so a file can be checked the way a bank's validator would before it is offered
 * for download. Each complex type lists its children in schema order with min/max occurrences;
 * `text` is a simple value, `any` a part of the schema this platform never writes (not descended).
 */
type Child = readonly [name: string, type: string, min: number, max: number];
interface ComplexType {
  children: readonly Child[];
  /** A choice: exactly one of the children. */
  choice?: boolean;
}

const N = Number.POSITIVE_INFINITY;

const party: ComplexType = {
  children: [
    ['Nm', 'text', 0, 1],
    ['PstlAdr', 'any', 0, 1],
    ['Id', 'any', 0, 1],
    ['CtryOfRes', 'text', 0, 1],
    ['CtctDtls', 'any', 0, 1],
  ],
};
const cashAccount: ComplexType = {
  children: [
    ['Id', 'AccountIdentification4Choice', 1, 1],
    ['Tp', 'any', 0, 1],
    ['Ccy', 'text', 0, 1],
    ['Nm', 'text', 0, 1],
  ],
};
const agent: ComplexType = {
  children: [
    ['FinInstnId', 'FinancialInstitutionIdentification7', 1, 1],
    ['BrnchId', 'any', 0, 1],
  ],
};

export const PAIN001_TYPES: Record<string, ComplexType> = {
  Document: { children: [['CstmrCdtTrfInitn', 'CustomerCreditTransferInitiationV03', 1, 1]] },
  CustomerCreditTransferInitiationV03: {
    children: [
      ['GrpHdr', 'GroupHeader32', 1, 1],
      ['PmtInf', 'PaymentInstructionInformation3', 1, N],
      ['SplmtryData', 'any', 0, N],
    ],
  },
  GroupHeader32: {
    children: [
      ['MsgId', 'text', 1, 1],
      ['CreDtTm', 'text', 1, 1],
      ['Authstn', 'any', 0, 2],
      ['NbOfTxs', 'text', 1, 1],
      ['CtrlSum', 'text', 0, 1],
      ['InitgPty', 'PartyIdentification32', 1, 1],
      ['FwdgAgt', 'any', 0, 1],
    ],
  },
  PartyIdentification32: party,
  PaymentInstructionInformation3: {
    children: [
      ['PmtInfId', 'text', 1, 1],
      ['PmtMtd', 'text', 1, 1],
      ['BtchBookg', 'text', 0, 1],
      ['NbOfTxs', 'text', 0, 1],
      ['CtrlSum', 'text', 0, 1],
      ['PmtTpInf', 'PaymentTypeInformation19', 0, 1],
      ['ReqdExctnDt', 'text', 1, 1],
      ['PoolgAdjstmntDt', 'text', 0, 1],
      ['Dbtr', 'PartyIdentification32', 1, 1],
      ['DbtrAcct', 'CashAccount16', 1, 1],
      ['DbtrAgt', 'BranchAndFinancialInstitutionIdentification4', 1, 1],
      ['DbtrAgtAcct', 'any', 0, 1],
      ['UltmtDbtr', 'any', 0, 1],
      ['ChrgBr', 'text', 0, 1],
      ['ChrgsAcct', 'any', 0, 1],
      ['ChrgsAcctAgt', 'any', 0, 1],
      ['CdtTrfTxInf', 'CreditTransferTransactionInformation10', 1, N],
    ],
  },
  PaymentTypeInformation19: {
    children: [
      ['InstrPrty', 'text', 0, 1],
      ['SvcLvl', 'ServiceLevel8Choice', 0, 1],
      ['LclInstrm', 'any', 0, 1],
      ['CtgyPurp', 'any', 0, 1],
    ],
  },
  ServiceLevel8Choice: {
    choice: true,
    children: [
      ['Cd', 'text', 0, 1],
      ['Prtry', 'text', 0, 1],
    ],
  },
  CashAccount16: cashAccount,
  AccountIdentification4Choice: {
    choice: true,
    children: [
      ['IBAN', 'text', 0, 1],
      ['Othr', 'any', 0, 1],
    ],
  },
  BranchAndFinancialInstitutionIdentification4: agent,
  FinancialInstitutionIdentification7: {
    children: [
      ['BIC', 'text', 0, 1],
      ['ClrSysMmbId', 'any', 0, 1],
      ['Nm', 'text', 0, 1],
      ['PstlAdr', 'any', 0, 1],
      ['Othr', 'any', 0, 1],
    ],
  },
  CreditTransferTransactionInformation10: {
    children: [
      ['PmtId', 'PaymentIdentification1', 1, 1],
      ['PmtTpInf', 'PaymentTypeInformation19', 0, 1],
      ['Amt', 'AmountType3Choice', 1, 1],
      ['XchgRateInf', 'any', 0, 1],
      ['ChrgBr', 'text', 0, 1],
      ['ChqInstr', 'any', 0, 1],
      ['UltmtDbtr', 'any', 0, 1],
      ['IntrmyAgt1', 'any', 0, 1],
      ['IntrmyAgt1Acct', 'any', 0, 1],
      ['IntrmyAgt2', 'any', 0, 1],
      ['IntrmyAgt2Acct', 'any', 0, 1],
      ['IntrmyAgt3', 'any', 0, 1],
      ['IntrmyAgt3Acct', 'any', 0, 1],
      ['CdtrAgt', 'BranchAndFinancialInstitutionIdentification4', 0, 1],
      ['CdtrAgtAcct', 'any', 0, 1],
      // Optional in the XSD; the SEPA rulebook requires a creditor name and account.
      ['Cdtr', 'PartyIdentification32', 1, 1],
      ['CdtrAcct', 'CashAccount16', 1, 1],
      ['UltmtCdtr', 'any', 0, 1],
      ['InstrForCdtrAgt', 'any', 0, N],
      ['InstrForDbtrAgt', 'text', 0, 1],
      ['Purp', 'any', 0, 1],
      ['RgltryRptg', 'any', 0, 10],
      ['Tax', 'any', 0, 1],
      ['RltdRmtInf', 'any', 0, 10],
      ['RmtInf', 'RemittanceInformation5', 0, 1],
    ],
  },
  PaymentIdentification1: {
    children: [
      ['InstrId', 'text', 0, 1],
      ['EndToEndId', 'text', 1, 1],
    ],
  },
  AmountType3Choice: {
    choice: true,
    children: [
      ['InstdAmt', 'text', 0, 1],
      ['EqvtAmt', 'any', 0, 1],
    ],
  },
  RemittanceInformation5: {
    children: [
      // The SEPA rulebook allows one unstructured line of at most 140 characters.
      ['Ustrd', 'text', 0, 1],
      ['Strd', 'any', 0, N],
    ],
  },
};

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const nameOf = (node: OrderedNode) => Object.keys(node).find((key) => key !== ':@')!;

function elementsOf(node: OrderedNode): OrderedNode[] {
  const content = node[nameOf(node)];
  return Array.isArray(content) ? (content as OrderedNode[]).filter((child) => nameOf(child) !== '#text') : [];
}

function textOf(node: OrderedNode): string {
  const content = node[nameOf(node)];
  if (!Array.isArray(content)) return '';
  return (content as OrderedNode[])
    .filter((child) => nameOf(child) === '#text')
    .map((child) => String(child['#text']))
    .join('');
}

function checkType(node: OrderedNode, typeName: string, path: string, problems: string[]): void {
  const type = PAIN001_TYPES[typeName]!;
  const children = elementsOf(node);
  if (type.choice) {
    if (children.length !== 1 || !type.children.some(([name]) => name === nameOf(children[0]!))) {
      problems.push(`${path}: expected exactly one of ${type.children.map(([n]) => n).join(' | ')}, found ${children.map(nameOf).join(', ') || 'nothing'}`);
      return;
    }
  }
  let index = 0;
  for (const [name, childType, min, max] of type.children) {
    let count = 0;
    while (index < children.length && nameOf(children[index]!) === name) {
      const child = children[index]!;
      const childPath = `${path}/${name}`;
      if (childType === 'text') {
        if (elementsOf(child).length > 0) problems.push(`${childPath}: expected a value, found elements`);
        else if (textOf(child).trim() === '') problems.push(`${childPath}: is empty`);
      } else if (childType !== 'any') {
        checkType(child, childType, childPath, problems);
      }
      count++;
      index++;
    }
    if (count < min) problems.push(`${path}: ${name} is missing (or out of order)`);
    if (count > max) problems.push(`${path}: ${name} occurs ${count} times, at most ${max} allowed`);
  }
  if (index < children.length) {
    problems.push(`${path}: unexpected ${nameOf(children[index]!)} (not allowed here, or out of schema order)`);
  }
}

/**
 * Checks a document against the element order and occurrences of pain.001.001.03: the namespace,
 * every sequence in order, required elements present, nothing unknown, no empty values.
 * Returns the problems (empty when the structure is right).
 */
export function validatePain001Structure(xml: string): string[] {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, processEntities: true });
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = nodes.filter((node) => !['?xml', '#text'].includes(nameOf(node)));
  if (roots.length !== 1 || nameOf(roots[0]!) !== 'Document') return ['the document must have one root element, Document'];
  const root = roots[0]!;
  const problems: string[] = [];
  if (root[':@']?.['@_xmlns'] !== PAIN001_NAMESPACE) problems.push(`Document: namespace must be ${PAIN001_NAMESPACE}`);
  checkType(root, 'Document', 'Document', problems);
  return problems;
}
