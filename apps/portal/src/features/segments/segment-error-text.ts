import type { TFunction } from 'i18next';
import { describeError } from '../../app/api-error';

export interface SegmentServerProblem {
  /** Translated text for the reader. */
  message: string;
  /** Where in the sent tree the problem is (`of.1.category`), when the server says so. */
  path?: string;
}

/**
 * The criteria problem of a failed estimate or save, in the reader's language: the API sends the
 * most serious problem's key (`segment.restricted`, a contract key such as `segment.tooManyPredicates`,
 * or `segments.errors.nobody`) under the `criteria` field, with its subject and path as the reason.
 * A key this portal does not know (a newer API) falls back to the server's English sentence.
 */
export function segmentProblemOf(error: unknown, t: TFunction, i18n: { exists: (key: string) => boolean }): SegmentServerProblem | null {
  const described = describeError(error);
  const key = described.fieldErrors['criteria']?.[0];
  if (key === undefined) return null;
  const params = described.reason?.params ?? {};
  const path = typeof params['path'] === 'string' ? params['path'] : undefined;
  const message = i18n.exists(key) ? t(key as 'segment.invalidNode', params) : (described.reason?.message || key);
  return { message, ...(path === undefined ? {} : { path }) };
}
