import { z } from 'zod';

/**
 * A segment is a typed criteria tree over the derived, sellable features of consenting customers.
 * This schema is structural only: codes are checked for their format here, and against the
 * catalogue (and for special categories, the protected life event and minors) in libs/segments,
 * because a scope:shared lib may not import the server-side catalogue.
 */
export const SEGMENT_LIMITS = {
  /** Nodes on the longest path from the root to a criterion, both counted: all → any → not → criterion is 4. */
  maxDepth: 4,
  /** Criteria in the whole tree; also bounds the children of one group, since each child holds at least one. */
  maxPredicates: 20,
  /** Values in one criterion's list; the longest catalogue list (municipalities) has 32. */
  maxValues: 50,
  /** Spend bands a criterion may name: band 0 (no spending) is not a criterion of its own. */
  minSpendBand: 1,
  maxSpendBand: 5,
} as const;

/** Every error message this schema produces; the portal translates them (nl, en). */
export const SEGMENT_ERROR_KEYS = [
  'segment.invalidNode',
  'segment.unknownKey',
  'segment.tooDeep',
  'segment.tooManyPredicates',
  'segment.emptyGroup',
  'segment.emptyList',
  'segment.tooManyValues',
  'segment.ageBandInvalid',
  'segment.provinceInvalid',
  'segment.municipalityInvalid',
  'segment.householdBandInvalid',
  'segment.interestInvalid',
  'segment.categoryInvalid',
  'segment.spendBandInvalid',
  'segment.spendRangeInvalid',
] as const;
export type SegmentErrorKey = (typeof SEGMENT_ERROR_KEYS)[number];

