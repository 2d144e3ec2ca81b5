/**
 * Identifiers that go into a pain.001 file, derived from our own uuids: unique because the uuids
 * are, at most 35 letters and digits as ISO 20022 allows, and the same every time a file is
 * generated again. The EndToEndId comes back on the bank statement and identifies the payout there.
 */
const compact = (uuid: string) => uuid.replace(/-/g, '').toUpperCase();

export const endToEndIdFor = (requestId: string) => `DDE${compact(requestId)}`;
export const msgIdFor = (batchId: string) => `DDM${compact(batchId)}`;
export const pmtInfIdFor = (batchId: string) => `DDP${compact(batchId)}`;

/** The calendar date in Europe/Amsterdam, YYYY-MM-DD. */
export function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The calendar month in Europe/Amsterdam, YYYY-MM. */
export const amsterdamMonth = (at: Date) => amsterdamDate(at).slice(0, 7);

/** Easter Sunday (Gregorian, anonymous algorithm) as a UTC date. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** TARGET2 closing days, on which no SEPA credit transfer is executed. */
export function isTargetHoliday(date: string): boolean {
  const [year] = date.split('-').map(Number) as [number];
  const sunday = easter(year);
  const goodFriday = new Date(sunday.getTime() - 2 * 86_400_000);
  const easterMonday = new Date(sunday.getTime() + 86_400_000);
  const fixed = ['01-01', '05-01', '12-25', '12-26'].map((md) => `${year}-${md}`);
  return [...fixed, iso(goodFriday), iso(easterMonday)].includes(date);
}

/** The first TARGET2 business day after the day of `at` in Amsterdam: when the bank should pay. */
export function nextBusinessDay(at: Date): string {
  const [y, m, d] = amsterdamDate(at).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  do {
    date.setUTCDate(date.getUTCDate() + 1);
  } while (date.getUTCDay() === 0 || date.getUTCDay() === 6 || isTargetHoliday(iso(date)));
  return iso(date);
}
