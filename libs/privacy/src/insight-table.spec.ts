import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { noisyHistogram } from './insight-table';
import { keyedRandomSource } from './random-source';
import { rational } from './rational';

const source = (label: string) => keyedRandomSource(createHash('sha256').update(label).digest());

describe('noisyHistogram', () => {
  const cells = new Map([
    ['18-24', 0],
    ['25-34', 2],
    ['35-44', 1200],
    ['45-54', 800],
    ['55-64', 5],
  ]);

  it('states its epsilon and mechanism', () => {
    const table = noisyHistogram({ cells, epsilon: rational(1n, 2n), source: source('state'), threshold: 20 });
    expect(table.epsilon).toEqual({ num: 1n, den: 2n });
    expect(table.epsilonStated).toBe('1/2');
    expect(table.mechanism).toBe('discrete-laplace');
    expect(table.threshold).toBe(20);
  });

  it('marks small cells as suppressed instead of dropping them, and shows large ones noised', () => {
    const table = noisyHistogram({ cells, epsilon: rational(1n), source: source('suppress'), threshold: 20 });
    expect(table.cells.map((c) => c.key)).toEqual([...cells.keys()]);
    const byKey = new Map(table.cells.map((c) => [c.key, c]));
    for (const key of ['18-24', '25-34', '55-64']) {
      const cell = byKey.get(key)!;
      expect(cell.suppressed).toBe(true);
      expect(cell).not.toHaveProperty('count');
    }
    for (const [key, trueCount] of [['35-44', 1200], ['45-54', 800]] as const) {
      const cell = byKey.get(key)!;
      expect(cell.suppressed).toBe(false);
      if (!cell.suppressed) {
        expect(Number.isInteger(cell.count)).toBe(true);
        expect(Math.abs(cell.count - trueCount)).toBeLessThan(30);
      }
    }
  });

  it('adds noise: repeated tables with fresh randomness differ', () => {
    const counts = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const cell = noisyHistogram({ cells, epsilon: rational(1n), source: source(`fresh-${i}`), threshold: 20 }).cells[2]!;
      if (!cell.suppressed) counts.add(cell.count);
    }
    expect(counts.size).toBeGreaterThan(3);
  });

  it('suppresses on the noisy count: a cell at the threshold is sometimes shown, sometimes not', () => {
    const outcomes = new Set<boolean>();
    for (let i = 0; i < 100; i++) {
      outcomes.add(noisyHistogram({ cells: new Map([['only', 20]]), epsilon: rational(1n), source: source(`edge-${i}`), threshold: 20 }).cells[0]!.suppressed);
    }
    expect(outcomes).toEqual(new Set([true, false]));
  });

  it('rejects invalid input', () => {
    const s = source('invalid');
    expect(() => noisyHistogram({ cells: new Map([['a', -1]]), epsilon: rational(1n), source: s, threshold: 5 })).toThrow(RangeError);
    expect(() => noisyHistogram({ cells, epsilon: rational(1n), source: s, threshold: 0 })).toThrow(RangeError);
    expect(() => noisyHistogram({ cells, epsilon: { num: 0n, den: 1n }, source: s, threshold: 5 })).toThrow(RangeError);
  });
});
