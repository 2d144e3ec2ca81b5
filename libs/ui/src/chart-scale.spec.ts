import { describe, expect, it } from 'vitest';
import { barFraction, niceTicks, tickStep } from './chart-scale';
import { formatEuroTick } from './format-amount';

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

/** Intl puts a no-break space after the euro sign. */
const label = (cents: number, step: number) => formatEuroTick(cents, step).replace(/\u00a0/g, ' ');

describe('axis labels never repeat', () => {
  // Every maximum from 1 cent to € 100.000 on a rough log scale, plus the awkward ones around steps.
  const maxima = [
    ...Array.from({ length: 400 }, (_, i) => i + 1),
    ...Array.from({ length: 300 }, (_, i) => Math.round(10 ** (2.5 + (i / 300) * 5))),
    99, 101, 149, 150, 151, 199, 250, 999, 1_001, 12_345, 9_999_999,
  ];

  it('euro amounts in cents: distinct ticks get distinct labels, and the axis covers the data', () => {
    for (const max of maxima) {
      const ticks = niceTicks(max, 4, 1);
      const step = tickStep(ticks);
      const labels = ticks.map((tick) => formatEuroTick(tick, step));
      expect(new Set(labels).size, `max ${max}: ${labels.join(' | ')}`).toBe(labels.length);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(4);
      expect(ticks.every((tick) => Number.isInteger(tick))).toBe(true);
    }
  });

  it('small amounts use cents: € 1,50 is not "€ 0, € 1, € 1, € 2"', () => {
    const ticks = niceTicks(150, 4, 1);
    expect(ticks.map((tick) => label(tick, tickStep(ticks)))).toEqual(['€ 0,00', '€ 0,50', '€ 1,00', '€ 1,50']);
    const cents = niceTicks(3, 4, 1);
    expect(cents.map((tick) => label(tick, tickStep(cents)))).toEqual(['€ 0,00', '€ 0,01', '€ 0,02', '€ 0,03']);
  });

  it('whole euros once the step is a whole euro', () => {
    const ticks = niceTicks(124_900, 4, 1);
    expect(ticks.map((tick) => label(tick, tickStep(ticks)))).toEqual(['€ 0', '€ 500', '€ 1.000', '€ 1.500']);
  });

  it('counts get whole steps only', () => {
    for (const max of maxima) {
      const ticks = niceTicks(max, 4, 1);
      const labels = ticks.map((tick) => tick.toLocaleString('nl-NL', { maximumFractionDigits: 0 }));
      expect(new Set(labels).size).toBe(labels.length);
    }
    expect(niceTicks(10, 4, 1)).toEqual([0, 5, 10]);
    expect(niceTicks(1, 4, 1)).toEqual([0, 1]);
    expect(niceTicks(0, 4, 1)).toEqual([0, 1]);
  });
});
