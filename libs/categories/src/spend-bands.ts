import { z } from 'zod';
import { SELLABLE_CATEGORIES, type CategoryCode } from './category.catalogue';

/**
 * Monthly spend bands per category, the only form in which spending becomes a derived feature.
 * Thresholds are integer euro cents on the average month; each band includes its lower bound:
 *   0 none, 1 under €25, 2 €25 to under €100, 3 €100 to under €250, 4 €250 to under €500, 5 €500 or more.
 */
export const SPEND_BANDS = [0, 1, 2, 3, 4, 5] as const;
export type SpendBand = (typeof SPEND_BANDS)[number];
export const spendBandSchema = z.union(SPEND_BANDS.map((band) => z.literal(band)) as [z.ZodLiteral<SpendBand>, z.ZodLiteral<SpendBand>, ...z.ZodLiteral<SpendBand>[]]);

/** Lower bounds of bands 2 to 5 in cents; anything above zero and below the first is band 1. */
export const SPEND_BAND_THRESHOLDS_CENTS = [2_500, 10_000, 25_000, 50_000] as const;

export const SPEND_WINDOW_DAYS = 90;
/** The 90-day window is counted as three months, so the average is a plain division by three. */
const MONTHS_IN_WINDOW = 3;

export function spendBand(monthlyCents: number): SpendBand {
  if (!Number.isFinite(monthlyCents) || monthlyCents <= 0) return 0;
  let band: SpendBand = 1;
  SPEND_BAND_THRESHOLDS_CENTS.forEach((threshold, index) => {
    if (monthlyCents >= threshold) band = (index + 2) as SpendBand;
  });
  return band;
}

export interface CategorisedAmount {
  /** Booking date as `YYYY-MM-DD`. */
  bookedOn: string;
  /** Signed cents: spending is negative, a refund positive. */
  amountCents: number;
  category: string | null;
}

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Average monthly spend band per sellable category over the 90 days ending on the reference date
 * (inclusive). Refunds in a category reduce its spend. Special, protected and internal categories
 * are not computed at all, so they cannot end up in a feature by accident.
 */
export function monthlySpendBands(transactions: Iterable<CategorisedAmount>, referenceDate: Date): Partial<Record<CategoryCode, SpendBand>> {
  const end = isoDay(referenceDate.getTime());
  const start = isoDay(Date.UTC(referenceDate.getUTCFullYear(), referenceDate.getUTCMonth(), referenceDate.getUTCDate()) - (SPEND_WINDOW_DAYS - 1) * DAY_MS);
  const netSpend = new Map<string, number>(SELLABLE_CATEGORIES.map((code) => [code, 0]));
  for (const { bookedOn, amountCents, category } of transactions) {
    if (category === null || !netSpend.has(category) || !Number.isFinite(amountCents)) continue;
    const day = bookedOn.slice(0, 10);
    if (day < start || day > end) continue;
    netSpend.set(category, (netSpend.get(category) ?? 0) - amountCents);
  }
  const bands: Partial<Record<CategoryCode, SpendBand>> = {};
  for (const [category, cents] of netSpend) bands[category as CategoryCode] = spendBand(Math.floor(cents / MONTHS_IN_WINDOW));
  return bands;
}
