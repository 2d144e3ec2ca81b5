/** Month arithmetic on plain numbers: no Date objects in hot paths, no time zones anywhere. */
export interface Month {
  year: number;
  /** 1–12. */
  month: number;
  days: number;
  /** 'YYYY-MM'. */
  key: string;
}

export const MONTH_NAMES_NL = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthOf(year: number, month: number): Month {
  return { year, month, days: daysInMonth(year, month), key: `${year}-${pad2(month)}` };
}

/** The `count` whole months before `until` ('YYYY-MM', exclusive), oldest first. */
export function monthWindow(until: string, count: number): Month[] {
  const [y, m] = until.split('-').map(Number) as [number, number];
  const end = y * 12 + (m - 1);
  return Array.from({ length: count }, (_, i) => {
    const n = end - count + i;
    return monthOf(Math.floor(n / 12), (n % 12) + 1);
  });
}

/** A month's position on one continuous scale, for "from this month on" comparisons. */
export const monthNumber = (m: Pick<Month, 'year' | 'month'>) => m.year * 12 + (m.month - 1);

export const isoDate = (m: Month, day: number) => `${m.key}-${pad2(day)}`;
export const dutchDate = (m: Month, day: number) => `${pad2(day)}-${pad2(m.month)}-${m.year}`;
export const hhmm = (hour: number, minute: number) => `${pad2(hour)}:${pad2(minute)}`;

/** 0 = Sunday … 6 = Saturday. */
export function weekday(m: Month, day: number): number {
  return new Date(Date.UTC(m.year, m.month - 1, day)).getUTCDay();
}

/** The working day on or before `day`: salaries due on a Saturday arrive on Friday. */
export function workdayOnOrBefore(m: Month, day: number): number {
  let d = Math.min(day, m.days);
  while (d > 1 && (weekday(m, d) === 0 || weekday(m, d) === 6)) d--;
  return d;
}

/** The booking's value date as Dutch banks print it: the next day, within the month. */
export function valueDate(m: Month, day: number): string {
  return dutchDate(m, Math.min(day + 1, m.days));
}
