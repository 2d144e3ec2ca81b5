import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENT_LIMITS, countSegmentPredicates, segmentDepth, segmentSchema, type SegmentNode, type SegmentPredicate } from '@dd/contract';
import {
  addCriterion,
  addGroup,
  canAddCriterion,
  criterionRows,
  incompleteRows,
  initialBuilderState,
  removeRow,
  rowAtPath,
  stateFromTree,
  treeFromState,
  updateRow,
  type BuilderRow,
  type BuilderState,
  type Criterion,
  type CriterionRow,
} from './builder-state';

// Real codes, so every tree the builder makes also passes the contract schema.
const VALUES = {
  ageBand: ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
  province: ['NL-UT', 'NL-NH', 'NL-ZH', 'NL-GE'],
  municipality: ['Amsterdam', "'s-Hertogenbosch", 'Alphen aan den Rijn', 'Utrecht'],
  householdBand: ['single', 'two', 'three_four', 'five_plus'],
  interest: ['sport', 'travel', 'cooking', 'diy'],
} as const;
const CATEGORIES = ['groceries', 'travel', 'dining', 'fashion'];

const listCriterionArb: fc.Arbitrary<Criterion> = fc
  .constantFrom(...(Object.keys(VALUES) as (keyof typeof VALUES)[]))
  .chain((field) => fc.uniqueArray(fc.constantFrom(...VALUES[field]), { minLength: 1, maxLength: 4 }).map((values) => ({ field, values })));
