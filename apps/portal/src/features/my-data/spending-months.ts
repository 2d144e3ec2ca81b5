/** Months as 'YYYY-MM'. The API's period is [from, to): from the first day of one month to the first of the month after the last. */
function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return year * 12 + (m - 1);
}

function monthFromIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month of the period, oldest first: the chart's axis has no gaps for months without spending. */
export function periodMonths(from: string, to: string): string[] {
  const first = monthIndex(from.slice(0, 7));
  const end = monthIndex(to.slice(0, 7));
  const months: string[] = [];
  for (let i = first; i < end && months.length < 120; i += 1) months.push(monthFromIndex(i));
  return months;
}

/** The spending per month over the whole period, 0 where nothing was spent. */
export function fillMonths(from: string, to: string, byMonth: readonly { month: string; totalCents: number }[]): { month: string; totalCents: number }[] {
  const totals = new Map(byMonth.map((m) => [m.month, m.totalCents]));
  return periodMonths(from, to).map((month) => ({ month, totalCents: totals.get(month) ?? 0 }));
}
