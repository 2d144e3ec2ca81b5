import { isCalendarDate } from '@dd/contract';
import { DomainError } from '@dd/errors';

/**
 * Keyset paging for the admin's lists: a cursor is the sort key of the last row shown, opaque to the
 * portal (base64url JSON). Keyset rather than OFFSET, so a request approved or a batch created
 * between two pages neither repeats nor skips a row. Timestamps travel as PostgreSQL text with
 * microseconds: a JavaScript Date would cut them to milliseconds and lose rows in a tie.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?Z$/;

/** A timestamp PostgreSQL accepts: the shape, and a day that exists ("2026-02-30T…" used to reach the query and fail there, a 500). */
function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  return match !== null && isCalendarDate(match[1]!);
}

/** The cursor's key, checked against its shape ('n' number, 't' timestamp, 'u' uuid); a tampered cursor is a validation error. */
export function decodeCursor<T extends readonly (string | number)[]>(cursor: string, shape: readonly ('n' | 't' | 'u')[]): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    shape.every((kind, i) => (kind === 'n' ? Number.isSafeInteger(key[i]) : typeof key[i] === 'string' && (kind === 't' ? isTimestamp(key[i]) : UUID.test(key[i]))));
  if (!valid) throw new DomainError('VALIDATION_FAILED', 'This list position is not valid any more. Reload the list.', { field: 'cursor', messageKey: 'validation.cursorInvalid' });
  return key as unknown as T;
}

/** `limit` rows of the `limit + 1` fetched, and the cursor of the next page when there is one. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => (string | number)[]): { rows: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { rows: shown, nextCursor: more ? encodeCursor(keyOf(shown[shown.length - 1]!)) : null };
}

/** PostgreSQL's text of a timestamptz in UTC with microseconds, for a cursor. */
export const CURSOR_TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
