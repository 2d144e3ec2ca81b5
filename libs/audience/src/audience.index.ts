import type { SegmentNode } from '@dd/contract';
import {
  clearBit,
  resized,
  setBit,
  toMemberNumbers,
  wordsFor,
  type Bits,
} from './bitset';
import { BitsetArena } from './bitset-arena';
import { BlockEvaluator, SCRATCH_BYTES, type Plan } from './block-evaluator';
import { CriterionPlanner } from './criterion-plan';
import { ExpiryQueue } from './expiry-queue';
import { atLeastKey, consentKey, FeatureKeys, MAX_SPEND_BAND, SINGLE_VALUED, SINGLE_VALUED_FIELDS, VALUED_KEYS, valuedKey } from './feature-keys';
import type { AudienceQuery, MemberState } from './member-state';

const INITIAL_CAPACITY = 1024;

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
  /** Where every bitset lives: one WebAssembly memory, so the SIMD kernels can count over them. */
  private arena = new BitsetArena(this.words, SCRATCH_BYTES);
  private present: Bits = this.allocate();
  private adult: Bits = this.allocate();
  private readonly features = new Map<string, Bits>();
  private readonly consent = new Map<string, Bits>();
  private readonly excluded = new Map<string, Bits>();
  /**
   * Derived from `features` (see rebuildDerived): per spending category, who spends band ≥ k (a band
   * range is one or two passes instead of up to five), and per single-valued field, who has a value.
   */
  private readonly derived = new Map<string, Bits>();
  private readonly keys = new FeatureKeys();
  private readonly planner = new CriterionPlanner(this.features, this.derived);
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
    const bitsets = 2 + this.features.size + this.consent.size + this.excluded.size + this.derived.size;
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
    for (const field of SINGLE_VALUED_FIELDS) {
      const value = features[field];
      if (value === null) continue;
      setBit(this.bitsFor(this.features, this.keys.list(field, value)), memberNo);
      setBit(this.bitsFor(this.derived, VALUED_KEYS[field]), memberNo);
    }
    for (const interest of features.interests) setBit(this.bitsFor(this.features, this.keys.list('interest', interest)), memberNo);
    for (const [category, band] of Object.entries(features.spendBands)) {
      if (!Number.isInteger(band) || band < 1 || band > MAX_SPEND_BAND) continue;
      const keys = this.keys.spend(category);
      setBit(this.bitsFor(this.features, keys.band[band]!), memberNo);
      for (let k = 1; k <= band; k++) setBit(this.bitsFor(this.derived, keys.atLeast[k]!), memberNo);
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
    const key = consentKey(category, purpose);
    for (const memberNo of memberNos) {
      this.ensureCapacity(memberNo);
      // Looked up per member: growing the index replaces every bitset.
      setBit(this.bitsFor(this.consent, key), memberNo);
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
    for (const memberNo of memberNos) {
      this.ensureCapacity(memberNo);
      setBit(this.bitsFor(this.excluded, industry), memberNo);
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
    const span = this.words * 32;
    out.resize(this.words * copies, 2 + this.bitsetMaps().reduce((n, map) => n + map.size, 0));
    const tile = (bits: Bits, into: Bits) => {
      for (let c = 0; c < copies; c++) into.set(bits, c * this.words);
    };
    tile(this.present, out.present);
    tile(this.adult, out.adult);
    for (const [from, to] of [[this.features, out.features], [this.consent, out.consent], [this.excluded, out.excluded], [this.derived, out.derived]] as const) {
      for (const [key, bits] of from) tile(bits, out.bitsFor(to, key));
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
    this.evaluator(query, now)?.run(this.words, (start, block, length) => result.set(block.subarray(0, length), start));
    return result;
  }

  count(query: AudienceQuery, now = Date.now()): number {
    return this.evaluator(query, now)?.count(this.words) ?? 0;
  }

  /** The eligible member numbers, ascending. */
  memberNumbers(query: AudienceQuery, now = Date.now()): Uint32Array {
    return toMemberNumbers(this.evaluate(query, now));
  }

  /** Undefined when nobody can be eligible, whatever the criteria: there is nothing to evaluate. */
  private evaluator(query: AudienceQuery, now: number): BlockEvaluator | undefined {
    this.expire(now);
    // Adults are always present too (apply sets both, clearMember clears both): `adult` alone says both.
    const require: Bits[] = [this.adult];
    // No category means nothing was asked consent for: nobody counts.
    if (query.categories.length === 0) return undefined;
    for (const category of query.categories) {
      const consent = this.consent.get(consentKey(category, query.purpose));
      if (!consent) return undefined;
      require.push(consent);
    }
    const excluded = query.industry === null ? undefined : this.excluded.get(query.industry);
    return new BlockEvaluator(this.arena, this.plan(query.tree), this.present, { require, exclude: excluded ? [excluded] : [] });
  }

  private plan(node: SegmentNode): Plan {
    if ('field' in node) return this.planner.plan(node);
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

  /** Recomputes the derived bitsets from `features` (after the base bitsets were restored from elsewhere). */
  private rebuildDerived(): void {
    for (const bits of this.derived.values()) bits.fill(0);
    const sources: [string, string][] = [];
    for (const key of this.features.keys()) {
      const [field, value, band] = key.split('\u0000') as [string, string, string | undefined];
      if (field === 'spend') for (let k = 1; k <= Number(band); k++) sources.push([key, atLeastKey(value, k)]);
      else if (SINGLE_VALUED.has(field)) sources.push([key, valuedKey(field)]);
    }
    // Allocate first: a new bitset may grow the arena, which re-makes every view.
    for (const [, target] of sources) this.bitsFor(this.derived, target);
    const bytes = this.arena.stride;
    for (const [source, target] of sources) this.arena.kernels.or(this.derived.get(target)!.byteOffset, this.features.get(source)!.byteOffset, bytes);
  }

  private clearMember(memberNo: number): void {
    // Feature bits (and those derived from them) are only ever set together with `present`, so a
    // member who is not present has none: a full build of new members skips most bitsets.
    if (this.has(memberNo)) {
      clearBit(this.adult, memberNo);
      for (const map of [this.features, this.derived]) for (const bits of map.values()) clearBit(bits, memberNo);
    }
    clearBit(this.present, memberNo);
    // Consent and exclusions are also loaded for members not (yet) applied.
    for (const map of [this.consent, this.excluded]) for (const bits of map.values()) clearBit(bits, memberNo);
  }

  private bitsFor(map: Map<string, Bits>, key: string): Bits {
    let bits = map.get(key);
    if (!bits) {
      bits = this.allocate();
      map.set(key, bits);
    }
    return bits;
  }

  /** A new zeroed bitset in the arena; when that grew the memory, every older view is re-made. */
  private allocate(): Bits {
    const { bits, grew } = this.arena.allocate();
    if (grew) this.rebindViews();
    return bits;
  }

  private rebindViews(): void {
    const arena = this.arena;
    // Also called from the field initialisers, before present/adult and the maps exist.
    if (this.present) this.present = arena.rebind(this.present);
    if (this.adult) this.adult = arena.rebind(this.adult);
    for (const map of this.bitsetMaps()) {
      for (const [key, bits] of map) map.set(key, arena.rebind(bits));
    }
  }

  private bitsetMaps(): Map<string, Bits>[] {
    return [this.features, this.consent, this.excluded, this.derived].filter((map) => map !== undefined);
  }

  private ensureCapacity(memberNo: number): void {
    if (memberNo < this.words * 32) return;
    let capacity = this.words * 32;
    while (capacity <= memberNo) capacity *= 2;
    this.resize(wordsFor(capacity));
  }

  /**
   * Moves every bitset into a new arena of `words` words per bitset (zero-padded or cut), with room
   * for `slots` bitsets before its memory has to grow.
   */
  private resize(words: number, slots = 0): void {
    const maps = this.bitsetMaps();
    const from = this.arena;
    const to = new BitsetArena(words, SCRATCH_BYTES, Math.max(slots, 2 + maps.reduce((n, map) => n + map.size, 0)));
    const move = (bits: Bits): Bits => {
      const { bits: next } = to.allocate();
      next.set(bits.length <= words ? bits : bits.subarray(0, words));
      return next;
    };
    this.present = move(from.rebind(this.present));
    this.adult = move(from.rebind(this.adult));
    for (const map of maps) for (const [key, bits] of map) map.set(key, move(from.rebind(bits)));
    this.generations = resized(this.generations, words * 32);
    this.arena = to;
    this.words = words;
  }

  /**
   * Everything the index holds, for a snapshot file. Copies, so a snapshot written asynchronously
   * stays the state of one moment while changes go on being applied. Expiry entries are shared, not
   * copied (nothing ever changes one; there can be more than a million): only the list is new, and
   * it may hold entries of an older generation, which the generations say are void.
   */
  snapshotParts(): AudienceIndexParts {
    const copies = (map: Map<string, Bits>) => [...map].map(([key, bits]) => [key, bits.slice()] as [string, Bits]);
    return {
      words: this.words,
      members: this.members,
      present: this.present.slice(),
      adult: this.adult.slice(),
      features: copies(this.features),
      consent: copies(this.consent),
      excluded: copies(this.excluded),
      generations: this.generations.slice(),
      expiries: this.expiries.entries().slice(),
    };
  }

  /** The index a snapshot's parts describe; throws if they do not fit together (checked before, so a bug, not a bad file). */
  static fromParts(parts: AudienceIndexParts): AudienceIndex {
    const { words } = parts;
    const sets = [parts.present, parts.adult, ...[...parts.features, ...parts.consent, ...parts.excluded].map(([, bits]) => bits)];
    if (!Number.isInteger(words) || words < 1 || sets.some((bits) => bits.length !== words) || parts.generations.length !== words * 32) {
      throw new RangeError('snapshot parts do not match their word count');
    }
    const index = new AudienceIndex();
    index.resize(words, sets.length);
    index.present.set(parts.present);
    index.adult.set(parts.adult);
    for (const [map, entries] of [[index.features, parts.features], [index.consent, parts.consent], [index.excluded, parts.excluded]] as const) {
      for (const [key, bits] of entries) index.bitsFor(map, key).set(bits);
    }
    index.generations = parts.generations.slice();
    for (const entry of parts.expiries) {
      if (entry.member >= parts.generations.length) throw new RangeError('snapshot expiry outside the index');
      index.expiries.push(entry);
    }
    index.members = parts.members;
    // Structures derived from the bitsets (if the index keeps any) are recomputed, never stored.
    (index as unknown as { rebuildDerived?: () => void }).rebuildDerived?.();
    return index;
  }
}

/** What a snapshot of an AudienceIndex holds (see AudienceIndex.snapshotParts and audience.snapshot.ts). */
export interface AudienceIndexParts {
  /** 32-bit words per bitset; the index addresses members 0 … words × 32 − 1. */
  words: number;
  members: number;
  present: Bits;
  adult: Bits;
  features: [key: string, bits: Bits][];
  consent: [key: string, bits: Bits][];
  excluded: [key: string, bits: Bits][];
  /** One per member number (words × 32). */
  generations: Bits;
  /** Dated grants still to expire; `key` is one of the consent keys. Never changed once made. */
  expiries: readonly Parameters<ExpiryQueue['push']>[0][];
}
