import { z } from 'zod';
import { DomainError } from '@dd/errors';
import type { LocalisedText } from './category.catalogue';

export const HOUSEHOLD_BANDS = ['single', 'two', 'three_four', 'five_plus'] as const;
export type HouseholdBand = (typeof HOUSEHOLD_BANDS)[number];
export const householdBandSchema = z.enum(HOUSEHOLD_BANDS);

export const HOUSEHOLD_BAND_LABELS: Record<HouseholdBand, LocalisedText> = {
  single: { nl: '1 persoon', en: '1 person' },
  two: { nl: '2 personen', en: '2 people' },
  three_four: { nl: '3–4 personen', en: '3–4 people' },
  five_plus: { nl: '5 of meer personen', en: '5 or more people' },
};

/** The largest household the profile form accepts; larger numbers are almost always typing errors. */
export const MAX_HOUSEHOLD_SIZE = 20;

/** Household size is banded so a rare exact number (say, 11) cannot single anyone out. */
export function householdBand(size: number): HouseholdBand {
  if (!Number.isInteger(size) || size < 1 || size > MAX_HOUSEHOLD_SIZE) {
    throw new DomainError('VALIDATION_FAILED', `Enter a household size between 1 and ${MAX_HOUSEHOLD_SIZE}.`, {
      field: 'householdSize',
      messageKey: 'validation.householdInvalid',
    });
  }
  if (size === 1) return 'single';
  if (size === 2) return 'two';
  if (size <= 4) return 'three_four';
  return 'five_plus';
}
