import type { SegmentNode, SegmentPredicate } from '@dd/contract';
import {
  clearBit,
  resized,
  setBit,
  toMemberNumbers,
  wordsFor,
  type Bits,
} from './bitset';
import { BlockEvaluator, type Plan } from './block-evaluator';
import { ExpiryQueue } from './expiry-queue';
import type { AudienceQuery, MemberState } from './member-state';

const MAX_SPEND_BAND = 5;
const INITIAL_CAPACITY = 1024;

const listKey = (field: string, value: string) => `${field}\u0000${value}`;
const spendKey = (category: string, band: number) => `spend\u0000${category}\u0000${band}`;
const consentKey = (category: string, purpose: string) => `${category}\u0000${purpose}`;

/**
 * The in-memory audience index: one bitset per feature value, per consent cell and per excluded
 * industry, over member numbers. A count is a handful of word-wise ANDs/ORs and a popcount; a
 * change to one member clears their bit everywhere and sets it again from their new state.
 *
 * Semantics are those of `matches()` in libs/segments (the reference), plus eligibility: present
 * (a countable customer), adult, consent covering every category for the purpose, industry not
 * excluded.
 */
export class AudienceIndex {
  private words = wordsFor(INITIAL_CAPACITY);
  private present: Bits = new Uint32Array(this.words);
  private adult: Bits = new Uint32Array(this.words);
  private readonly features = new Map<string, Bits>();
  private readonly consent = new Map<string, Bits>();
  private readonly excluded = new Map<string, Bits>();
  /** Bumped on every change of a member, so expiries queued for an older state are ignored. */
  private generations: Bits = new Uint32Array(INITIAL_CAPACITY);
  private readonly expiries = new ExpiryQueue();
  private members = 0;

  /** Countable people in the index (adults and minors). */
  get size(): number {
    return this.members;
  }

  /** Bytes held by the bitsets: what the index costs in memory. */
  get byteSize(): number {
    const bitsets = 2 + this.features.size + this.consent.size + this.excluded.size;
    return bitsets * this.words * 4 + this.generations.byteLength;
  }

  /** Replaces what the index knows about one member; null removes them (erased, no features, not a customer). */
  apply(memberNo: number, state: MemberState | null, now = Date.now()): void {
    this.ensureCapacity(memberNo);
    if (this.has(memberNo)) this.members--;
    this.clearMember(memberNo);
    const generation = this.generations[memberNo]! + 1;
    this.generations[memberNo] = generation;
    if (!state) return;
    this.members++;
    setBit(this.present, memberNo);
    const { features } = state;
    if (features.isAdult) setBit(this.adult, memberNo);
    if (features.ageBand !== null) setBit(this.bitsFor(this.features, listKey('ageBand', features.ageBand)), memberNo);
    if (features.province !== null) setBit(this.bitsFor(this.features, listKey('province', features.province)), memberNo);
    if (features.municipality !== null) setBit(this.bitsFor(this.features, listKey('municipality', features.municipality)), memberNo);
    if (features.householdBand !== null) setBit(this.bitsFor(this.features, listKey('householdBand', features.householdBand)), memberNo);
    for (const interest of features.interests) setBit(this.bitsFor(this.features, listKey('interest', interest)), memberNo);
    for (const [category, band] of Object.entries(features.spendBands)) {
      if (Number.isInteger(band) && band >= 1 && band <= MAX_SPEND_BAND) setBit(this.bitsFor(this.features, spendKey(category, band)), memberNo);
    }
    for (const grant of state.grants) {
      if (grant.expiresAt !== null && grant.expiresAt <= now) continue;
      const key = consentKey(grant.category, grant.purpose);
      setBit(this.bitsFor(this.consent, key), memberNo);
      if (grant.expiresAt !== null) this.expiries.push({ at: grant.expiresAt, member: memberNo, key, generation });
    }
    for (const industry of state.excludedIndustries) setBit(this.bitsFor(this.excluded, industry), memberNo);
  }

  /** Loads many members at once (a full build); equivalent to calling apply for each. */
  applyAll(states: Iterable<MemberState>, now = Date.now()): void {
    for (const state of states) this.apply(state.memberNo, state, now);
  }

  /**
   * Bulk load of one consent cell for members already applied (a full build reads consent per cell
   * rather than per member). Open-ended grants only; grants with an end date go through `grantUntil`.
   */
  grantAll(category: string, purpose: string, memberNos: Iterable<number>): void {
    const bits = this.bitsFor(this.consent, consentKey(category, purpose));
    for (const memberNo of memberNos) {
      this.ensureCapacity(memberNo);
      setBit(bits, memberNo);
    }
  }

  grantUntil(category: string, purpose: string, memberNo: number, expiresAt: number, now = Date.now()): void {
    if (expiresAt <= now) return;
    this.ensureCapacity(memberNo);
    const key = consentKey(category, purpose);
    setBit(this.bitsFor(this.consent, key), memberNo);
    this.expiries.push({ at: expiresAt, member: memberNo, key, generation: this.generations[memberNo]! });
  }

