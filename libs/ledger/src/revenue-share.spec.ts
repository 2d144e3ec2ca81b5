import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASIS_POINTS, apportion, splitSale, type SaleSplit } from './revenue-share';

/** xorshift32: cheap deterministic numbers from the generated seed (100,000 keys cost no generator time). */
function xorshift(seed: number): () => number {
  let state = seed | 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/** Distinct uuid-shaped member keys derived from a seed (the index makes them unique). */
function memberKeys(seed: number, count: number): string[] {
  const next = xorshift(seed);
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
  return Array.from({ length: count }, (_, i) => `${hex(next(), 8)}-${hex(next(), 4)}-4${hex(next(), 3)}-${hex(next(), 4)}-${hex(i, 12)}`);
}

/** A deterministic Fisher-Yates shuffle driven by the generated seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  const next = xorshift(seed ^ 0x5bd1e995);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The three properties the product promises, checked with exact integer arithmetic. */
function expectFairSplit(split: SaleSplit, amountCents: number, memberShareBp: number, memberCount: number): void {
  const total = split.members.reduce((sum, m) => sum + BigInt(m.cents), 0n) + BigInt(split.platformFeeCents);
  expect(total).toBe(BigInt(amountCents));
  expect(split.members).toHaveLength(memberCount);
  // |share − A·bp/(10000·N)| < 1  ⇔  |share·N·10000 − A·bp| < N·10000
  const exact = BigInt(amountCents) * BigInt(memberShareBp);
  const scale = BigInt(memberCount) * BigInt(BASIS_POINTS);
  for (const member of split.members) {
    const diff = BigInt(member.cents) * scale - exact;
    if (diff >= scale || -diff >= scale) {
      throw new Error(`member ${member.key} got ${member.cents} cents, more than a cent from its quota ${Number(exact) / Number(scale)}`);
    }
  }
  // The fee is the exact 30% plus at most the sub-cent the members' pool rounds away.
  const feeExact = BigInt(amountCents) * BigInt(BASIS_POINTS - memberShareBp);
  const feeScaled = BigInt(split.platformFeeCents) * BigInt(BASIS_POINTS);
  expect(feeScaled >= feeExact && feeScaled - feeExact < BigInt(BASIS_POINTS)).toBe(true);
}

/** Deep equality of 100,000 objects is slow in expect(); the JSON text says the same. */
const sameSplit = (a: SaleSplit, b: SaleSplit) => expect(JSON.stringify(a) === JSON.stringify(b)).toBe(true);

const amount = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 10_000_000_000 }), fc.maxSafeNat().filter((n) => n > 0));
const share = fc.oneof(fc.constant(7_000), fc.integer({ min: 0, max: BASIS_POINTS }));

describe('apportion (largest remainder)', () => {
  it('sums exactly to the total and keeps every part within one unit of its quota', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 200 }), (total, raw) => {
        const weights = raw.some((w) => w > 0) ? raw : [...raw.slice(1), 1];
        const parts = apportion(total, weights);
        const sum = BigInt(weights.reduce((a, b) => a + b, 0));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          const diff = BigInt(part) * sum - BigInt(total) * BigInt(weights[i]!);
          expect(diff < sum && -diff < sum).toBe(true);
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the units left over to the largest remainders, ties in list order', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(10, [1, 2, 4])).toEqual([1, 3, 6]); // quotas 1.43, 2.86, 5.71
    expect(apportion(0, [3, 5])).toEqual([0, 0]);
    expect(() => apportion(5, [0, 0])).toThrow(/positive/);
  });
});

