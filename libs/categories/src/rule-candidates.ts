import { patternLiterals, WORD_PREFIX_LENGTH } from './pattern-literals';
import type { RuleDirection, RuleField } from './rule.schema';
import type { TransactionText } from './transaction-text';

/**
 * Which rules can possibly match a transaction, found without running their regular expressions: an
 * inverted index from the word starts a rule needs (pattern-literals.ts) to the rules, looked up with the
 * word starts a row has. The answer is a superset of the matching rules, so testing only the candidates,
 * in rule order, gives the same first match as testing every rule.
 */

export interface IndexedRule {
  readonly field: RuleField;
  readonly pattern: string;
  readonly direction: RuleDirection;
}

export type Direction = 'debit' | 'credit' | 'none';

/** Normalised text (transaction-text.ts) holds only these; a value with anything else makes its field's rules all candidates. */
const INDEXED_VALUE = /^[a-z0-9&+ |]*$/;
const TEXT_FIELDS = ['counterparty', 'description', 'text'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const SLOT_BITS = 16;
// A module-local copy: the row loop reads it per character, and an imported binding may be a getter.
const PREFIX_LENGTH = WORD_PREFIX_LENGTH;

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

// FNV-1a over a word's leading characters; the slot is the hash's top bits, and entries keep the whole hash,
// so a different prefix in the same slot is told apart (a rare full collision only lets an extra rule through).
const HASH_SEED = 0x811c9dc5;
function extend(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}
function slotOf(hash: number): number {
  return hash >>> (32 - SLOT_BITS);
}

class FieldIndex {
  /** Rules of this field per slot, as ranges of `slotRules` (compressed rows), with the full hash of the prefix each needs. */
  private readonly slotStart = new Int32Array((1 << SLOT_BITS) + 1);
  private readonly slotRules: Int32Array;
  private readonly slotHashes: Int32Array;
  private readonly substrings: readonly { text: string; rule: number }[];
  private readonly fieldRules: readonly number[];

  constructor(rules: readonly IndexedRule[], field: TextField, alwaysTested: number[]) {
    const bySlot = new Map<number, { hash: number; rule: number }[]>();
    const substrings: { text: string; rule: number }[] = [];
    const fieldRules: number[] = [];
    rules.forEach((rule, index) => {
      if (rule.field !== field) return;
      fieldRules.push(index);
      const literals = patternLiterals(rule.pattern);
      if (literals === null) {
        alwaysTested.push(index);
        return;
      }
      for (const prefix of literals.wordStarts) {
        let hash = HASH_SEED;
        for (let i = 0; i < prefix.length; i++) hash = extend(hash, prefix.charCodeAt(i));
        const entries = bySlot.get(slotOf(hash)) ?? [];
        if (!entries.some((entry) => entry.hash === hash && entry.rule === index)) entries.push({ hash, rule: index });
        bySlot.set(slotOf(hash), entries);
      }
      for (const text of literals.substrings) substrings.push({ text, rule: index });
    });
    const starts = this.slotStart;
    for (const [slot, entries] of bySlot) starts[slot + 1] = entries.length;
    for (let slot = 1; slot < starts.length; slot++) starts[slot]! += starts[slot - 1]!;
    const total = starts[starts.length - 1]!;
    this.slotRules = new Int32Array(total);
    this.slotHashes = new Int32Array(total);
    for (const [slot, entries] of bySlot) {
      this.slotRules.set(entries.map((entry) => entry.rule), this.slotStart[slot]!);
      this.slotHashes.set(entries.map((entry) => entry.hash), this.slotStart[slot]!);
    }
    this.substrings = substrings;
    this.fieldRules = fieldRules;
  }

  addAll(out: Uint32Array): void {
    for (const rule of this.fieldRules) setBit(out, rule);
  }

  /** Adds the rules needing one of the first `count` word-start prefixes, given by their hashes. */
  addPrefixes(hashes: Int32Array, count: number, out: Uint32Array): void {
    for (let i = 0; i < count; i++) {
      const hash = hashes[i]!;
      const slot = slotOf(hash);
      for (let k = this.slotStart[slot]!; k < this.slotStart[slot + 1]!; k++) if (this.slotHashes[k] === hash) setBit(out, this.slotRules[k]!);
    }
  }

  addSubstrings(values: readonly string[], out: Uint32Array): void {
    for (const { text, rule } of this.substrings) {
      for (const value of values) {
        if (value.includes(text)) {
          setBit(out, rule);
          break;
        }
      }
    }
  }
}

/** The hashes of a value's word-start prefixes, kept in a buffer reused from row to row so a row allocates nothing. */
class PrefixScan {
  hashes = new Int32Array(1024);
  count = 0;

  scan(value: string): void {
    if (this.hashes.length < value.length * PREFIX_LENGTH) this.hashes = new Int32Array(value.length * PREFIX_LENGTH);
    let count = 0;
    let previousIsWord = false;
    for (let i = 0; i < value.length; i++) {
      const isWord = isWordChar(value.charCodeAt(i));
      if (isWord && !previousIsWord) {
        let hash = HASH_SEED;
        for (let j = i; j < i + PREFIX_LENGTH && j < value.length; j++) {
          const code = value.charCodeAt(j);
          if (!isWordChar(code)) break;
          hash = extend(hash, code);
          this.hashes[count++] = hash;
        }
      }
      previousIsWord = isWord;
    }
    this.count = count;
  }
}

/**
 * True when every word of `part` is also a word of `whole` (as the description is of the combined text,
 * "name | description"), so the combined text's word starts can stand in for the part's.
 */
function endsWithWords(whole: string, part: string): boolean {
  if (whole === part) return true;
  return whole.endsWith(part) && !isWordChar(whole.charCodeAt(whole.length - part.length - 1));
}

function setBit(bits: Uint32Array, index: number): void {
  bits[index >>> 5]! |= 1 << (index & 31);
}

export class RuleCandidates {
  private readonly words: number;
  private readonly fields: Record<TextField, FieldIndex>;
  private readonly scanned = new PrefixScan();
  /** Rules tested on every row: other fields, and patterns whose literals could not be read. */
  private readonly always: Uint32Array;
  private readonly byDirection: Record<Direction, Uint32Array>;
  private readonly current: Uint32Array;

  constructor(rules: readonly IndexedRule[]) {
    this.words = Math.ceil(rules.length / 32);
    const alwaysTested: number[] = [];
    this.fields = {
      counterparty: new FieldIndex(rules, 'counterparty', alwaysTested),
      description: new FieldIndex(rules, 'description', alwaysTested),
      text: new FieldIndex(rules, 'text', alwaysTested),
    };
    this.always = new Uint32Array(this.words);
    rules.forEach((rule, index) => {
      if (!(TEXT_FIELDS as readonly string[]).includes(rule.field)) setBit(this.always, index);
    });
    for (const index of alwaysTested) setBit(this.always, index);
    const directionMask = (direction: Direction) => {
      const bits = new Uint32Array(this.words);
      rules.forEach((rule, index) => {
        if (rule.direction === 'any' || rule.direction === direction) setBit(bits, index);
      });
      return bits;
    };
    this.byDirection = { debit: directionMask('debit'), credit: directionMask('credit'), none: directionMask('none') };
    this.current = new Uint32Array(this.words);
  }

  private addTextCandidates(text: TransactionText, bits: Uint32Array): void {
    const { counterparty, description, text: combined } = this.fields;
    for (const value of text.counterparty) {
      if (!INDEXED_VALUE.test(value)) {
        counterparty.addAll(bits);
        break;
      }
      this.scanned.scan(value);
      counterparty.addPrefixes(this.scanned.hashes, this.scanned.count, bits);
    }
    counterparty.addSubstrings(text.counterparty, bits);
    if (!INDEXED_VALUE.test(text.text)) {
      combined.addAll(bits);
      description.addAll(bits);
      return;
    }
    // The description is the tail of the combined text, so one scan serves both fields.
    this.scanned.scan(text.text);
    combined.addPrefixes(this.scanned.hashes, this.scanned.count, bits);
    combined.addSubstrings([text.text], bits);
    if (!endsWithWords(text.text, text.description)) {
      if (!INDEXED_VALUE.test(text.description)) {
        description.addAll(bits);
        return;
      }
      this.scanned.scan(text.description);
    }
    description.addPrefixes(this.scanned.hashes, this.scanned.count, bits);
    description.addSubstrings([text.description], bits);
  }

  /**
   * Calls `test` with the index of each rule that may match, in rule order, until it returns true.
   * Returns the index that `test` accepted, or -1.
   */
  firstMatch(text: TransactionText, direction: Direction, test: (rule: number) => boolean): number {
    const bits = this.current;
    bits.set(this.always);
    this.addTextCandidates(text, bits);
    const allowed = this.byDirection[direction];
    for (let word = 0; word < this.words; word++) {
      let remaining = bits[word]! & allowed[word]!;
      while (remaining !== 0) {
        const lowest = remaining & -remaining;
        const rule = word * 32 + 31 - Math.clz32(lowest);
        if (test(rule)) return rule;
        remaining ^= lowest;
      }
    }
    return -1;
  }
}
