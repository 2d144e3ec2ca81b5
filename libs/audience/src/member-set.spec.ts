import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKETCH_BUCKETS, encodeSketch, sketchDistance, sketchOf } from './delivery-guard';
import { decodeMemberSet, encodeMemberSet, hashMemberNumbers, symmetricDifferenceAtLeast } from './member-set';

const setArb = fc.uniqueArray(fc.nat({ max: 5_000 }), { maxLength: 300 }).map((values) => Uint32Array.from(values).sort());

function exactDifference(a: Uint32Array, b: Uint32Array): number {
  const [x, y] = [new Set(a), new Set(b)];
  return [...x].filter((v) => !y.has(v)).length + [...y].filter((v) => !x.has(v)).length;
}

describe('member sets', () => {
  it('round-trip through their stored form, and hash by content', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        expect(decodeMemberSet(encodeMemberSet(set))).toEqual(set);
        expect(hashMemberNumbers(set)).toBe(hashMemberNumbers(Uint32Array.from(set)));
      }),
    );
    expect(hashMemberNumbers(Uint32Array.from([1, 2]))).not.toBe(hashMemberNumbers(Uint32Array.from([1, 3])));
  });

  it('refuses unsorted or repeated member numbers', () => {
    expect(() => encodeMemberSet(Uint32Array.from([2, 1]))).toThrow(/ascending/);
    expect(() => encodeMemberSet(Uint32Array.from([1, 1]))).toThrow(/ascending/);
  });

  it('counts the symmetric difference exactly up to the limit', () => {
    fc.assert(
      fc.property(setArb, setArb, fc.integer({ min: 1, max: 400 }), (a, b, limit) => {
        expect(symmetricDifferenceAtLeast(a, b, limit)).toBe(Math.min(limit, exactDifference(a, b)));
      }),
    );
  });

  it('sketch distance never exceeds the symmetric difference (so it can only rule sets out safely)', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const [sa, sb] = [sketchOf(a), sketchOf(b)];
        expect(sa).toHaveLength(SKETCH_BUCKETS);
        const distance = sketchDistance(sa, encodeSketch(sb));
        expect(distance).toBeLessThanOrEqual(exactDifference(a, b));
      }),
    );
  });
});
