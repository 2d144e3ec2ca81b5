import { describe, expect, it } from 'vitest';
import { Prng, WeightedTable, hash128, hashUint32 } from './prng';

describe('Prng', () => {
  it('gives the same sequence for the same key and another for another key', () => {
    const draw = (...key: (string | number)[]) => {
      const rng = new Prng(...key);
      return Array.from({ length: 8 }, () => rng.uint32());
    };
    expect(draw(42, 'customer', 1)).toEqual(draw(42, 'customer', 1));
    expect(draw(42, 'customer', 1)).not.toEqual(draw(43, 'customer', 1));
    expect(draw(42, 'customer', 1)).not.toEqual(draw(42, 'customer', 2));
  });

  it('stays in range and is roughly uniform', () => {
    const rng = new Prng('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]!++;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(4_600);
    for (let i = 0; i < 1_000; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
  });

  it('samples distinct items', () => {
    const picked = new Prng('sample').sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(picked).size).toBe(3);
    expect(new Prng('sample').sample(['a'], 5)).toEqual(['a']);
  });

  it('hashes strings stably', () => {
    expect(hash128('datadividend')).toEqual(hash128('datadividend'));
    expect(hashUint32('a', 1)).toBe(hashUint32('a', 1));
    expect(hashUint32('a', 1)).not.toBe(hashUint32('a', 2));
  });
});

describe('WeightedTable', () => {
  it('draws in proportion to the weights and never a zero weight', () => {
    const table = new WeightedTable([['common', 8], ['rare', 2], ['never', 0]] as const);
    const rng = new Prng('weights');
    const counts = { common: 0, rare: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.draw(rng)]++;
    expect(counts.never).toBe(0);
    expect(counts.common / 20_000).toBeGreaterThan(0.77);
    expect(counts.common / 20_000).toBeLessThan(0.83);
  });

  it('rejects a table without positive weights', () => {
    expect(() => new WeightedTable([['x', 0]])).toThrow(RangeError);
  });
});
