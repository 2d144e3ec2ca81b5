import type { Bits } from './bitset';
import { ALIGN_WORDS, type BitsetArena } from './bitset-arena';

/**
 * A criteria tree with every criterion resolved to stored bitsets: `sets` is the union of `sets`
 * minus the union of `minus` (a complement or a band range read from fewer, precomputed sets).
 */
export type Plan =
  | { kind: 'sets'; sets: readonly Bits[]; minus?: readonly Bits[] }
  | { kind: 'not'; of: Plan }
  | { kind: 'all' | 'any'; of: readonly Plan[] };

/** Who may be counted at all: every bitset in `require` must hold, none in `exclude`. */
export interface Eligibility {
  require: readonly Bits[];
  exclude: readonly Bits[];
}

/**
 * Words per block: 2,048 words (8 KiB) per scratch buffer keeps the whole evaluation of one block,
 * every level of the tree, inside the CPU's L1/L2 cache, instead of streaming a full-size temporary
 * through memory for every criterion.
 */
export const BLOCK = 2_048;
/** Scratch levels reserved in every arena: one per nesting level of all/any (segments are at most 4 deep). */
export const SCRATCH_LEVELS = 32;
export const SCRATCH_BYTES = SCRATCH_LEVELS * BLOCK * 4;

/** The plan with every bitset replaced by its byte offset in the arena, as the kernels take them. */
type Compiled =
  | { kind: 'sets'; sets: number[]; minus: number[] }
  | { kind: 'not'; of: Compiled }
  | { kind: 'all' | 'any'; of: Compiled[] };

/**
 * Evaluates a plan block by block over `words` words with the arena's SIMD kernels and hands each
 * finished block to `sink`. The universe for `not` is `universe` (the people the index knows).
 * Every bitset must be a live view of the arena: the evaluator reads them by offset.
 */
export class BlockEvaluator {
  private readonly plan: Compiled;
  private readonly universe: number;
  private readonly require: number[];
  private readonly exclude: number[];

  constructor(
    private readonly arena: BitsetArena,
    plan: Plan,
    universe: Bits,
    eligibility: Eligibility,
  ) {
    this.plan = this.compile(plan, 0);
    this.universe = this.offset(universe);
    this.require = eligibility.require.map((bits) => this.offset(bits));
    this.exclude = eligibility.exclude.map((bits) => this.offset(bits));
  }

  run(words: number, sink: (start: number, block: Uint32Array, length: number) => void): void {
    const k = this.arena.kernels;
    for (let start = 0; start < words; start += BLOCK) {
      const length = Math.min(BLOCK, words - start);
      const bytes = padded(length);
      const at = start * 4;
      this.evaluate(this.plan, 0, at, bytes);
      for (const bits of this.require) k.and(0, bits + at, bytes);
      for (const bits of this.exclude) k.andNot(0, bits + at, bytes);
      sink(start, new Uint32Array(this.arena.buffer, 0, length), length);
    }
  }

  count(words: number): number {
    const k = this.arena.kernels;
    const require = this.require;
    const exclude = this.exclude;
    // The last eligibility step is fused with the popcount: one pass less over every block.
    const lastRequire = exclude.length === 0 ? require.length - 1 : require.length;
    const lastExclude = exclude.length - 1;
    let total = 0;
    for (let start = 0; start < words; start += BLOCK) {
      const bytes = padded(Math.min(BLOCK, words - start));
      const at = start * 4;
      this.evaluate(this.plan, 0, at, bytes);
      for (let r = 0; r < lastRequire; r++) k.and(0, require[r]! + at, bytes);
      for (let e = 0; e < lastExclude; e++) k.andNot(0, exclude[e]! + at, bytes);
      if (lastExclude >= 0) total += k.andNotCount(0, exclude[lastExclude]! + at, bytes);
      else if (lastRequire >= 0) total += k.andCount(0, require[lastRequire]! + at, bytes);
      else total += k.popcount(0, bytes);
    }
    return total;
  }

  private offset(bits: Bits): number {
    if (!this.arena.holds(bits)) throw new Error('the evaluator reads only live bitsets of its arena');
    return bits.byteOffset;
  }

  private compile(node: Plan, level: number): Compiled {
    if (level >= SCRATCH_LEVELS) throw new RangeError(`a segment nested deeper than ${SCRATCH_LEVELS} levels cannot be counted`);
    switch (node.kind) {
      case 'sets':
        return { kind: 'sets', sets: node.sets.map((bits) => this.offset(bits)), minus: (node.minus ?? []).map((bits) => this.offset(bits)) };
      case 'not':
        return { kind: 'not', of: this.compile(node.of, level) };
      case 'all':
      case 'any':
        return { kind: node.kind, of: node.of.map((child) => this.compile(child, level + 1)) };
    }
  }

  /** Writes the node's words at byte `at`..`at + bytes` into the scratch buffer of `level`. */
  private evaluate(node: Compiled, level: number, at: number, bytes: number): void {
    const k = this.arena.kernels;
    const out = level * BLOCK * 4;
    switch (node.kind) {
      case 'sets': {
        const { sets, minus } = node;
        if (sets.length === 0) k.zero(out, bytes);
        else if (sets.length === 1) k.copy(out, sets[0]! + at, bytes);
        else k.or2(out, sets[0]! + at, sets[1]! + at, bytes);
        for (let i = 2; i < sets.length; i++) k.or(out, sets[i]! + at, bytes);
        for (const bits of minus) k.andNot(out, bits + at, bytes);
        return;
      }
      case 'not':
        this.evaluate(node.of, level, at, bytes);
        k.complement(out, this.universe + at, bytes);
        return;
      case 'all':
      case 'any': {
        const children = node.of;
        if (children.length === 0) {
          if (node.kind === 'all') k.copy(out, this.universe + at, bytes);
          else k.zero(out, bytes);
          return;
        }
        this.evaluate(children[0]!, level, at, bytes);
        const inner = out + BLOCK * 4;
        for (let c = 1; c < children.length; c++) {
          const child = children[c]!;
          if (child.kind === 'sets' && node.kind === 'any' && child.minus.length === 0) {
            // A union of unions: OR the child's bitsets straight in.
            for (const bits of child.sets) k.or(out, bits + at, bytes);
          } else if (child.kind === 'sets' && node.kind === 'all' && child.sets.length === 1) {
            // x & (a & ~b) = (x & a) & ~b: no scratch pass for a single set, with or without a minus.
            k.and(out, child.sets[0]! + at, bytes);
            for (const bits of child.minus) k.andNot(out, bits + at, bytes);
          } else if (child.kind === 'sets' && node.kind === 'all' && child.sets.length === 0) {
            k.zero(out, bytes);
          } else {
            this.evaluate(child, level + 1, at, bytes);
            if (node.kind === 'all') k.and(out, inner, bytes);
            else k.or(out, inner, bytes);
          }
        }
        return;
      }
    }
  }
}

/** Bytes the kernels run over for `words` words: rounded up to their 64-byte unit. */
function padded(words: number): number {
  return Math.ceil(words / ALIGN_WORDS) * ALIGN_WORDS * 4;
}
