import { StatementParseError, StatementTooLargeError } from './import.errors';
import { MAX_FIELD_CHARS, MAX_XML_DEPTH, MAX_XML_ELEMENTS } from './limits';
import { rowIssues, type ImportIssue } from './problem.catalogue';

/** 1-based line of a position; only counted when something is refused, so the scan itself stays one pass. */
function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function refuse(text: string, position: number, issue: ImportIssue): never {
  throw new StatementParseError([{ line: lineAt(text, position), column: '', ...issue }]);
}

/** End of a start tag (the `>`), skipping quoted attribute values; -1 when the tag never closes, -2 when it is too long. */
function endOfTag(text: string, from: number): number {
  let quote = '';
  const last = Math.min(text.length, from + MAX_FIELD_CHARS);
  for (let i = from; i < last; i += 1) {
    const char = text[i];
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i;
  }
  return last === text.length ? -1 : -2;
}

/**
 * One cheap pass over the XML before any parser builds objects from it: nesting depth, number of
 * elements and the length of every text, CDATA section and tag. The parsers after it are not
 * written for hostile input (fast-xml-parser builds an object per element and throws a plain error
 * past its own depth limit), so a file beyond these bounds is refused here with a reason the person
 * can act on. Malformed XML is left to the validator after it: this scan only stops early.
 */
export function checkXmlLimits(text: string): void {
  let depth = 0;
  let elements = 0;
  let position = text.indexOf('<');
  let textStart = 0;
  while (position !== -1) {
    if (position - textStart > MAX_FIELD_CHARS) refuse(text, textStart, rowIssues.fieldTooLong());
    let end: number;
    if (text.startsWith('<!--', position)) {
      // Comments carry nothing the parser keeps; their length does not matter.
      end = text.indexOf('-->', position + 4);
      if (end === -1) return;
      end += 2;
    } else if (text.startsWith('<![CDATA[', position)) {
      end = text.indexOf(']]>', position + 9);
      if (end === -1) return;
      if (end - position > MAX_FIELD_CHARS) refuse(text, position, rowIssues.fieldTooLong());
      end += 2;
    } else if (text.startsWith('<?', position) || text.startsWith('<!', position)) {
      end = text.indexOf('>', position + 2);
      if (end === -1) return;
    } else if (text.startsWith('</', position)) {
      end = text.indexOf('>', position + 2);
      if (end === -1) return;
      depth -= 1;
    } else {
      end = endOfTag(text, position + 1);
      if (end === -1) return;
      if (end === -2) refuse(text, position, rowIssues.fieldTooLong());
      elements += 1;
      if (elements > MAX_XML_ELEMENTS) throw new StatementTooLargeError('elements');
      if (text[end - 1] !== '/') {
        depth += 1;
        if (depth > MAX_XML_DEPTH) refuse(text, position, rowIssues.xmlTooDeep());
      }
    }
    textStart = end + 1;
    position = text.indexOf('<', textStart);
  }
  if (text.length - textStart > MAX_FIELD_CHARS) refuse(text, textStart, rowIssues.fieldTooLong());
}
