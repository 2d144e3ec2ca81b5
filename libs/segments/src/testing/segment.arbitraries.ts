import fc from 'fast-check';
import type { SegmentNode, SegmentPredicate } from '@dd/contract';
import type { SegmentFeatures } from '../segment.matcher';

/**
 * Random criteria trees and feature rows for property tests. The value lists are deliberately tiny,
 * so random trees often name the same values and customers often match: that is where merging,
 * deduplication and empty intersections get exercised.
 */
const VALUES = {
  ageBand: ['18-24', '25-34', '35-44'],
  province: ['NL-NH', 'NL-UT', 'NL-ZH'],
  municipality: ['Amsterdam', 'Utrecht', "'s-Gravenhage"],
  householdBand: ['single', 'two', 'three_four'],
  interest: ['sport', 'travel', 'music', 'pets'],
} as const;
const SPEND_CATEGORIES = ['groceries', 'travel'] as const;
type ListField = keyof typeof VALUES;

const band = fc.integer({ min: 1, max: 5 });

export const predicateArb: fc.Arbitrary<SegmentPredicate> = fc.oneof(
  fc
    .constantFrom(...(Object.keys(VALUES) as ListField[]))
    .chain((field) => fc.array(fc.constantFrom(...VALUES[field]), { minLength: 1, maxLength: 4 }).map((values) => ({ field, in: values }) as SegmentPredicate)),
  fc.record({ category: fc.constantFrom(...SPEND_CATEGORIES), a: band, b: band }).map(({ category, a, b }) => ({
    field: 'spend' as const,
    category,
    min: Math.min(a, b),
    max: Math.max(a, b),
  })),
);

/** Trees up to the given depth; groups may be empty, which stands for "everyone" (all) or "nobody" (any). */
export function treeArb(options: { maxDepth?: number; allowEmptyGroups?: boolean } = {}): fc.Arbitrary<SegmentNode> {
  const { maxDepth = 5, allowEmptyGroups = true } = options;
  const minLength = allowEmptyGroups ? 0 : 1;
  const level = (depth: number): fc.Arbitrary<SegmentNode> => {
    if (depth >= maxDepth) return predicateArb;
    const child = level(depth + 1);
    return fc.oneof(
      { weight: 3, arbitrary: predicateArb },
      { weight: 2, arbitrary: fc.array(child, { minLength, maxLength: 4 }).map((of): SegmentNode => ({ op: 'all', of })) },
      { weight: 2, arbitrary: fc.array(child, { minLength, maxLength: 4 }).map((of): SegmentNode => ({ op: 'any', of })) },
      { weight: 1, arbitrary: child.map((of): SegmentNode => ({ op: 'not', of })) },
    );
  };
  return level(1);
}

export const featuresArb: fc.Arbitrary<SegmentFeatures> = fc.record({
  isAdult: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  ageBand: fc.option(fc.constantFrom(...VALUES.ageBand, '65+'), { nil: null }),
  province: fc.option(fc.constantFrom(...VALUES.province, 'NL-GR'), { nil: null }),
  municipality: fc.option(fc.constantFrom(...VALUES.municipality, 'Rotterdam'), { nil: null }),
  householdBand: fc.option(fc.constantFrom(...VALUES.householdBand, 'five_plus'), { nil: null }),
  interests: fc.subarray([...VALUES.interest, 'gaming']),
  spendBands: fc.record({ groceries: band, travel: band }, { requiredKeys: [] }),
});

const sequence = (arbitraries: fc.Arbitrary<SegmentNode>[]): fc.Arbitrary<SegmentNode[]> =>
  arbitraries.length ? (fc.tuple(...arbitraries) as fc.Arbitrary<SegmentNode[]>) : fc.constant([]);
const permutation = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length });

/**
 * Trees equivalent to `node` by construction: children and values reordered and duplicated, runs of
 * children moved into a nested group of the same operator, nodes wrapped in double negation or in a
 * single-child group.
 */
export function equivalentArb(node: SegmentNode): fc.Arbitrary<SegmentNode> {
  let base: fc.Arbitrary<SegmentNode>;
  if ('field' in node) {
    base =
      node.field === 'spend'
        ? fc.constant(node)
        : fc.tuple(permutation(node.in), fc.subarray(node.in)).map(([values, again]) => ({ field: node.field, in: [...values, ...again] }) as SegmentPredicate);
  } else if (node.op === 'not') {
    base = equivalentArb(node.of).map((of): SegmentNode => ({ op: 'not', of }));
  } else {
    const { op } = node;
    base = sequence(node.of.map(equivalentArb))
      .chain((children) => fc.tuple(permutation(children), fc.subarray(children), fc.nat({ max: children.length })))
      .map(([children, again, cut]): SegmentNode => {
        const all = [...children, ...again];
        const tail = all.slice(cut);
        return { op, of: cut > 0 && tail.length ? [...all.slice(0, cut), { op, of: tail }] : all };
      });
  }
  return base.chain((tree) =>
    fc.constantFrom<SegmentNode>(tree, { op: 'not', of: { op: 'not', of: tree } }, { op: 'all', of: [tree] }, { op: 'any', of: [tree] }),
  );
}
