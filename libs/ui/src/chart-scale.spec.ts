import { describe, expect, it } from 'vitest';
import { barFraction, niceTicks } from './chart-scale';

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(124_900)).toEqual([0, 50_000, 100_000, 150_000]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('never uses more steps than asked', () => {
    for (const max of [1, 3, 9, 11, 99, 101, 12_345, 987_654]) {
      const ticks = niceTicks(max, 4);
      expect(ticks.length - 1).toBeLessThanOrEqual(4);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
  });

  it('gives a usable axis without data', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('barFraction', () => {
  it('is the share of the axis, clamped', () => {
    expect(barFraction(50, 200)).toBe(0.25);
    expect(barFraction(-50, 200)).toBe(0.25);
    expect(barFraction(500, 200)).toBe(1);
    expect(barFraction(5, 0)).toBe(0);
  });
});
