import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishEstimate, roundToSignificant, type AudienceEstimate } from './estimate';
import { hashMemberSet, noiseKeyMaterial } from './noise-key';
import { rational } from './rational';

const secret = 'estimate-test-secret-0123456789abcdef';
const epsilon = rational(1n, 2n);
const keyFor = (i: number | string) => noiseKeyMaterial({ memberSetHash: hashMemberSet([i]), snapshotId: 'snap-1', purpose: 'insights' });

function significantDigits(n: number): number {
  const digits = String(Math.abs(n)).replace(/0+$/, '');
  return n === 0 ? 0 : digits.length;
}

describe('roundToSignificant', () => {
  it.each([
    [0, 0],
    [7, 7],
    [10, 10],
    [99, 99],
    [100, 100],
    [104, 100],
    [105, 110],
    [149, 150],
    [994, 990],
    [995, 1000],
    [1234, 1200],
    [1250, 1300],
    [98765, 99000],
    [99499, 99000],
    [99500, 100000],
    [-1250, -1300],
    [-98765, -99000],
    [Number.MAX_SAFE_INTEGER, 9_000_000_000_000_000],
  ])('rounds %d to %d at two digits', (input, expected) => {
    expect(roundToSignificant(input, 2)).toBe(expected);
  });

  it('honours other digit counts', () => {
    expect(roundToSignificant(98765, 1)).toBe(100000);
    expect(roundToSignificant(98765, 3)).toBe(98800);
    expect(roundToSignificant(98765, 5)).toBe(98765);
  });

  it('rejects non-integers and bad digit counts', () => {
    expect(() => roundToSignificant(1.5, 2)).toThrow(RangeError);
    expect(() => roundToSignificant(100, 0)).toThrow(RangeError);
  });

  it('keeps at most two significant digits, within 5%, idempotent and monotone', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1e6 }), (n, step) => {
        const r = roundToSignificant(n, 2);
        expect(significantDigits(r)).toBeLessThanOrEqual(2);
        expect(Math.abs(r - n)).toBeLessThanOrEqual(Math.abs(n) / 20);
        expect(roundToSignificant(r, 2)).toBe(r);
        expect(roundToSignificant(n + step, 2)).toBeGreaterThanOrEqual(r);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('publishEstimate', () => {
  it('answers the same question the same way every time', () => {
    const answers = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      answers.add(JSON.stringify(publishEstimate({ trueCount: 150, epsilon, key: keyFor('same'), secret })));
    }
    expect(answers.size).toBe(1);
  });

  it('draws different noise for different member sets and snapshots', () => {
    // Below 100 two significant digits are exact, so the noise is visible in full.
    const estimate = (key: string) => JSON.stringify(publishEstimate({ trueCount: 50, epsilon, key, secret, minimumAudience: 10 }));
    const byMembers = new Set<string>();
    const bySnapshot = new Set<string>();
    for (let i = 0; i < 200; i++) {
      byMembers.add(estimate(keyFor(i)));
      bySnapshot.add(estimate(noiseKeyMaterial({ memberSetHash: hashMemberSet([1]), snapshotId: `snap-${i}`, purpose: 'insights' })));
    }
    expect(byMembers.size).toBeGreaterThan(8);
    expect(bySnapshot.size).toBeGreaterThan(8);
  });

  it('gives the same answer to differently written criteria that select the same members', () => {
    const first = noiseKeyMaterial({ memberSetHash: hashMemberSet([5, 9, 12]), snapshotId: 's', purpose: 'insights' });
    const second = noiseKeyMaterial({ memberSetHash: hashMemberSet([12, 5, 9]), snapshotId: 's', purpose: 'insights' });
    for (const trueCount of [120, 180, 4321]) {
      expect(publishEstimate({ trueCount, epsilon, key: first, secret })).toEqual(publishEstimate({ trueCount, epsilon, key: second, secret }));
    }
  });

  it('never shows a value under k for true counts 1..2k', () => {
    const k = 100;
    const seen: AudienceEstimate['kind'][] = [];
    for (let trueCount = 1; trueCount <= 2 * k; trueCount++) {
      for (let j = 0; j < 20; j++) {
        const estimate = publishEstimate({ trueCount, epsilon, key: keyFor(`${trueCount}/${j}`), secret, minimumAudience: k });
        seen.push(estimate.kind);
        if (estimate.kind === 'about') expect(estimate.value).toBeGreaterThanOrEqual(k);
        else expect(estimate.k).toBe(k);
        // Noise beyond 40 at scale 2 has probability about e^-20: small audiences stay hidden.
        if (trueCount <= k - 40) expect(estimate.kind).toBe('fewer-than');
      }
    }
    expect(seen).toContain('about');
    expect(seen).toContain('fewer-than');
  });

  it('thresholds the noisy value, not the true count', () => {
    // At a true count of exactly k, a true-count threshold would always show the audience; the
    // noisy threshold hides it about half of the time.
    const kinds = new Set<string>();
    for (let j = 0; j < 100; j++) kinds.add(publishEstimate({ trueCount: 100, epsilon, key: keyFor(`at-k/${j}`), secret }).kind);
    expect(kinds).toEqual(new Set(['about', 'fewer-than']));
  });

  it('is within 5% plus noise of large counts, with two significant digits', () => {
    const noiseBound = 60; // P(|noise| > 60) at scale 2 is about e^-30
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 1_000_000_000 }), fc.string(), (trueCount, key) => {
        const estimate = publishEstimate({ trueCount, epsilon, key, secret });
        expect(estimate.kind).toBe('about');
        if (estimate.kind !== 'about') return;
        expect(significantDigits(estimate.value)).toBeLessThanOrEqual(2);
        expect(Math.abs(estimate.value - trueCount)).toBeLessThanOrEqual(0.05 * (trueCount + noiseBound) + noiseBound);
      }),
      { numRuns: 500, seed: 20_240_601 },
    );
  });

  it('rejects invalid input', () => {
    expect(() => publishEstimate({ trueCount: 10, epsilon, key: 'k', secret: 'short' })).toThrow(RangeError);
    expect(() => publishEstimate({ trueCount: 10, epsilon: { num: 0n, den: 1n }, key: 'k', secret })).toThrow(RangeError);
    expect(() => publishEstimate({ trueCount: -1, epsilon, key: 'k', secret })).toThrow(RangeError);
    expect(() => publishEstimate({ trueCount: 10, epsilon, key: 'k', secret, minimumAudience: 0 })).toThrow(RangeError);
  });
});