export const SEGMENT_LIST_FIELDS = ['ageBand', 'province', 'municipality', 'householdBand', 'interest'] as const;
export type SegmentListField = (typeof SEGMENT_LIST_FIELDS)[number];
export const SEGMENT_FIELDS = [...SEGMENT_LIST_FIELDS, 'spend'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/**
 * `ageBand`, `province`, `municipality`, `householdBand`: the customer's single value is one of `in`.
 * `interest`: the customer has at least one of `in`.
 */
export interface SegmentListPredicate<F extends SegmentListField = SegmentListField> {
  field: F;
  in: string[];
}

/** The customer's average monthly spend band in `category` over the feature period lies in min..max (inclusive). */
export interface SegmentSpendPredicate {
  field: 'spend';
  category: string;
  min: number;
  max: number;
}

export type SegmentPredicate = { [F in SegmentListField]: SegmentListPredicate<F> }[SegmentListField] | SegmentSpendPredicate;

export interface SegmentAllNode {
  op: 'all';
  of: SegmentNode[];
}
export interface SegmentAnyNode {
  op: 'any';
  of: SegmentNode[];
}
export interface SegmentNotNode {
  op: 'not';
  of: SegmentNode;
}
export type SegmentGroupNode = SegmentAllNode | SegmentAnyNode | SegmentNotNode;
export type SegmentNode = SegmentGroupNode | SegmentPredicate;

const CODE = /^[a-z0-9][a-z0-9_+-]{0,39}$/;
const PROVINCE = /^NL-[A-Z]{2}$/;
// Municipality names as the postcode table spells them: "Alphen aan den Rijn", "'s-Hertogenbosch".
const MUNICIPALITY = /^['\p{L}][\p{L}\p{M}' .()-]{0,79}$/u;

const code = (key: SegmentErrorKey) => z.string(key).regex(CODE, key);
const list = (value: z.ZodString) => z.array(value, 'segment.invalidNode').min(1, 'segment.emptyList').max(SEGMENT_LIMITS.maxValues, 'segment.tooManyValues');
const spendBand = z
  .number('segment.spendBandInvalid')
  .int('segment.spendBandInvalid')
  .min(SEGMENT_LIMITS.minSpendBand, 'segment.spendBandInvalid')
  .max(SEGMENT_LIMITS.maxSpendBand, 'segment.spendBandInvalid');

/** Extra keys are refused rather than dropped, so a misspelt criterion never silently widens a segment. */
const strictError = { error: (issue: { code: string }) => (issue.code === 'unrecognized_keys' ? 'segment.unknownKey' : 'segment.invalidNode') };
/** Criteria carry no `op`; declaring it absent lets one discriminated union on `op` route groups and criteria. */
const noOp = { op: z.undefined().optional() };

const predicateSchema = z.discriminatedUnion(
  'field',
  [
    z.strictObject({ ...noOp, field: z.literal('ageBand'), in: list(code('segment.ageBandInvalid')) }, strictError),
    z.strictObject({ ...noOp, field: z.literal('province'), in: list(z.string('segment.provinceInvalid').regex(PROVINCE, 'segment.provinceInvalid')) }, strictError),
    z.strictObject({ ...noOp, field: z.literal('municipality'), in: list(z.string('segment.municipalityInvalid').regex(MUNICIPALITY, 'segment.municipalityInvalid')) }, strictError),
    z.strictObject({ ...noOp, field: z.literal('householdBand'), in: list(code('segment.householdBandInvalid')) }, strictError),
    z.strictObject({ ...noOp, field: z.literal('interest'), in: list(code('segment.interestInvalid')) }, strictError),
    z
      .strictObject({ ...noOp, field: z.literal('spend'), category: code('segment.categoryInvalid'), min: spendBand, max: spendBand }, strictError)
      .refine((p) => p.min <= p.max, { message: 'segment.spendRangeInvalid', path: ['max'] }),
  ],
  { error: 'segment.invalidNode' },
);

/**
 * Where a group would pass the depth limit it is refused with the depth key, unread; the refusal
 * aborts, so the whole-tree check below never walks into the unchecked contents.
 */
const tooDeep = <Op extends 'all' | 'any' | 'not', Of>(op: Op) =>
  // `of` is not read at all here (not even for presence), so a malformed group this deep still
  // gets the depth key rather than a generic message the portal cannot translate.
  z
    .object({ op: z.literal(op), of: z.unknown().optional() as unknown as z.ZodType<Of, Of> })
    .refine(() => false, { message: 'segment.tooDeep', abort: true });

/**
 * One schema per level, built once: the depth limit is part of the shape, so a hostile, deeply
 * nested body is refused level by level instead of recursing until the stack runs out.
 */
function nodeAt(level: number): z.ZodType<SegmentNode, SegmentNode> {
  if (level >= SEGMENT_LIMITS.maxDepth) {
    return z.discriminatedUnion(
      'op',
      [tooDeep<'all', SegmentNode[]>('all'), tooDeep<'any', SegmentNode[]>('any'), tooDeep<'not', SegmentNode>('not'), predicateSchema],
      { error: 'segment.invalidNode' },
    );
  }
  const child = nodeAt(level + 1);
  const children = z
    .array(child, 'segment.invalidNode')
    .min(1, 'segment.emptyGroup')
    .max(SEGMENT_LIMITS.maxPredicates, 'segment.tooManyPredicates');
  return z.discriminatedUnion(
    'op',
    [
      z.strictObject({ op: z.literal('all'), of: children }, strictError),
      z.strictObject({ op: z.literal('any'), of: children }, strictError),
      z.strictObject({ op: z.literal('not'), of: child }, strictError),
      predicateSchema,
    ],
    { error: 'segment.invalidNode' },
  );
}

/** The number of criteria in a tree (every leaf, also under `not`). */
export function countSegmentPredicates(node: SegmentNode): number {
  if ('field' in node) return 1;
  if (node.op === 'not') return countSegmentPredicates(node.of);
  return node.of.reduce((sum, child) => sum + countSegmentPredicates(child), 0);
}

/** The depth of a tree as SEGMENT_LIMITS.maxDepth counts it: a lone criterion is 1. */
export function segmentDepth(node: SegmentNode): number {
  if ('field' in node) return 1;
  if (node.op === 'not') return 1 + segmentDepth(node.of);
  return 1 + Math.max(0, ...node.of.map(segmentDepth));
}

/** A segment's criteria tree, as the portal's builder sends it and the API accepts it. */
export const segmentSchema: z.ZodType<SegmentNode, SegmentNode> = nodeAt(1).superRefine((tree, ctx) => {
  if (countSegmentPredicates(tree) > SEGMENT_LIMITS.maxPredicates) {
    ctx.addIssue({ code: 'custom', message: 'segment.tooManyPredicates', path: [] });
  }
});

/**
 * What an advertiser sees of an audience: below the minimum audience k only that it is smaller,
 * otherwise a noised count (never the exact number).
 */
export const audienceEstimateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fewer-than'), k: z.number().int().positive() }),
  z.object({ kind: z.literal('about'), value: z.number().int().nonnegative() }),
]);
export type AudienceEstimate = z.infer<typeof audienceEstimateSchema>;
