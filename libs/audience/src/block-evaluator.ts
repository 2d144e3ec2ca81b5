import { popcountWord, type Bits } from './bitset';

/** A criteria tree with every criterion resolved to the stored bitsets whose union it is. */
export type Plan =
  | { kind: 'sets'; sets: readonly Bits[] }
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
const BLOCK = 2_048;

/**
 * Evaluates a plan block by block over `words` words and hands each finished block to `sink`.
 * The universe for `not` is `universe` (the people the index knows).
 */
export class BlockEvaluator {
  private readonly scratch: Uint32Array[] = [];

  constructor(
    private readonly plan: Plan,
    private readonly universe: Bits,
    private readonly eligibility: Eligibility,
  ) {}

  run(words: number, sink: (start: number, block: Uint32Array, length: number) => void): void {
    for (let start = 0; start < words; start += BLOCK) {
      const length = Math.min(BLOCK, words - start);
      const out = this.buffer(0);
      this.evaluate(this.plan, 0, start, length);
      for (const bits of this.eligibility.require) for (let i = 0; i < length; i++) out[i]! &= bits[start + i]!;
      for (const bits of this.eligibility.exclude) for (let i = 0; i < length; i++) out[i]! &= ~bits[start + i]!;
      sink(start, out, length);
    }
  }

  count(words: number): number {
    let total = 0;
    this.run(words, (_start, block, length) => {
      for (let i = 0; i < length; i++) total += popcountWord(block[i]!);
    });
    return total;
  }

  private buffer(level: number): Uint32Array {
    let buffer = this.scratch[level];
    if (!buffer) {
      buffer = new Uint32Array(BLOCK);
      this.scratch[level] = buffer;
    }
    return buffer;
  }

  /** Writes the node's words start..start+length into the scratch buffer of `level`. */
  private evaluate(node: Plan, level: number, start: number, length: number): void {
    const out = this.buffer(level);
    switch (node.kind) {
      case 'sets': {
        const [first, ...rest] = node.sets;
        if (!first) {
          out.fill(0, 0, length);
          return;
        }
        for (let i = 0; i < length; i++) out[i] = first[start + i]!;
        for (const bits of rest) for (let i = 0; i < length; i++) out[i]! |= bits[start + i]!;
        return;
      }
      case 'not': {
        this.evaluate(node.of, level, start, length);
        const universe = this.universe;
        for (let i = 0; i < length; i++) out[i] = universe[start + i]! & ~out[i]!;
        return;
      }
      case 'all':
      case 'any': {
        const [first, ...rest] = node.of;
        if (!first) {
          if (node.kind === 'all') for (let i = 0; i < length; i++) out[i] = this.universe[start + i]!;
          else out.fill(0, 0, length);
          return;
        }
        this.evaluate(first, level, start, length);
        for (const child of rest) {
          if (node.kind === 'any' && child.kind === 'sets') {
            // A union of unions: OR the child's bitsets straight in.
            for (const bits of child.sets) for (let i = 0; i < length; i++) out[i]! |= bits[start + i]!;
          } else if (node.kind === 'all' && child.kind === 'sets' && child.sets.length === 1) {
            const bits = child.sets[0]!;
            for (let i = 0; i < length; i++) out[i]! &= bits[start + i]!;
          } else {
            this.evaluate(child, level + 1, start, length);
            const inner = this.buffer(level + 1);
            if (node.kind === 'all') for (let i = 0; i < length; i++) out[i]! &= inner[i]!;
            else for (let i = 0; i < length; i++) out[i]! |= inner[i]!;
          }
        }
        return;
      }
    }
  }
}
