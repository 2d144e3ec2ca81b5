import { DomainError } from '@dd/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;

/** The opaque position after the last notification shown: its creation time (microseconds, as PostgreSQL wrote it) and id. */
export function encodeCursor(key: readonly [string, string]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A tampered or stale cursor is a field error the portal can say, never a failed query. */
export function decodeCursor(cursor: string): [string, string] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const valid = Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && TIMESTAMP.test(key[0]) && !Number.isNaN(Date.parse(key[0])) && typeof key[1] === 'string' && UUID.test(key[1]);
  if (!valid) throw new DomainError('VALIDATION_FAILED', 'This list position is not valid any more. Reload the list.', { field: 'cursor', messageKey: 'validation.cursorInvalid' });
  return key as [string, string];
}