  excludeAll(industry: string, memberNos: Iterable<number>): void {
    const bits = this.bitsFor(this.excluded, industry);
    for (const memberNo of memberNos) {
      this.ensureCapacity(memberNo);
      setBit(bits, memberNo);
    }
  }

  /**
   * An index of `copies` copies of this population, copy c holding member m as m + c × (capacity).
   * For capacity benchmarks only: counting at ten times the size on a population whose exact counts
   * are known (copies × this index's count) without writing ten times the rows to PostgreSQL.
   */
  tiled(copies: number): AudienceIndex {
    if (!Number.isInteger(copies) || copies < 1) throw new RangeError(`copies must be a positive whole number, not ${copies}`);
    const out = new AudienceIndex();
    const words = this.words * copies;
    const span = this.words * 32;
    const tile = (bits: Bits): Bits => {
      const copy = new Uint32Array(words);
      for (let c = 0; c < copies; c++) copy.set(bits, c * this.words);
      return copy;
    };
    out.words = words;
    out.present = tile(this.present);
    out.adult = tile(this.adult);
    for (const [from, to] of [[this.features, out.features], [this.consent, out.consent], [this.excluded, out.excluded]] as const) {
      for (const [key, bits] of from) to.set(key, tile(bits));
    }
    out.generations = new Uint32Array(span * copies);
    for (let c = 0; c < copies; c++) out.generations.set(this.generations.subarray(0, span), c * span);
    for (const entry of this.expiries.entries()) {
      for (let c = 0; c < copies; c++) out.expiries.push({ ...entry, member: entry.member + c * span });
    }
    out.members = this.members * copies;
    return out;
  }

  /** The eligible members of the segment at `now`, as a bitset (a fresh array the caller owns). */
  evaluate(query: AudienceQuery, now = Date.now()): Bits {
    const result = new Uint32Array(this.words);
    this.evaluator(query, now).run(this.words, (start, block, length) => result.set(block.subarray(0, length), start));
    return result;
  }

  count(query: AudienceQuery, now = Date.now()): number {
    return this.evaluator(query, now).count(this.words);
  }

  /** The eligible member numbers, ascending. */
  memberNumbers(query: AudienceQuery, now = Date.now()): Uint32Array {
    return toMemberNumbers(this.evaluate(query, now));
  }

  private evaluator(query: AudienceQuery, now: number): BlockEvaluator {
    this.expire(now);
    const require: Bits[] = [this.present, this.adult];
    // No category means nothing was asked consent for: nobody counts (an empty set stands for that).
    if (query.categories.length === 0) require.push(new Uint32Array(this.words));
    for (const category of query.categories) require.push(this.consent.get(consentKey(category, query.purpose)) ?? new Uint32Array(this.words));
    const excluded = query.industry === null ? undefined : this.excluded.get(query.industry);
    return new BlockEvaluator(this.plan(query.tree), this.present, { require, exclude: excluded ? [excluded] : [] });
  }

  private plan(node: SegmentNode): Plan {
    if ('field' in node) return { kind: 'sets', sets: this.bitsetsOf(node) };
    if (node.op === 'not') return { kind: 'not', of: this.plan(node.of) };
    return { kind: node.op, of: node.of.map((child) => this.plan(child)) };
  }

  has(memberNo: number): boolean {
    return memberNo < this.words * 32 && (this.present[memberNo >>> 5]! & (1 << (memberNo & 31))) !== 0;
  }

  private expire(now: number): void {
    for (const due of this.expiries.popDue(now)) {
      if (this.generations[due.member] !== due.generation) continue;
      const bits = this.consent.get(due.key);
      if (bits) clearBit(bits, due.member);
    }
  }

  /** The stored bitsets whose union is the criterion (a missing value has none). */
  private bitsetsOf(predicate: SegmentPredicate): Bits[] {
    const found: Bits[] = [];
    if (predicate.field === 'spend') {
      for (let band = predicate.min; band <= predicate.max; band++) {
        const bits = this.features.get(spendKey(predicate.category, band));
        if (bits) found.push(bits);
      }
    } else {
      for (const value of new Set(predicate.in)) {
        const bits = this.features.get(listKey(predicate.field, value));
        if (bits) found.push(bits);
      }
    }
    return found;
  }

  private clearMember(memberNo: number): void {
    clearBit(this.present, memberNo);
    clearBit(this.adult, memberNo);
    for (const map of [this.features, this.consent, this.excluded]) {
      for (const bits of map.values()) clearBit(bits, memberNo);
    }
  }

  private bitsFor(map: Map<string, Bits>, key: string): Bits {
    let bits = map.get(key);
    if (!bits) {
      bits = new Uint32Array(this.words);
      map.set(key, bits);
    }
    return bits;
  }

  private ensureCapacity(memberNo: number): void {
    if (memberNo < this.words * 32) return;
    let capacity = this.words * 32;
    while (capacity <= memberNo) capacity *= 2;
    const words = wordsFor(capacity);
    this.present = resized(this.present, words);
    this.adult = resized(this.adult, words);
    for (const map of [this.features, this.consent, this.excluded]) {
      for (const [key, bits] of map) map.set(key, resized(bits, words));
    }
    this.generations = resized(this.generations, capacity);
    this.words = words;
  }
}
