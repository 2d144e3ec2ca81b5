import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegmentPredicates, segmentDepth, type SegmentNode } from '@dd/contract';
import { canonicalJson, canonicalKey, canonicalise, isEmptySegment, isUnrestrictedSegment } from './segment.canonical';
import { matches } from './segment.matcher';
import { equivalentArb, featuresArb, treeArb } from './testing/segment.arbitraries';

const age = (...values: string[]): SegmentNode => ({ field: 'ageBand', in: values });
const province = (...values: string[]): SegmentNode => ({ field: 'province', in: values });
const interest = (...values: string[]): SegmentNode => ({ field: 'interest', in: values });
const spend = (category: string, min: number, max: number): SegmentNode => ({ field: 'spend', category, min, max });
const all = (...of: SegmentNode[]): SegmentNode => ({ op: 'all', of });
const any = (...of: SegmentNode[]): SegmentNode => ({ op: 'any', of });
const not = (of: SegmentNode): SegmentNode => ({ op: 'not', of });

describe('canonicalise', () => {
  it('sorts and deduplicates values and children, criteria in field order before groups', () => {
    const tree = all(not(interest('music')), spend('groceries', 3, 5), province('NL-UT', 'NL-NH', 'NL-UT'), age('25-34'));
    expect(canonicalise(tree)).toEqual(all(age('25-34'), province('NL-NH', 'NL-UT'), spend('groceries', 3, 5), not(interest('music'))));
  });

  it('flattens same-operator groups, removes double negation and collapses single children', () => {
    expect(canonicalise(all(age('25-34'), all(province('NL-NH'), all(not(not(spend('travel', 2, 2)))))))).toEqual(
      all(age('25-34'), province('NL-NH'), spend('travel', 2, 2)),
    );
    expect(canonicalise(any(all(not(not(age('18-24'))))))).toEqual(age('18-24'));
    expect(canonicalise(all(not(any(province('NL-NH'))), not(any(province('NL-NH')))))).toEqual(not(province('NL-NH')));
  });

  it('intersects single-valued lists and spend ranges under all, and unites them under any', () => {
    expect(canonicalise(all(age('18-24', '25-34'), age('25-34', '35-44')))).toEqual(age('25-34'));
    expect(canonicalise(any(age('18-24'), age('35-44'), province('NL-NH')))).toEqual(any(age('18-24', '35-44'), province('NL-NH')));
    expect(canonicalise(all(spend('groceries', 1, 3), spend('groceries', 2, 5), spend('travel', 1, 1)))).toEqual(all(spend('groceries', 2, 3), spend('travel', 1, 1)));
    // Touching ranges join (bands are whole numbers); separate ones stay apart.
    expect(canonicalise(any(spend('groceries', 1, 2), spend('groceries', 3, 3)))).toEqual(spend('groceries', 1, 3));
    expect(canonicalise(any(spend('groceries', 1, 1), spend('groceries', 4, 5)))).toEqual(any(spend('groceries', 1, 1), spend('groceries', 4, 5)));
  });

  it('never intersects interests, which are "has any of": a list containing another adds nothing under all', () => {
    expect(canonicalise(all(interest('sport'), interest('travel')))).toEqual(all(interest('sport'), interest('travel')));
    expect(canonicalise(all(interest('sport'), interest('sport', 'travel')))).toEqual(interest('sport'));
    expect(canonicalise(any(interest('sport'), interest('travel', 'sport')))).toEqual(interest('sport', 'travel'));
  });

  it('recognises an all whose criteria exclude each other as the empty segment', () => {
    const empty = canonicalise(all(province('NL-UT'), age('25-34'), all(province('NL-NH'))));
    expect(isEmptySegment(empty)).toBe(true);
    expect(isEmptySegment(canonicalise(all(spend('groceries', 1, 2), spend('groceries', 4, 5))))).toBe(true);
    expect(isEmptySegment(canonicalise(any(empty, all(age('18-24'), age('65+')))))).toBe(true);
    // Or-ing with nothing changes nothing; negating nothing leaves everyone.
    expect(canonicalise(any(empty, age('18-24')))).toEqual(age('18-24'));
    expect(isUnrestrictedSegment(canonicalise(not(empty)))).toBe(true);
    expect(isEmptySegment(canonicalise(age('25-34')))).toBe(false);
  });

  it('writes canonical JSON with keys in a fixed order, whatever order they arrived in', () => {
    const shuffled = { max: 5, category: 'groceries', min: 3, field: 'spend' } as SegmentNode;
    expect(canonicalJson(any({ in: ['NL-NH'], field: 'province' } as SegmentNode, shuffled))).toBe(
      '{"op":"any","of":[{"field":"province","in":["NL-NH"]},{"field":"spend","category":"groceries","min":3,"max":5}]}',
    );
    expect(canonicalKey(age('25-34'))).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalKey(age('25-34'))).not.toBe(canonicalKey(age('35-44')));
  });
});

describe('canonicalise properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(treeArb(), (tree) => {
        const once = canonicalise(tree);
        expect(canonicalise(once)).toEqual(once);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives equivalent trees (reordered, duplicated, nested, doubly negated) the same key', () => {
    const pair = treeArb({ maxDepth: 4 }).chain((tree) => equivalentArb(tree).map((variant) => [tree, variant] as const));
    fc.assert(
      fc.property(pair, featuresArb, ([tree, variant], features) => {
        expect(matches(variant, features)).toBe(matches(tree, features));
        expect(canonicalKey(variant)).toBe(canonicalKey(tree));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps every customer on the same side: matches(canonicalise(t), f) === matches(t, f)', () => {
    fc.assert(
      fc.property(treeArb(), fc.array(featuresArb, { minLength: 1, maxLength: 8 }), (tree, rows) => {
        const canonical = canonicalise(tree);
        for (const features of rows) expect(matches(canonical, features)).toBe(matches(tree, features));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives one key only to trees that select the same customers', () => {
    const small = treeArb({ maxDepth: 2, allowEmptyGroups: false });
    fc.assert(
      fc.property(small, small, fc.array(featuresArb, { minLength: 20, maxLength: 20 }), (a, b, rows) => {
        if (canonicalKey(a) !== canonicalKey(b)) return;
        for (const features of rows) expect(matches(a, features)).toBe(matches(b, features));
      }),
      { numRuns: 3_000 },
    );
  });

  it('never makes a tree deeper or add criteria, so a valid tree stays within the limits', () => {
    fc.assert(
      fc.property(treeArb({ allowEmptyGroups: false }), (tree) => {
        const canonical = canonicalise(tree);
        expect(segmentDepth(canonical)).toBeLessThanOrEqual(segmentDepth(tree));
        expect(countSegmentPredicates(canonical)).toBeLessThanOrEqual(countSegmentPredicates(tree));
      }),
      { numRuns: 1_000 },
    );
  });
});
