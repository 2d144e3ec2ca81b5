const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Shape alone accepts `20240230`; a calendar check catches truncated or shifted columns. */
function fromParts(match: RegExpExecArray | null): string | null {
  if (!match) return null;
  const [, y = '', m = '', d = ''] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${y}-${m}-${d}`;
}

/** `YYYYMMDD` (ING, ABN AMRO) to `YYYY-MM-DD`, or null. */
export function parseCompactDate(raw: string): string | null {
  return fromParts(COMPACT.exec(raw.trim()));
}

/** `YYYY-MM-DD` (Rabobank, ING savings, CAMT `Dt`), or null. */
export function parseIsoDate(raw: string): string | null {
  return fromParts(ISO.exec(raw.trim()));
}

/**
 * CAMT `DtTm` (`2024-03-04T00:30:00+01:00`): the calendar date as the bank wrote it. Converting to UTC would move
 * a booking made just after midnight in Amsterdam to the previous day, unlike the bank's own statement.
 */
export function parseIsoDateTimeAsDate(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  return parseIsoDate(trimmed.slice(0, 10));
}
