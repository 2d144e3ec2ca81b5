import { XMLParser } from 'fast-xml-parser';

const CODE = /^[A-Z0-9]{4}$/;

type Node = Record<string, unknown>;

const text = (value: unknown): string => {
  if (value && typeof value === 'object' && '#text' in value) return String((value as Node)['#text']).trim();
  return value === undefined || value === null || typeof value === 'object' ? '' : String(value).trim();
};

/**
 * The return reasons in a CAMT.053 statement: for every transaction detail (`TxDtls`, any version)
 * that carries return information, its original EndToEndId and the ISO 20022 reason code
 * (`RtrInf/Rsn/Cd`, or a four-character `Prtry`). Pure; a document with a DOCTYPE (entities, XML
 * bombs) yields nothing, as the billing import refuses it too.
 */
export function returnReasonsFromCamt053(xml: string): Map<string, string> {
  const reasons = new Map<string, string>();
  if (/<!DOCTYPE/i.test(xml)) return reasons;
  let doc: unknown;
  try {
    doc = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, processEntities: false }).parse(xml);
  } catch {
    return reasons;
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if ('RtrInf' in n && 'Refs' in n) {
      const endToEndId = text((n['Refs'] as Node | undefined)?.['EndToEndId']);
      const infos = Array.isArray(n['RtrInf']) ? n['RtrInf'] : [n['RtrInf']];
      const rsn = (infos[0] as Node | undefined)?.['Rsn'] as Node | undefined;
      const code = [text(rsn?.['Cd']), text(rsn?.['Prtry'])].find((c) => CODE.test(c));
      if (endToEndId && code) reasons.set(endToEndId, code);
    }
    for (const value of Object.values(n)) visit(value);
  };
  visit(doc);
  return reasons;
}
