import { Sfc32 } from '@dd/random';

/**
 * The seed's PRNG (sfc32 from @dd/random, seeded through the cyrb128 string hash). Every customer and every
 * customer-month gets its own stream keyed by (seed, purpose, index, …), so the output for one
 * customer never depends on how many customers are generated or in which order.
 */

type Part = string | number;

/** cyrb128: four 32-bit words from a string; good avalanche, no dependencies. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A stable unsigned 32-bit number for a key, e.g. the store number of a chain in a town. */
export function hashUint32(...parts: Part[]): number {
  return hash128(parts.join('|'))[0];
}

export class Prng extends Sfc32 {
  constructor(...parts: Part[]) {
    const [a, b, c, d] = hash128(parts.join('|'));
    super(a, b, c, d, 12);
  }

  /** Normal distribution (Box–Muller), for amounts that cluster around a typical value. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Integer cents in [min, max], skewed towards min: many small purchases, a few big ones. */
  skewedCents(min: number, max: number): number {
    const u = this.next();
    return Math.round(min + (max - min) * u * u);
  }

  /** `count` distinct items in random order (count is capped at the list's length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, n);
  }
}

/** Weighted choice with a prebuilt cumulative table and binary search: O(log n) per draw. */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = [];
    this.cumulative = [];
    let sum = 0;
    for (const [value, weight] of entries) {
      if (!(weight >= 0)) throw new RangeError('weights must be non-negative numbers');
      if (weight === 0) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (sum === 0) throw new RangeError('a weighted table needs at least one positive weight');
    this.total = sum;
  }

  draw(rng: Prng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
