import { ibanOrNull } from './iban';
import { collapseWhitespace } from './text';
import { at, textAt, textsAt, type XmlNode } from './camt053.xml';

/** v02–v06 put the name directly under `Dbtr`; v08 wraps it in `Pty` (the alternative being an agent). */
function nameOf(party: unknown): string {
  return collapseWhitespace(textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm') ?? '');
}

function ibanOf(account: unknown): string | null {
  return ibanOrNull(textAt(account, 'Id', 'IBAN'));
}

export interface Counterparty {
  name: string;
  iban: string | null;
}

/**
 * The counterparty is the payer of money that came in and the payee of money that went out. A reversal keeps
 * the parties of the original payment while the money moves back, so the side flips. If the expected side is
 * empty or is the statement's own account, the other side is used: banks are not consistent about this.
 */
export function counterpartyOf(details: XmlNode | undefined, incoming: boolean, reversal: boolean, ownAccount: string | null): Counterparty {
  const parties = at(details, 'RltdPties');
  const debtor: Counterparty = {
    name: nameOf(at(parties, 'Dbtr')) || nameOf(at(parties, 'UltmtDbtr')),
    iban: ibanOf(at(parties, 'DbtrAcct')),
  };
  const creditor: Counterparty = {
    name: nameOf(at(parties, 'Cdtr')) || nameOf(at(parties, 'UltmtCdtr')),
    iban: ibanOf(at(parties, 'CdtrAcct')),
  };
  const [expected, other] = incoming !== reversal ? [debtor, creditor] : [creditor, debtor];
  const usable = (party: Counterparty): boolean => (party.name !== '' || party.iban !== null) && (party.iban === null || party.iban !== ownAccount);
  if (usable(expected)) return expected;
  return usable(other) ? other : { name: '', iban: null };
}

/** Unstructured remittance lines, else structured creditor references (`Strd/CdtrRefInf/Ref`), else the bank's own notes. */
export function remittanceOf(details: XmlNode | undefined, entry: XmlNode): string {
  const unstructured = textsAt(details, 'RmtInf', 'Ustrd');
  if (unstructured.length > 0) return collapseWhitespace(unstructured.join(' '));
  const structuredNodes = at(details, 'RmtInf', 'Strd');
  const structured = (Array.isArray(structuredNodes) ? structuredNodes : [])
    .map((node) => textAt(node, 'CdtrRefInf', 'Ref') ?? '')
    .filter((ref) => ref !== '');
  if (structured.length > 0) return collapseWhitespace(structured.join(' '));
  return collapseWhitespace(textAt(details, 'AddtlTxInf') ?? textAt(entry, 'AddtlNtryInf') ?? '');
}

/** Every structured creditor reference (`Strd/CdtrRefInf/Ref`) of the details, whatever else the remittance holds. */
export function creditorReferencesOf(details: XmlNode | undefined): string[] {
  const structuredNodes = at(details, 'RmtInf', 'Strd');
  return (Array.isArray(structuredNodes) ? structuredNodes : [])
    .map((node) => collapseWhitespace(textAt(node, 'CdtrRefInf', 'Ref') ?? ''))
    .filter((ref) => ref !== '');
}

/** The ISO domain code (`PMNT/RCDT/ESCT`) where present, else the bank's proprietary code. */
export function bankCodeOf(node: unknown): string | null {
  const domain = textAt(node, 'BkTxCd', 'Domn', 'Cd');
  if (domain) {
    return [domain, textAt(node, 'BkTxCd', 'Domn', 'Fmly', 'Cd'), textAt(node, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd')]
      .filter((part): part is string => Boolean(part))
      .join('/');
  }
  return textAt(node, 'BkTxCd', 'Prtry', 'Cd') || null;
}
