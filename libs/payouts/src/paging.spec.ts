import { describe, expect, it } from 'vitest';
import { isDomainError } from '@dd/errors';
import { decodeCursor, encodeCursor } from './paging';

const ID = '6a1c8c8e-8f4b-4b7e-9a53-3f3f0f2d2a11';

function refusal(cursor: string): unknown {
  try {
    decodeCursor(cursor, ['n', 't', 'u']);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor([2, '2026-02-28T23:59:59.123456Z', ID]), ['n', 't', 'u'])).toEqual([2, '2026-02-28T23:59:59.123456Z', ID]);
  });

  it('refuses a timestamp that does not exist as a field error, before it reaches a query', () => {
    for (const timestamp of ['2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T12:60:00Z', '0000-01-01T00:00:00Z', '2026-01-01 00:00:00Z']) {
      const error = refusal(encodeCursor([1, timestamp, ID]));
      expect(isDomainError(error) && error.code, timestamp).toBe('VALIDATION_FAILED');
      expect(isDomainError(error) && error.details, timestamp).toEqual({ field: 'cursor', messageKey: 'validation.cursorInvalid' });
    }
  });

  it('refuses tampered shapes', () => {
    for (const cursor of ['', 'not-base64-json', encodeCursor([1, '2026-01-01T00:00:00Z']), encodeCursor(['1', '2026-01-01T00:00:00Z', ID]), encodeCursor([1, '2026-01-01T00:00:00Z', 'x'])]) {
      expect(isDomainError(refusal(cursor)), cursor).toBe(true);
    }
  });
});
