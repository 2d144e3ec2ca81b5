import type { ConsentChange, ConsentState, PurposeCode } from '@dd/contract';

/** One cell as the customer is editing it. `until` is the last day the grant counts (YYYY-MM-DD), or null: until withdrawn. */
export interface CellDraft {
  granted: boolean;
  until: string | null;
}

export interface ConsentDraft {
  cells: Readonly<Record<string, CellDraft>>;
  /** Excluded industry codes, sorted. */
  excluded: readonly string[];
}

export const DURATION_PRESETS = [3, 6, 12] as const;
export type DurationChoice = 'none' | 'date' | `${(typeof DURATION_PRESETS)[number]}`;

export function cellKey(category: string, purpose: PurposeCode): string {
  return `${category}:${purpose}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The calendar date of a moment in the reader's own time zone. */
export function localDate(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** A real calendar date written as YYYY-MM-DD (not 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/**
 * A grant "until 31 May" should still count all of 31 May where the customer lives, so it ends at
 * the start of 1 June local time. This is the moment sent to the API.
 */
export function expiryFromLastDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1).toISOString();
}

/** The inverse of expiryFromLastDay: the last local day on which a grant still counts. */
export function lastDayFromExpiry(expiresAt: string): string {
  return localDate(new Date(new Date(expiresAt).getTime() - 1));
}

/** `today` plus whole months, kept inside the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(year, month - 1 + months, 1);
  const lastOfMonth = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(day, lastOfMonth));
  return localDate(target);
}

/** What the server holds, as a draft. An expired grant no longer counts, so it starts switched off. */
export function draftFromState(state: ConsentState): ConsentDraft {
  const cells: Record<string, CellDraft> = {};
  for (const cell of state.cells) {
    const active = cell.granted && !cell.expired;
    cells[cellKey(cell.category, cell.purpose)] = { granted: active, until: active && cell.expiresAt ? lastDayFromExpiry(cell.expiresAt) : null };
  }
  return { cells, excluded: [...state.excludedIndustries].sort() };
}

export function setCell(draft: ConsentDraft, key: string, next: Partial<CellDraft>): ConsentDraft {
  const current = draft.cells[key] ?? { granted: false, until: null };
  const cell = { ...current, ...next };
  // Switching off forgets the end date: switching on again starts from "until I withdraw".
  if (!cell.granted) cell.until = null;
  return { ...draft, cells: { ...draft.cells, [key]: cell } };
}

export function setExcluded(draft: ConsentDraft, industry: string, excluded: boolean): ConsentDraft {
  const set = new Set(draft.excluded);
  if (excluded) set.add(industry);
  else set.delete(industry);
  return { ...draft, excluded: [...set].sort() };
}

/** The cell decisions to send: only what differs from the server, with end dates as moments. */
export function consentChanges(baseline: ConsentDraft, draft: ConsentDraft): ConsentChange[] {
  const changes: ConsentChange[] = [];
  for (const [key, cell] of Object.entries(draft.cells)) {
    const before = baseline.cells[key] ?? { granted: false, until: null };
    const differs = cell.granted !== before.granted || (cell.granted && cell.until !== before.until);
    if (!differs) continue;
    const [category = '', purpose] = key.split(':') as [string, PurposeCode];
    changes.push(
      cell.granted ? { category, purpose, granted: true, expiresAt: cell.until ? expiryFromLastDay(cell.until) : null } : { category, purpose, granted: false },
    );
  }
  return changes;
}

/** The full exclusion list when it changed, else undefined (the API then leaves it alone). */
export function industryChange(baseline: ConsentDraft, draft: ConsentDraft): string[] | undefined {
  const same = baseline.excluded.length === draft.excluded.length && baseline.excluded.every((code, i) => draft.excluded[i] === code);
  return same ? undefined : [...draft.excluded];
}

/** How many separate choices are unsaved: changed cells plus industries toggled. */
export function countChanges(baseline: ConsentDraft, draft: ConsentDraft): number {
  const before = new Set(baseline.excluded);
  const after = new Set(draft.excluded);
  const toggled = [...after].filter((c) => !before.has(c)).length + [...before].filter((c) => !after.has(c)).length;
  return consentChanges(baseline, draft).length + toggled;
}

export type CellProblem = 'validation.dateInvalid' | 'consent.errors.dateInPast';

/** End dates that cannot be saved: not a date, or already past. Keyed like the cells. */
export function draftProblems(draft: ConsentDraft, today: string): Record<string, CellProblem> {
  const problems: Record<string, CellProblem> = {};
  for (const [key, cell] of Object.entries(draft.cells)) {
    if (!cell.granted || cell.until === null) continue;
    if (!isCalendarDate(cell.until)) problems[key] = 'validation.dateInvalid';
    else if (cell.until < today) problems[key] = 'consent.errors.dateInPast';
  }
  return problems;
}

/** Which choice the duration select shows for a cell. */
export function durationChoice(cell: CellDraft, remembered: DurationChoice | undefined): DurationChoice {
  if (cell.until === null) return 'none';
  return remembered && remembered !== 'none' ? remembered : 'date';
}

/** The cell after the customer picks a duration. "date" keeps a date already chosen, or proposes three months. */
export function applyDuration(cell: CellDraft, choice: DurationChoice, today: string): CellDraft {
  if (choice === 'none') return { ...cell, until: null };
  if (choice === 'date') return { ...cell, until: cell.until ?? addMonths(today, 3) };
  return { ...cell, until: addMonths(today, Number(choice)) };
}
