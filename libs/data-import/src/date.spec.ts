import { describe, expect, it } from 'vitest';
import { parseCompactDate, parseIsoDate, parseIsoDateTimeAsDate } from './date';

describe('dates', () => {
  it('reads YYYYMMDD and YYYY-MM-DD into YYYY-MM-DD', () => {
    expect(parseCompactDate('20240315')).toBe('2024-03-15');
    expect(parseIsoDate('2024-03-15')).toBe('2024-03-15');
  });

  it('rejects days that do not exist, not only wrong shapes', () => {
    expect(parseCompactDate('20240231')).toBeNull();
    expect(parseCompactDate('20230229')).toBeNull();
    expect(parseCompactDate('20240229')).toBe('2024-02-29');
    expect(parseCompactDate('20241301')).toBeNull();
    expect(parseCompactDate('2024031')).toBeNull();
    expect(parseIsoDate('01-03-2024')).toBeNull();
  });

  it('keeps the calendar date of a CAMT date-time as written, without moving it to UTC', () => {
    expect(parseIsoDateTimeAsDate('2024-05-01T00:30:12+02:00')).toBe('2024-05-01');
    expect(parseIsoDateTimeAsDate('2024-05-01T23:59:59Z')).toBe('2024-05-01');
    expect(parseIsoDateTimeAsDate('2024-05-01')).toBeNull();
  });
});
