import { createHash } from 'node:crypto';
import { SEGMENT_FIELDS, type SegmentListPredicate, type SegmentNode, type SegmentPredicate, type SegmentSpendPredicate } from '@dd/contract';

/**
 * The canonical form of a criteria tree, so that two ways of writing the same query are recognised
 * as one (same key, same description). Every rule below is an equivalence under `matches`, which a
 * property test checks on random trees; the canonical form is never deeper and never has more
 * criteria than its input.
 *
 * Two constants fall out of the rules and need no node type of their own: an `any` with no children
 * matches nobody (the empty segment) and an `all` with no children matches everyone. Neither passes
 * the contract schema, so they only ever exist as results.
 */

/** Bumped whenever a rule changes, so keys from different rule sets never compare equal by accident. */
export const CANONICAL_FORM_VERSION = 1;

const nobody = (): SegmentNode => ({ op: 'any', of: [] });
const everyone = (): SegmentNode => ({ op: 'all', of: [] });

/** The canonical form of a segment whose criteria exclude each other: it can never have a member. */
export function isEmptySegment(tree: SegmentNode): boolean {
  return 'op' in tree && tree.op === 'any' && tree.of.length === 0;
}

/** A canonical form without any restriction (e.g. `not` of an empty segment): every adult member. */
export function isUnrestrictedSegment(tree: SegmentNode): boolean {
  return 'op' in tree && tree.op === 'all' && tree.of.length === 0;
}

const isPredicate = (node: SegmentNode): node is SegmentPredicate => 'field' in node;

/** Fields where a customer has exactly one value (or none), so two lists on them meet by intersection. */
const SINGLE_VALUED = new Set<string>(['ageBand', 'province', 'municipality', 'householdBand']);

const FIELD_RANK = new Map<string, number>(SEGMENT_FIELDS.map((field, index) => [field, index]));
const OP_RANK = { not: SEGMENT_FIELDS.length, all: SEGMENT_FIELDS.length + 1, any: SEGMENT_FIELDS.length + 2 } as const;

/**
 * Children sort by rank (criteria in field order, then not, all, any, which also reads naturally in
 * a description) and then by their canonical JSON, compared by code unit so no locale can change it.
 */