const spendCriterionArb: fc.Arbitrary<Criterion> = fc
  .tuple(fc.constantFrom(...CATEGORIES), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .map(([category, a, b]) => ({ field: 'spend', category, min: Math.min(a, b), max: Math.max(a, b) }));
const criterionArb = fc.oneof(listCriterionArb, spendCriterionArb);

const matchArb = fc.constantFrom('all' as const, 'any' as const);
const criterionRowArb: fc.Arbitrary<CriterionRow> = fc.record({ kind: fc.constant('criterion' as const), id: fc.constant(''), exclude: fc.boolean(), criterion: criterionArb });
const groupRowArb: fc.Arbitrary<BuilderRow> = fc.record({
  kind: fc.constant('group' as const),
  id: fc.constant(''),
  match: matchArb,
  rows: fc.array(criterionRowArb, { minLength: 1, maxLength: 4 }),
});

/** Any complete form within the limits: criteria and one level of groups. */
const stateArb: fc.Arbitrary<BuilderState> = fc
  .record({ match: matchArb, rows: fc.array(fc.oneof({ arbitrary: criterionRowArb, weight: 3 }, { arbitrary: groupRowArb, weight: 1 }), { minLength: 1, maxLength: 8 }) })
  .filter((state) => criterionRows(state).length <= SEGMENT_LIMITS.maxPredicates);

/** Row ids are generated per page; two forms are the same form when everything else is. */
function withoutIds(state: BuilderState | null): unknown {
  if (!state) return state;
  return { match: state.match, rows: state.rows.map((row) => (row.kind === 'group' ? { ...row, id: '', rows: row.rows.map((r) => ({ ...r, id: '' })) } : { ...row, id: '' })) };
}

const predicateArb: fc.Arbitrary<SegmentPredicate> = criterionArb.map((c) => (c.field === 'spend' ? { ...c } : ({ field: c.field, in: c.values } as SegmentPredicate)));
const leafArb: fc.Arbitrary<SegmentNode> = fc.oneof(predicateArb, predicateArb.map((of): SegmentNode => ({ op: 'not', of })));
/** Trees in the builder's shape: a group at the root over criteria, excluded criteria and groups of those. */
const builderTreeArb: fc.Arbitrary<SegmentNode> = fc.record({
  op: matchArb,
  of: fc.array(fc.oneof(leafArb, fc.record({ op: matchArb, of: fc.array(leafArb, { minLength: 1, maxLength: 4 }) }) as fc.Arbitrary<SegmentNode>), { minLength: 1, maxLength: 5 }),
}) as fc.Arbitrary<SegmentNode>;

describe('segment builder form ↔ criteria tree', () => {
  it('any form the builder can show round-trips through its tree', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const tree = treeFromState(state);
        expect(tree).not.toBeNull();
        expect(withoutIds(stateFromTree(tree as SegmentNode))).toEqual(withoutIds(state));
      }),
      { numRuns: 500 },
    );
  });

  it('any tree in the builder shape round-trips through the form unchanged', () => {
    fc.assert(
      fc.property(builderTreeArb, (tree) => {
        const state = stateFromTree(tree);
        expect(state).not.toBeNull();
        expect(treeFromState(state as BuilderState)).toEqual(tree);
      }),
      { numRuns: 500 },
    );
  });

  it('every tree the builder makes passes the contract: depth, criteria and values within SEGMENT_LIMITS', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const tree = treeFromState(state) as SegmentNode;
        expect(segmentSchema.safeParse(tree).success).toBe(true);
        expect(segmentDepth(tree)).toBeLessThanOrEqual(SEGMENT_LIMITS.maxDepth);
        expect(countSegmentPredicates(tree)).toBe(criterionRows(state).length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a canonical lone criterion, excluded or not, as one row under "all"', () => {
    const lone: SegmentNode = { field: 'interest', in: ['sport'] };
    expect(treeFromState(stateFromTree(lone) as BuilderState)).toEqual({ op: 'all', of: [lone] });
    const excluded: SegmentNode = { op: 'not', of: { field: 'spend', category: 'travel', min: 2, max: 5 } };
    expect(withoutIds(stateFromTree(excluded))).toEqual({
      match: 'all',
      rows: [{ kind: 'criterion', id: '', exclude: true, criterion: { field: 'spend', category: 'travel', min: 2, max: 5 } }],
    });
  });

  it('refuses trees it cannot show rather than change their meaning', () => {
    const sport: SegmentNode = { field: 'interest', in: ['sport'] };
    expect(stateFromTree({ op: 'not', of: { op: 'any', of: [sport] } })).toBeNull();
    expect(stateFromTree({ op: 'all', of: [{ op: 'not', of: { op: 'all', of: [sport] } }] })).toBeNull();
    expect(stateFromTree({ op: 'all', of: [{ op: 'any', of: [{ op: 'all', of: [sport] }] }] })).toBeNull();
  });

  it('leaves rows without a choice out of the tree, and says which they are', () => {
    let state = initialBuilderState();
    expect(treeFromState(state)).toBeNull();
    const [first] = criterionRows(state);
    state = updateRow(state, first!.id, (row) => ({ ...row, criterion: { field: 'province', values: ['NL-UT'] } }));
    const grown = addGroup(state);
    state = grown.state;
    expect(treeFromState(state)).toEqual({ op: 'all', of: [{ field: 'province', in: ['NL-UT'] }] });
    expect(incompleteRows(state).map((row) => row.id)).toEqual([grown.added]);
    state = updateRow(state, grown.added!, (row) => ({ ...row, exclude: true, criterion: { field: 'spend', category: 'groceries', min: 3, max: 5 } }));
    expect(treeFromState(state)).toEqual({
      op: 'all',
      of: [{ field: 'province', in: ['NL-UT'] }, { op: 'any', of: [{ op: 'not', of: { field: 'spend', category: 'groceries', min: 3, max: 5 } }] }],
    });
    expect(incompleteRows(state)).toEqual([]);
  });

  it('finds the row a server problem points at, skipping rows that were not sent', () => {
    fc.assert(
      fc.property(stateArb, fc.nat(), (complete, seed) => {
        // An empty row somewhere in between is not sent, so it must not shift the paths.
        const { state } = addCriterion(complete);
        const moved = { ...state, rows: [...state.rows.slice(-1), ...state.rows.slice(0, -1)] };
        const tree = treeFromState(moved) as SegmentNode & { of: SegmentNode[] };
        const index = seed % tree.of.length;
        const sentRows = moved.rows.filter((row) => incompleteRows({ match: 'all', rows: [row] }).length === 0);
        const row = sentRows[index]!;
        const child = tree.of[index]!;
        if (row.kind === 'criterion') {
          const leafPath = 'op' in child && child.op === 'not' ? `of.${index}.of.in.0` : `of.${index}.in.0`;
          expect(rowAtPath(moved, leafPath)).toBe(row.id);
        } else {
          const inner = seed % row.rows.length;
          expect(rowAtPath(moved, `of.${index}.of.${inner}.category`)).toBe(row.rows[inner]!.id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps to the criteria limit and removes a group with its last criterion', () => {
    let state: BuilderState = initialBuilderState();
    while (canAddCriterion(state)) state = addCriterion(state).state;
    expect(criterionRows(state)).toHaveLength(SEGMENT_LIMITS.maxPredicates);
    expect(addCriterion(state).added).toBeUndefined();
    expect(addGroup(state).added).toBeUndefined();

    const grouped = addGroup(initialBuilderState());
    const without = removeRow(grouped.state, grouped.added!);
    expect(without.rows.map((row) => row.kind)).toEqual(['criterion']);
  });
});
