import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { StatementParseError } from './import.errors';
import { MAX_XML_DEPTH } from './limits';
import { rowIssues } from './problem.catalogue';
import { checkXmlLimits } from './xml-limits';

export type XmlNode = { readonly [key: string]: unknown };

/** Elements that may repeat; forcing arrays spares every reader the "one or many" check. */
const REPEATING = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Bal']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Banks write `ns2:Document`, `camt:Ntry` or no prefix at all; the namespace was already checked.
  removeNSPrefix: true,
  // Amounts, IBAN-like references and leading zeros must stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  // Never expand entities, not even the five predefined ones: `decodeXmlText` handles those without recursion.
  processEntities: false,
  captureMetaData: true,
  isArray: (name) => REPEATING.has(name),
  // checkXmlLimits refuses deeper files first; this is the parser's own bound, set to the same value.
  maxNestedTags: MAX_XML_DEPTH,
});

// The typings declare the boxed `Symbol` type; the value is a plain symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** One pass over the predefined and numeric references; the output is never scanned again, so nothing expands twice. */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

export interface ParsedXml {
  root: XmlNode;
  /** 1-based line of an element's start tag, for error messages and `ParsedTransaction.line`. */
  lineOf(node: XmlNode): number;
}

/** Callers must have rejected DOCTYPE/ENTITY declarations before this is reached. */
export function parseXml(text: string): ParsedXml {
  checkXmlLimits(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // The validator reports a file that stops early as a list of open elements; say what that means instead.
    const truncated = /^(Invalid '\[|Unclosed tag)/.test(valid.err.msg);
    throw new StatementParseError([
      truncated
        ? { line: text.trimEnd().split('\n').length, column: '', ...rowIssues.xmlTruncated() }
        : { line: valid.err.line, column: '', ...rowIssues.xmlMalformed(valid.err.msg) },
    ]);
  }
  let root: XmlNode;
  try {
    root = parser.parse(text) as XmlNode;
  } catch (error) {
    // Only reached if the pre-scan and the parser disagree on depth; still a refusal with a reason, never a retry.
    if (error instanceof Error && /nested tags/i.test(error.message)) throw new StatementParseError([{ line: 0, column: '', ...rowIssues.xmlTooDeep() }]);
    throw error;
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return {
    root,
    lineOf(node) {
      const start = (node as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex;
      if (start === undefined) return 0;
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (lineStarts[mid]! <= start) low = mid;
        else high = mid - 1;
      }
      return low + 1;
    },
  };
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a path of element names; undefined as soon as one is missing. */
export function at(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const name of path) {
    if (!isNode(current)) return undefined;
    current = current[name];
  }
  return current;
}

export function nodesAt(node: unknown, ...path: string[]): XmlNode[] {
  const value = at(node, ...path);
  if (Array.isArray(value)) return value.filter(isNode);
  return isNode(value) ? [value] : [];
}

/** Text content of an element, whether it has attributes (`{ '#text': … }`) or not; trimmed, entities decoded. */
export function textAt(node: unknown, ...path: string[]): string | undefined {
  const value = at(node, ...path);
  const raw = isNode(value) ? value['#text'] : value;
  if (typeof raw === 'string') return decodeXmlText(raw.trim());
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  // An element that is present but empty (`<Nm/>`) reads as an empty string.
  return isNode(value) || value === '' ? '' : undefined;
}

export function textsAt(node: unknown, ...path: string[]): string[] {
  const value = at(node, ...path);
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => textAt(item) ?? '').filter((item) => item !== '');
}

export function attributeAt(node: unknown, name: string, ...path: string[]): string | undefined {
  const value = at(node, ...path, `@_${name}`);
  return typeof value === 'string' ? value.trim() : undefined;
}
