import { SEGMENT_LIMITS, type SegmentField, type SegmentListField, type SegmentNode, type SegmentPredicate } from '@dd/contract';

/**
 * The segment builder's form state and its mapping to the criteria tree the API takes. The builder
 * shows a top-level "match all / match any" choice over rows; a row is one criterion (optionally
 * "exclude people who…", a `not` around it) or one group with its own all/any over criteria. That
 * is at most all → any → not → criterion: four levels, the contract's limit.
 */
export type Match = 'all' | 'any';

export interface ListCriterion {
  field: SegmentListField;
  values: string[];
}
export interface SpendCriterion {
  field: 'spend';
  /** '' until a category is chosen. */
  category: string;
  min: number;
  max: number;
}
export type Criterion = ListCriterion | SpendCriterion;

export interface CriterionRow {
  kind: 'criterion';
  id: string;
  exclude: boolean;
  criterion: Criterion;
}
export interface GroupRow {
  kind: 'group';
  id: string;
  match: Match;
  rows: CriterionRow[];
}
export type BuilderRow = CriterionRow | GroupRow;

export interface BuilderState {
  match: Match;
  rows: BuilderRow[];
}

let lastId = 0;
/** Row ids only key React's lists; they never leave the page. */
export const newRowId = () => `row-${++lastId}`;

export function emptyCriterion(field: SegmentField): Criterion {
  return field === 'spend' ? { field, category: '', min: SEGMENT_LIMITS.minSpendBand, max: SEGMENT_LIMITS.maxSpendBand } : { field, values: [] };
}

export function newCriterionRow(field: SegmentField = 'ageBand'): CriterionRow {
  return { kind: 'criterion', id: newRowId(), exclude: false, criterion: emptyCriterion(field) };
}

/** A group usually says "one of these": it starts as `any` with one empty criterion. */
export function newGroupRow(): GroupRow {
  return { kind: 'group', id: newRowId(), match: 'any', rows: [newCriterionRow()] };
}

export function initialBuilderState(): BuilderState {
  return { match: 'all', rows: [newCriterionRow()] };
}

/** A criterion counts once it says something: at least one value, or a spending category with a valid range. */
export function isComplete(criterion: Criterion): boolean {
  return criterion.field === 'spend' ? criterion.category !== '' && criterion.min <= criterion.max : criterion.values.length > 0;
}

function predicateOf(criterion: Criterion): SegmentPredicate {
  if (criterion.field === 'spend') return { field: 'spend', category: criterion.category, min: criterion.min, max: criterion.max };
  return { field: criterion.field, in: [...criterion.values] } as SegmentPredicate;
}

function criterionNode(row: CriterionRow): SegmentNode | null {
  if (!isComplete(row.criterion)) return null;
  const predicate = predicateOf(row.criterion);
  return row.exclude ? { op: 'not', of: predicate } : predicate;
}

function rowNode(row: BuilderRow): SegmentNode | null {
  if (row.kind === 'criterion') return criterionNode(row);
  const of = row.rows.map(criterionNode).filter((node): node is SegmentNode => node !== null);
  return of.length ? { op: row.match, of } : null;
}

/**
 * The tree for the API: the top-level choice over every row that says something. Rows still
 * waiting for a value are left out (and a group with none), so the estimate follows what is
 * chosen so far; null when nothing is chosen yet.
 */
export function treeFromState(state: BuilderState): SegmentNode | null {
  const of = state.rows.map(rowNode).filter((node): node is SegmentNode => node !== null);
  return of.length ? { op: state.match, of } : null;
}

function criterionFrom(predicate: SegmentPredicate): Criterion {
  if (predicate.field === 'spend') return { field: 'spend', category: predicate.category, min: predicate.min, max: predicate.max };
  return { field: predicate.field, values: [...predicate.in] };
}

const isPredicate = (node: SegmentNode): node is SegmentPredicate => 'field' in node;

function criterionRowFrom(node: SegmentNode): CriterionRow | null {
  if (isPredicate(node)) return { kind: 'criterion', id: newRowId(), exclude: false, criterion: criterionFrom(node) };
  if (node.op === 'not' && isPredicate(node.of)) return { kind: 'criterion', id: newRowId(), exclude: true, criterion: criterionFrom(node.of) };
  return null;
}

