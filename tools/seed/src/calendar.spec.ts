import { describe, expect, it } from 'vitest';
import { dutchDate, isoDate, monthOf, monthWindow, workdayOnOrBefore } from './calendar';

describe('calendar', () => {
  it('lists the whole months before the end month, oldest first, across a year boundary', () => {
    expect(monthWindow('2026-02', 3).map((m) => m.key)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthWindow('2026-11', 1)[0]).toEqual({ year: 2026, month: 10, days: 31, key: '2026-10' });
    expect(monthOf(2028, 2).days).toBe(29);
  });

  it('formats dates the way the database and the bank do', () => {
    const m = monthOf(2026, 5);
    expect(isoDate(m, 7)).toBe('2026-05-07');
    expect(dutchDate(m, 7)).toBe('07-05-2026');
  });

  it('moves a weekend payday to the Friday before', () => {
    // 25 October 2026 is a Sunday.
    expect(workdayOnOrBefore(monthOf(2026, 10), 25)).toBe(23);
    expect(workdayOnOrBefore(monthOf(2026, 10), 26)).toBe(26);
  });
});
