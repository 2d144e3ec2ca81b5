import { Sfc32 } from '@dd/random';

/**
 * The benchmarks' seeded PRNG (sfc32 from @dd/random, seeded by a string hash): the same seed gives
 * the same segments on every machine and run.
 */
export class BenchRandom extends Sfc32 {
  constructor(seed: number | string) {
    let h1 = 1779033703;
    let h2 = 3144134277;
    const text = `dd-bench|${seed}`;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = Math.imul(h2 ^ k, 2869860233) ^ h1;
    }
    super(h1, h2, h1 ^ h2, 1, 16);
  }

  /** `count` distinct items, in the list's order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(count, items.length);
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i] as T);
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let target = this.next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
}
