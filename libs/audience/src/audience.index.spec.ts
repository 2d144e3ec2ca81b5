import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Purpose } from '@dd/db';
import { matches, type SegmentFeatures } from '@dd/segments';
import { featuresArb, treeArb } from '@dd/segments/testing';
import { AudienceIndex } from './audience.index';
import type { AudienceQuery, MemberState } from './member-state';

const CATEGORIES = ['groceries', 'travel', 'profile_age'] as const;
const PURPOSES: Purpose[] = ['insights', 'offers'];
const INDUSTRIES = ['gambling', 'alcohol'] as const;
const NOW = Date.parse('2026-11-23T12:00:00Z');

const grantsArb: fc.Arbitrary<MemberState['grants']> = fc
  .subarray(CATEGORIES.flatMap((category) => PURPOSES.map((purpose) => ({ category, purpose }))))
  .chain((cells) =>
    fc.tuple(...cells.map((cell) => fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }).map((days) => ({ ...cell, expiresAt: days === null ? null : NOW + days * 86_400_000 })))),
  )
  .map((grants) => [...grants]);

const memberArb = fc.record({
  features: featuresArb,
  grants: fc.oneof(grantsArb, fc.constant<MemberState['grants']>([])),
  excludedIndustries: fc.subarray([...INDUSTRIES]),
});
type Member = { features: SegmentFeatures; grants: MemberState['grants']; excludedIndustries: string[] };

const queryArb = fc.record({
  tree: treeArb({ maxDepth: 4 }),
  categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
  purpose: fc.constantFrom(...PURPOSES),
  industry: fc.constantFrom<string | null>(null, ...INDUSTRIES),
});

/** The reference: matches() for the criteria, plus the eligibility rules written out plainly. */
function expectedCount(members: (Member | null)[], query: AudienceQuery, at: number): number {
  return members.filter((member) => {
    if (!member || !matches(query.tree, member.features)) return false;
    if (query.industry !== null && member.excludedIndustries.includes(query.industry)) return false;
    return query.categories.length > 0 && query.categories.every((category) =>
      member.grants.some((g) => g.category === category && g.purpose === query.purpose && (g.expiresAt === null || g.expiresAt > at)),
    );
  }).length;
}

const stateOf = (memberNo: number, member: Member): MemberState => ({ memberNo, ...member });

describe('AudienceIndex', () => {
  it('counts exactly what matches() and the eligibility rules select', () => {
    fc.assert(
      fc.property(fc.array(memberArb, { maxLength: 80 }), fc.array(queryArb, { minLength: 1, maxLength: 5 }), (members, queries) => {
        const index = new AudienceIndex();
        members.forEach((member, memberNo) => index.apply(memberNo, stateOf(memberNo, member), NOW));
        for (const query of queries) expect(index.count(query, NOW)).toBe(expectedCount(members, query, NOW));
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact through incremental changes, removals and member numbers beyond its capacity', () => {
    const step = fc.record({ memberNo: fc.oneof(fc.nat({ max: 60 }), fc.integer({ min: 1_000, max: 70_000 })), member: fc.option(memberArb, { nil: null }) });
    fc.assert(
      fc.property(fc.array(memberArb, { maxLength: 40 }), fc.array(step, { maxLength: 30 }), queryArb, (initial, steps, query) => {
        const index = new AudienceIndex();
        const members = new Map<number, Member | null>();
        initial.forEach((member, memberNo) => {
          index.apply(memberNo, stateOf(memberNo, member), NOW);
          members.set(memberNo, member);
        });
        for (const { memberNo, member } of steps) {
          index.apply(memberNo, member ? stateOf(memberNo, member) : null, NOW);
          members.set(memberNo, member);
          expect(index.count(query, NOW)).toBe(expectedCount([...members.values()], query, NOW));
        }
        expect(index.size).toBe([...members.values()].filter(Boolean).length);
      }),
      { numRuns: 200 },
    );
  });

  it('lets dated grants expire by themselves as time passes, but not a grant that was renewed', () => {
    const index = new AudienceIndex();
    const adult: SegmentFeatures = { isAdult: true, ageBand: '25-34', province: 'NL-UT', municipality: 'Utrecht', householdBand: 'two', interests: [], spendBands: {} };
    const query: AudienceQuery = { tree: { field: 'province', in: ['NL-UT'] }, categories: ['profile_region'], purpose: 'insights', industry: null };
    const grant = (expiresAt: number | null) => [{ category: 'profile_region', purpose: 'insights' as const, expiresAt }];
    index.apply(1, { memberNo: 1, features: adult, grants: grant(NOW + 1_000), excludedIndustries: [] }, NOW);
    index.apply(2, { memberNo: 2, features: adult, grants: grant(NOW + 1_000), excludedIndustries: [] }, NOW);
    // Member 2 renews without an end date before the first end date passes.
    index.apply(2, { memberNo: 2, features: adult, grants: grant(null), excludedIndustries: [] }, NOW + 500);
    expect(index.count(query, NOW + 999)).toBe(2);
    expect(index.count(query, NOW + 1_000)).toBe(1);
    expect(index.memberNumbers(query, NOW + 5_000)).toEqual(Uint32Array.from([2]));
  });

  it('never counts a minor or anyone without consent, whatever the criteria', () => {
    const index = new AudienceIndex();
    const minor: SegmentFeatures = { isAdult: false, ageBand: null, province: 'NL-UT', municipality: null, householdBand: null, interests: [], spendBands: {} };
    index.apply(7, { memberNo: 7, features: minor, grants: [{ category: 'profile_region', purpose: 'insights', expiresAt: null }], excludedIndustries: [] }, NOW);
    index.apply(8, { memberNo: 8, features: { ...minor, isAdult: true }, grants: [], excludedIndustries: [] }, NOW);
    const everyone: AudienceQuery = { tree: { op: 'all', of: [] }, categories: ['profile_region'], purpose: 'insights', industry: null };
    expect(index.count(everyone, NOW)).toBe(0);
    expect(index.count({ ...everyone, categories: [] }, NOW)).toBe(0);
  });

  it('tiles into copies whose counts, members and expiries are those of the original, times the copies', () => {
    fc.assert(
      fc.property(fc.array(memberArb, { maxLength: 50 }), queryArb, fc.integer({ min: 1, max: 4 }), (members, query, copies) => {
        const index = new AudienceIndex();
        members.forEach((member, memberNo) => index.apply(memberNo, stateOf(memberNo, member), NOW));
        const tiled = index.tiled(copies);
        expect(tiled.size).toBe(index.size * copies);
        // Dated grants in the members end within ±3 days: counting later lets the copies' expiries run too.
        for (const at of [NOW, NOW + 4 * 86_400_000]) expect(tiled.count(query, at)).toBe(index.count(query, at) * copies);
      }),
      { numRuns: 150 },
    );
  });
});