function rowFrom(node: SegmentNode): BuilderRow | null {
  const criterion = criterionRowFrom(node);
  if (criterion) return criterion;
  if (isPredicate(node) || node.op === 'not') return null;
  const rows = node.of.map(criterionRowFrom);
  if (rows.some((row) => row === null)) return null;
  return { kind: 'group', id: newRowId(), match: node.op, rows: rows as CriterionRow[] };
}

/**
 * The form for a stored tree (a saved segment is stored in canonical form, which can put a lone
 * criterion at the root). Null for a tree the builder cannot show, such as a group under `not`
 * or groups nested twice: the page then says so instead of changing the segment's meaning.
 */
export function stateFromTree(tree: SegmentNode): BuilderState | null {
  const single = criterionRowFrom(tree);
  if (single) return { match: 'all', rows: [single] };
  if (isPredicate(tree) || tree.op === 'not') return null;
  const rows = tree.of.map(rowFrom);
  if (rows.some((row) => row === null)) return null;
  return { match: tree.op, rows: rows as BuilderRow[] };
}

/** Every criterion row, inside groups too, in the order shown. */
export function criterionRows(state: BuilderState): CriterionRow[] {
  return state.rows.flatMap((row) => (row.kind === 'group' ? row.rows : [row]));
}

/** Rows that still need a choice before the segment can be saved. */
export function incompleteRows(state: BuilderState): CriterionRow[] {
  return criterionRows(state).filter((row) => !isComplete(row.criterion));
}

/** Whether one more criterion fits (SEGMENT_LIMITS.maxPredicates counts every criterion). */
export function canAddCriterion(state: BuilderState): boolean {
  return criterionRows(state).length < SEGMENT_LIMITS.maxPredicates;
}

/**
 * The row a server problem is about, from its path in the tree `treeFromState` sent (`of.2.in.0`,
 * `of.1.of.0.of.category`): the same walk over the rows that were sent, skipping the ones left out.
 */
export function rowAtPath(state: BuilderState, path: string): string | undefined {
  const steps = path.split('.').filter(Boolean);
  const sent = (rows: readonly BuilderRow[]) => rows.filter((row) => rowNode(row) !== null);
  if (steps[0] !== 'of') return undefined;
  const row = sent(state.rows)[Number(steps[1])];
  if (!row || row.kind === 'criterion') return row?.id;
  if (steps[2] !== 'of') return row.id;
  return sent(row.rows)[Number(steps[3])]?.id ?? row.id;
}

// Edits, as pure functions of the state.

export function updateRow(state: BuilderState, id: string, change: (row: CriterionRow) => CriterionRow): BuilderState {
  const inRows = <R extends BuilderRow>(rows: R[]): R[] =>
    rows.map((row) => {
      if (row.kind === 'group') return { ...row, rows: inRows(row.rows) };
      return row.id === id ? (change(row) as R) : row;
    });
  return { ...state, rows: inRows(state.rows) };
}

export function setGroupMatch(state: BuilderState, groupId: string, match: Match): BuilderState {
  return { ...state, rows: state.rows.map((row) => (row.kind === 'group' && row.id === groupId ? { ...row, match } : row)) };
}

/** Removes a criterion or a whole group; a group whose last criterion goes, goes with it. */
export function removeRow(state: BuilderState, id: string): BuilderState {
  const rows = state.rows
    .filter((row) => row.id !== id)
    .map((row) => (row.kind === 'group' ? { ...row, rows: row.rows.filter((inner) => inner.id !== id) } : row))
    .filter((row) => row.kind === 'criterion' || row.rows.length > 0);
  return { ...state, rows };
}

/** Adds an empty criterion at the top level, or at the end of a group; nothing past the limit. */
export function addCriterion(state: BuilderState, groupId?: string): { state: BuilderState; added?: string } {
  if (!canAddCriterion(state)) return { state };
  const row = newCriterionRow();
  if (groupId === undefined) return { state: { ...state, rows: [...state.rows, row] }, added: row.id };
  return {
    state: { ...state, rows: state.rows.map((r) => (r.kind === 'group' && r.id === groupId ? { ...r, rows: [...r.rows, row] } : r)) },
    added: row.id,
  };
}

export function addGroup(state: BuilderState): { state: BuilderState; added?: string } {
  if (!canAddCriterion(state)) return { state };
  const group = newGroupRow();
  return { state: { ...state, rows: [...state.rows, group] }, added: group.rows[0]?.id };
}