describe('splitSale', () => {
  it('splits a sale 70/30 in whole cents, the spare cents going by member order', () => {
    const split = splitSale({ amountCents: 1_000, memberShareBp: 7_000, memberKeys: ['c', 'a', 'b'] });
    expect(split).toEqual({
      members: [
        { key: 'a', cents: 234 },
        { key: 'b', cents: 233 },
        { key: 'c', cents: 233 },
      ],
      memberPoolCents: 700,
      platformFeeCents: 300,
    });
    // 70% of 999 cents is 699.3: the pool is 699, the platform keeps 300.
    expect(splitSale({ amountCents: 999, memberShareBp: 7_000, memberKeys: ['a'] })).toMatchObject({ memberPoolCents: 699, platformFeeCents: 300 });
  });

  it('refuses a duplicate member, an empty member set and amounts that are not whole cents', () => {
    expect(() => splitSale({ amountCents: 100, memberShareBp: 7_000, memberKeys: ['a', 'b', 'a'] })).toThrow(/appears twice/);
    expect(() => splitSale({ amountCents: 100, memberShareBp: 7_000, memberKeys: ['a', 'a'], tieSeed: 's' })).toThrow(/appears twice/);
    expect(() => splitSale({ amountCents: 100, memberShareBp: 7_000, memberKeys: [] })).toThrow(/at least one member/);
    expect(() => splitSale({ amountCents: 10.5, memberShareBp: 7_000, memberKeys: ['a'] })).toThrow(/whole number of cents/);
    expect(() => splitSale({ amountCents: 100, memberShareBp: 10_001, memberKeys: ['a'] })).toThrow(/memberShareBp/);
  });

  it('with a tie seed, spreads the spare cents differently per sale but identically on every run', () => {
    const keys = memberKeys(1, 50);
    const first = splitSale({ amountCents: 5_010, memberShareBp: 10_000, memberKeys: keys, tieSeed: 'sale-1' });
    const again = splitSale({ amountCents: 5_010, memberShareBp: 10_000, memberKeys: shuffled(keys, 7), tieSeed: 'sale-1' });
    const other = splitSale({ amountCents: 5_010, memberShareBp: 10_000, memberKeys: keys, tieSeed: 'sale-2' });
    expect(again).toEqual(first);
    const lucky = (split: SaleSplit) => split.members.filter((m) => m.cents === 101).map((m) => m.key);
    expect(lucky(first)).toHaveLength(10);
    expect(lucky(other)).toHaveLength(10);
    expect(lucky(other)).not.toEqual(lucky(first));
  });

  it('sums to the amount, keeps each share within a cent of its quota, and ignores input order (N up to 2,000)', () => {
    fc.assert(
      fc.property(
        amount,
        share,
        fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 2_000 })),
        fc.integer(),
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        (amountCents, memberShareBp, memberCount, seed, tieSeed) => {
          const keys = memberKeys(seed, memberCount);
          const split = splitSale({ amountCents, memberShareBp, memberKeys: keys, tieSeed });
          expectFairSplit(split, amountCents, memberShareBp, memberCount);
          sameSplit(splitSale({ amountCents, memberShareBp, memberKeys: shuffled(keys, seed), tieSeed }), split);
        },
      ),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('holds the same properties for arbitrary generated member keys', () => {
    fc.assert(
      fc.property(amount, share, fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 300 }), fc.integer(), (amountCents, memberShareBp, keys, seed) => {
        const split = splitSale({ amountCents, memberShareBp, memberKeys: keys, tieSeed: 'sale' });
        expectFairSplit(split, amountCents, memberShareBp, keys.length);
        expect(splitSale({ amountCents, memberShareBp, memberKeys: shuffled(keys, seed), tieSeed: 'sale' })).toEqual(split);
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);

  it('holds them for 100,000 members', () => {
    fc.assert(
      fc.property(amount, share, fc.integer(), (amountCents, memberShareBp, seed) => {
        const keys = memberKeys(seed, 100_000);
        const split = splitSale({ amountCents, memberShareBp, memberKeys: keys, tieSeed: `sale-${seed}` });
        expectFairSplit(split, amountCents, memberShareBp, keys.length);
        sameSplit(splitSale({ amountCents, memberShareBp, memberKeys: shuffled(keys, seed), tieSeed: `sale-${seed}` }), split);
      }),
      { numRuns: 3 },
    );
  }, 60_000);
});