function sortKey(node: SegmentNode): string {
  const rank = isPredicate(node) ? (FIELD_RANK.get(node.field) ?? 0) : OP_RANK[node.op];
  return `${String(rank).padStart(2, '0')}${JSON.stringify(node)}`;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds criteria with their keys in one fixed order, so their JSON is canonical too. */
function listPredicate(field: SegmentListPredicate['field'], values: Iterable<string>): SegmentNode {
  const sorted = [...new Set(values)].sort(byKey);
  return sorted.length ? ({ field, in: sorted } as SegmentPredicate) : nobody();
}

function spendPredicate(category: string, min: number, max: number): SegmentNode {
  return min <= max ? { field: 'spend', category, min, max } : nobody();
}

const intersect = (a: readonly string[], b: readonly string[]) => a.filter((value) => b.includes(value));
const isSubset = (a: readonly string[], b: readonly string[]) => a.every((value) => b.includes(value));

/** Same-category spend ranges under `any`: overlapping or touching ranges become one (bands are whole numbers). */
function unionRanges(ranges: SegmentSpendPredicate[]): SegmentNode[] {
  const sorted = [...ranges].sort((a, b) => a.min - b.min || a.max - b.max);
  const merged: { min: number; max: number }[] = [];
  for (const { min, max } of sorted) {
    const last = merged.at(-1);
    if (last && min <= last.max + 1) last.max = Math.max(last.max, max);
    else merged.push({ min, max });
  }
  const category = sorted[0]?.category ?? '';
  return merged.map((range) => spendPredicate(category, range.min, range.max));
}

/**
 * Merges criteria on the same field among the children of one group. Under `all` single-valued
 * lists intersect and spend ranges intersect; interest lists ("has any of") do not intersect, but a
 * list that contains another one adds nothing and is dropped. Under `any` lists unite and touching
 * ranges join.
 */
function mergeCriteria(op: 'all' | 'any', children: SegmentNode[]): SegmentNode[] {
  const others: SegmentNode[] = [];
  const lists = new Map<string, string[][]>();
  const spends = new Map<string, SegmentSpendPredicate[]>();
  for (const child of children) {
    if (!isPredicate(child)) others.push(child);
    else if (child.field === 'spend') spends.set(child.category, [...(spends.get(child.category) ?? []), child]);
    else lists.set(child.field, [...(lists.get(child.field) ?? []), child.in]);
  }
  const merged: SegmentNode[] = [];
  for (const [field, values] of lists) {
    const listField = field as SegmentListPredicate['field'];
    if (op === 'any') merged.push(listPredicate(listField, values.flat()));
    else if (SINGLE_VALUED.has(field)) merged.push(listPredicate(listField, values.reduce(intersect)));
    else {
      const minimal = values.filter((list, i) => !values.some((other, j) => j !== i && isSubset(other, list) && !isSubset(list, other)));
      merged.push(...minimal.map((list) => listPredicate(listField, list)));
    }
  }
  for (const [category, ranges] of spends) {
    if (op === 'any') merged.push(...unionRanges(ranges));
    else merged.push(spendPredicate(category, Math.max(...ranges.map((r) => r.min)), Math.min(...ranges.map((r) => r.max))));
  }
  return [...merged, ...others];
}

function canonicalGroup(op: 'all' | 'any', of: readonly SegmentNode[]): SegmentNode {
  const flat = of.map(canonicalise).flatMap((child) => ('op' in child && child.op === op ? child.of : [child]));
  // `all` with an empty segment inside is empty; `any` with an unrestricted one inside is unrestricted.
  if (flat.some(op === 'all' ? isEmptySegment : isUnrestrictedSegment)) return op === 'all' ? nobody() : everyone();
  const merged = mergeCriteria(op, flat);
  // Under `all` an empty intersection empties the whole group; under `any` a union is never empty.
  if (op === 'all' && merged.some(isEmptySegment)) return nobody();
  const unique = new Map(merged.map((child) => [sortKey(child), child]));
  const children = [...unique].sort(([a], [b]) => byKey(a, b)).map(([, child]) => child);
  const [only] = children;
  if (children.length === 1 && only) return only;
  return children.length === 0 ? (op === 'all' ? everyone() : nobody()) : { op, of: children };
}

/**
 * Flattens nested all/all and any/any, merges criteria on the same field, removes duplicates and
 * double negation, collapses single-child groups and sorts everything into one stable order.
 * Idempotent: canonicalise(canonicalise(t)) equals canonicalise(t).
 */
export function canonicalise(tree: SegmentNode): SegmentNode {
  if (isPredicate(tree)) {
    return tree.field === 'spend' ? spendPredicate(tree.category, tree.min, tree.max) : listPredicate(tree.field, tree.in);
  }
  if (tree.op === 'not') {
    const inner = canonicalise(tree.of);
    if (isEmptySegment(inner)) return everyone();
    if (isUnrestrictedSegment(inner)) return nobody();
    return 'op' in inner && inner.op === 'not' ? inner.of : { op: 'not', of: inner };
  }
  return canonicalGroup(tree.op, tree.of);
}

/** The canonical form as JSON: keys in a fixed order, so the text itself is stable. */
export function canonicalJson(tree: SegmentNode): string {
  return JSON.stringify(canonicalise(tree));
}

/** A stable identity for a query: sha256 (hex) of the canonical JSON and the rule version. */
export function canonicalKey(tree: SegmentNode): string {
  return createHash('sha256').update(`segment-canonical-v${CANONICAL_FORM_VERSION}\n${canonicalJson(tree)}`).digest('hex');
}
