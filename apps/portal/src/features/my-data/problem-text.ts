import type { i18n as I18n, TFunction } from 'i18next';
import { formatCount } from '../../app/format';

/** An import problem as the API sends it, for the file as a whole or for one row. */
export interface CodedProblem {
  code: string | null;
  params: Readonly<Record<string, string | number>>;
  /** English; shown when this portal has no text for the code (a newer API, or a problem stored before codes). */
  message: string;
}

/**
 * What is wrong, in the reader's language, from the problem's stable code and its values; numbers
 * (limits, column counts) are written the way the reader writes them.
 */
export function problemText(t: TFunction, i18n: Pick<I18n, 'language' | 'exists'>, problem: CodedProblem): string {
  if (!problem.code) return problem.message;
  const key = `data.problems.${problem.code}`;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    // `count` stays a number: i18next picks the singular or plural text by it.
    values[name] = typeof value === 'number' && name !== 'count' ? formatCount(value, i18n.language) : value;
  }
  return i18n.exists(key, values) ? t(key as 'data.problems.fileEmpty', values) : problem.message;
}
