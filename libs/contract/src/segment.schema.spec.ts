import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SEGMENT_ERROR_KEYS,
  SEGMENT_LIMITS,
  audienceEstimateSchema,
  countSegmentPredicates,
  segmentDepth,
  segmentSchema,
  type SegmentNode,
} from './segment.schema';

const age = (...values: string[]): SegmentNode => ({ field: 'ageBand', in: values });
const issues = (value: unknown) => {
  const result = segmentSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};
const messages = (value: unknown) => issues(value).map((issue) => issue.message);

/** A chain of `not`s around one criterion: depth = nots + 1. */
const nested = (nots: number): unknown => {
  let node: unknown = age('25-34');
  for (let i = 0; i < nots; i++) node = { op: 'not', of: node };
  return node;
};

describe('segmentSchema', () => {
  it('accepts a typical tree and returns it unchanged', () => {
    const tree: SegmentNode = {
      op: 'all',
      of: [
        age('25-34'),
        { op: 'any', of: [{ field: 'province', in: ['NL-NH', 'NL-UT'] }, { field: 'municipality', in: ["'s-Hertogenbosch", 'Alphen aan den Rijn'] }] },
        { op: 'not', of: { field: 'interest', in: ['gaming'] } },
        { field: 'householdBand', in: ['three_four'] },
        { field: 'spend', category: 'groceries', min: 3, max: 5 },
      ],
    };
    expect(segmentSchema.parse(tree)).toEqual(tree);
  });

  it('accepts the maximum depth and refuses one level more, naming the node', () => {
    expect(segmentSchema.safeParse(nested(SEGMENT_LIMITS.maxDepth - 1)).success).toBe(true);
    expect(issues(nested(SEGMENT_LIMITS.maxDepth))).toEqual([{ path: 'of.of.of', message: 'segment.tooDeep' }]);
    expect(issues({ op: 'all', of: [{ op: 'any', of: [{ op: 'all', of: [{ op: 'any', of: [age('18-24')] }] }] }] })).toEqual([
      { path: 'of.0.of.0.of.0', message: 'segment.tooDeep' },
    ]);
  });

  it('refuses a hostile, deeply nested body without recursing through it', () => {
    expect(messages(nested(50_000))).toEqual(['segment.tooDeep']);
  });

  it('counts criteria across the whole tree, including under not', () => {
    const criteria = (n: number) => Array.from({ length: n }, () => age('25-34'));
    const split = (n: number): SegmentNode => ({ op: 'all', of: [{ op: 'any', of: criteria(n - 10) }, { op: 'not', of: { op: 'all', of: criteria(10) } }] });
    expect(segmentSchema.safeParse(split(SEGMENT_LIMITS.maxPredicates)).success).toBe(true);
    expect(issues(split(SEGMENT_LIMITS.maxPredicates + 1))).toEqual([{ path: '', message: 'segment.tooManyPredicates' }]);
    expect(messages({ op: 'any', of: criteria(SEGMENT_LIMITS.maxPredicates + 1) })).toEqual(['segment.tooManyPredicates']);
  });

  it('refuses empty groups and empty or oversized lists', () => {
    expect(issues({ op: 'all', of: [age('25-34'), { op: 'any', of: [] }] })).toEqual([{ path: 'of.1.of', message: 'segment.emptyGroup' }]);
    expect(messages({ op: 'all', of: [] })).toEqual(['segment.emptyGroup']);
    expect(issues(age())).toEqual([{ path: 'in', message: 'segment.emptyList' }]);
    const many = Array.from({ length: SEGMENT_LIMITS.maxValues + 1 }, () => 'Amsterdam');
    expect(messages({ field: 'municipality', in: many })).toEqual(['segment.tooManyValues']);
  });

  it('checks the format of codes, leaving catalogue checks to the domain', () => {
    expect(messages({ field: 'province', in: ['Noord-Holland'] })).toEqual(['segment.provinceInvalid']);
    expect(messages({ field: 'ageBand', in: ['25 - 34'] })).toEqual(['segment.ageBandInvalid']);
    expect(messages({ field: 'interest', in: ['Sport'] })).toEqual(['segment.interestInvalid']);
    expect(messages({ field: 'householdBand', in: [2] })).toEqual(['segment.householdBandInvalid']);
    expect(messages({ field: 'municipality', in: ['<script>'] })).toEqual(['segment.municipalityInvalid']);
    expect(messages({ field: 'spend', category: 'Groceries!', min: 1, max: 2 })).toEqual(['segment.categoryInvalid']);
    // Well-formed but forbidden codes pass here; libs/segments refuses them with a sentence a person understands.
    expect(segmentSchema.safeParse(age('minor')).success).toBe(true);
    expect(segmentSchema.safeParse({ field: 'spend', category: 'health', min: 1, max: 5 }).success).toBe(true);
  });

  it('checks spend bands and ranges', () => {
    expect(messages({ field: 'spend', category: 'groceries', min: 0, max: 2 })).toEqual(['segment.spendBandInvalid']);
    expect(messages({ field: 'spend', category: 'groceries', min: 2, max: 6 })).toEqual(['segment.spendBandInvalid']);
    expect(messages({ field: 'spend', category: 'groceries', min: 1.5, max: 2 })).toEqual(['segment.spendBandInvalid']);
    expect(messages({ field: 'spend', category: 'groceries', min: '1', max: 2 })).toEqual(['segment.spendBandInvalid']);
    expect(issues({ field: 'spend', category: 'groceries', min: 4, max: 2 })).toEqual([{ path: 'max', message: 'segment.spendRangeInvalid' }]);
  });

  it('refuses unknown operators, fields and keys', () => {
    expect(issues({ op: 'xor', of: [age('25-34')] })).toEqual([{ path: 'op', message: 'segment.invalidNode' }]);
    expect(issues({ field: 'income', in: ['high'] })).toEqual([{ path: 'field', message: 'segment.invalidNode' }]);
    expect(messages({ field: 'ageBand', in: ['25-34'], exclude: true })).toEqual(['segment.unknownKey']);
    expect(messages({ op: 'not', of: [age('25-34')] })).toEqual(['segment.invalidNode']);
    expect(messages(null)).toEqual(['segment.invalidNode']);
  });

  it('answers a malformed group past the depth limit with the depth key', () => {
    // Found by the property below: a group without `of` at depth 4 got zod's own English text.
    const result = segmentSchema.safeParse({ op: 'all', of: [{ op: 'all', of: [{ op: 'not', of: { op: 'all' } }] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['segment.tooDeep']);
  });

  it('only ever answers with segment.* keys the portal translates', () => {
    const keys = new Set<string>(SEGMENT_ERROR_KEYS);
    const leaf = fc.oneof(
      fc.record({ field: fc.constantFrom('ageBand', 'province', 'interest', 'spend', 'x'), in: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }) }),
      fc.record({ field: fc.constant('spend'), category: fc.oneof(fc.string(), fc.constant('groceries')), min: fc.integer({ min: -1, max: 7 }), max: fc.anything() }),
      fc.anything(),
    );
    const node = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ op: fc.constantFrom('all', 'any', 'not', 'none'), of: fc.oneof(tie('node'), fc.array(tie('node'), { maxLength: 4 })) }, { requiredKeys: ['op'] }),
      ),
    })).node;
    fc.assert(
      fc.property(node, (value) => {
        for (const message of messages(value)) expect(keys.has(message), message).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('measures depth and criteria the way the limits count them', () => {
    expect(segmentDepth(age('25-34'))).toBe(1);
    expect(segmentDepth({ op: 'all', of: [age('25-34'), { op: 'not', of: age('18-24') }] })).toBe(3);
    expect(countSegmentPredicates({ op: 'all', of: [age('25-34'), { op: 'not', of: { op: 'any', of: [age('18-24'), age('65+')] } }] })).toBe(3);
  });
});

describe('audienceEstimateSchema', () => {
  it('is either "fewer than k" or a rounded, noised value', () => {
    expect(audienceEstimateSchema.parse({ kind: 'fewer-than', k: 100 })).toEqual({ kind: 'fewer-than', k: 100 });
    expect(audienceEstimateSchema.parse({ kind: 'about', value: 1_250 })).toEqual({ kind: 'about', value: 1_250 });
    expect(audienceEstimateSchema.safeParse({ kind: 'exact', value: 3 }).success).toBe(false);
    expect(audienceEstimateSchema.safeParse({ kind: 'about', value: -1 }).success).toBe(false);
    expect(audienceEstimateSchema.safeParse({ kind: 'fewer-than', k: 0 }).success).toBe(false);
  });
});
