/**
 * Reads, from a rule's pattern, literals that any match must contain, so a rule can be passed over
 * without running its regular expression. Per top-level alternative we take the literal it must start
 * with: after `\b` or `^` that literal starts a word; without an anchor the value must contain it
 * somewhere. A pattern that cannot be read that way gets no literals (and is always tested): the
 * literals may let through values that do not match, never hold back one that does.
 */

/** Word starts are compared on at most this many leading letters and digits. */
export const WORD_PREFIX_LENGTH = 6;
const WORD_PREFIX = new RegExp(`^[a-z0-9]{1,${WORD_PREFIX_LENGTH}}`);
// A quantifier after a character makes it optional or repeated, so the required literal stops before it.
const QUANTIFIERS = new Set(['?', '*', '+', '{']);
/** Substrings shorter than this would let almost every value through. */
const MIN_SUBSTRING = 3;

export interface PatternLiterals {
  /** Lower-case prefixes (letters and digits, at most WORD_PREFIX_LENGTH) of a word the value must contain. */
  readonly wordStarts: readonly string[];
  readonly substrings: readonly string[];
}

function splitTopLevel(pattern: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      current += char + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      // `[]` and `[^]` read differently from other classes; such patterns are simply not indexed.
      if (pattern[i + 1] === ']' || pattern.startsWith('^]', i + 1)) return null;
      inClass = true;
    } else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return depth === 0 && !inClass ? parts : null;
}

/** The literal an alternative must match first (lower case, letters, digits and spaces), from index `from`. */
function leadingLiteral(alternative: string, from: number): string {
  let literal = '';
  for (let i = from; i < alternative.length; i++) {
    const char = alternative[i]!;
    if (!/[A-Za-z0-9 ]/.test(char) || QUANTIFIERS.has(alternative[i + 1] ?? '')) break;
    literal += char.toLowerCase();
  }
  return literal;
}

/** Index just past a group opened at `open`, or -1. */
function groupEnd(alternative: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < alternative.length; i++) {
    const char = alternative[i]!;
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

function addAlternative(alternative: string, atWordStart: boolean, keys: { wordStarts: Set<string>; substrings: Set<string> }): boolean {
  let start = 0;
  // Lookbehinds consume nothing, so the literal after them is still required.
  while (alternative.startsWith('(?<!', start) || alternative.startsWith('(?<=', start)) {
    const end = groupEnd(alternative, start);
    if (end < 0) return false;
    start = end;
  }
  if (alternative.startsWith('\\b', start)) {
    start += 2;
    atWordStart = true;
  } else if (alternative.startsWith('^', start)) {
    start += 1;
    atWordStart = true;
  }
  const opening = alternative.startsWith('(?:', start) ? 3 : alternative[start] === '(' && alternative[start + 1] !== '?' ? 1 : 0;
  if (opening > 0) {
    // `\b(zorgtoeslag|huurtoeslag)`: a group whose every alternative is readable.
    const end = groupEnd(alternative, start);
    if (end < 0) return false;
    const inner = splitTopLevel(alternative.slice(start + opening, end - 1));
    if (inner === null || !inner.every((part) => addAlternative(part, atWordStart, keys))) return false;
    // `\b(zwem|wegwerp)?luier`: when the group is skipped, what follows starts at the same place.
    if (alternative[end] === '?' && alternative[end + 1] !== '?') return addAlternative(alternative.slice(end + 1), atWordStart, keys);
    return !QUANTIFIERS.has(alternative[end] ?? '');
  }
  const literal = leadingLiteral(alternative, start);
  const prefix = atWordStart ? (WORD_PREFIX.exec(literal)?.[0] ?? '') : '';
  // A one-letter word ("a s r", "e matching") says little about where it starts; the whole literal says more.
  if (prefix.length >= 2 || (prefix !== '' && literal.length < MIN_SUBSTRING)) {
    keys.wordStarts.add(prefix);
    return true;
  }
  if (literal.length < MIN_SUBSTRING) return false;
  keys.substrings.add(literal);
  return true;
}

/**
 * What a value must hold for `pattern` to match it: a word starting with one of `wordStarts`, or one of
 * `substrings` anywhere. Null when the pattern cannot be read that way.
 */
export function patternLiterals(pattern: string): PatternLiterals | null {
  const keys = { wordStarts: new Set<string>(), substrings: new Set<string>() };
  const alternatives = splitTopLevel(pattern);
  if (alternatives === null || !alternatives.every((alternative) => addAlternative(alternative, false, keys))) return null;
  return { wordStarts: [...keys.wordStarts], substrings: [...keys.substrings] };
}
