import { HOUSEHOLD_BANDS, PROFILE_CATEGORIES, PROVINCE_CODES, SEGMENTABLE_AGE_BANDS, isSellable } from '@dd/categories';
import type { SegmentFeatures } from '@dd/segments';

const UNKNOWN = 'unknown';
const SPEND_BANDS = ['0', '1', '2', '3', '4', '5'];

/**
 * One table of an insight report: a partition of the members (each person in exactly one cell, so
 * one person changes one cell by one and the table's sensitivity is 1), its public list of cells
 * (zeros included), and the data category it reads, which consent must cover like the criteria.
 */
export interface Breakdown {
  code: string;
  category: string;
  cells: readonly string[];
  cellOf(features: SegmentFeatures): string;
}

const fixed: Record<string, Breakdown> = {
  ageBand: { code: 'ageBand', category: PROFILE_CATEGORIES.age, cells: [...SEGMENTABLE_AGE_BANDS, UNKNOWN], cellOf: (f) => f.ageBand ?? UNKNOWN },
  province: { code: 'province', category: PROFILE_CATEGORIES.region, cells: [...PROVINCE_CODES, UNKNOWN], cellOf: (f) => f.province ?? UNKNOWN },
  householdBand: { code: 'householdBand', category: PROFILE_CATEGORIES.household, cells: [...HOUSEHOLD_BANDS, UNKNOWN], cellOf: (f) => f.householdBand ?? UNKNOWN },
};

/** `ageBand`, `province`, `householdBand` or `spend:<sellable category>` (bands 0–5); undefined for anything else. */
export function breakdownFor(code: string): Breakdown | undefined {
  if (Object.hasOwn(fixed, code)) return fixed[code];
  const category = code.startsWith('spend:') ? code.slice('spend:'.length) : undefined;
  if (!category || !isSellable(category)) return undefined;
  return {
    code,
    category,
    cells: SPEND_BANDS,
    cellOf: (f) => String(Object.hasOwn(f.spendBands, category) ? (f.spendBands[category] ?? 0) : 0),
  };
}
