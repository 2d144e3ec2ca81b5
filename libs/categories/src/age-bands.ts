import { z } from 'zod';
import { InvalidBirthYearError } from './categories.errors';

export const AGE_BANDS = ['minor', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const ageBandSchema = z.enum(AGE_BANDS);

/** Bands a segment may use: a minor is never part of any segment. */
export const SEGMENTABLE_AGE_BANDS = AGE_BANDS.filter((band) => band !== 'minor');

const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Only the birth year is stored, so the exact age is unknown within one year. The band uses the age
 * the person has certainly reached on the reference date: reference year − birth year − 1, or
 * reference year − birth year on 31 December, when every birthday of the year has passed. Erring low
 * means nobody who might still be 17 is ever treated as an adult.
 */
export function certainAge(birthYear: number, referenceDate: Date): number {
  const year = referenceDate.getUTCFullYear();
  if (!Number.isInteger(birthYear) || birthYear < EARLIEST_BIRTH_YEAR || birthYear > year) {
    throw new InvalidBirthYearError(`Enter a birth year between ${EARLIEST_BIRTH_YEAR} and ${year}.`);
  }
  const lastDayOfYear = referenceDate.getUTCMonth() === 11 && referenceDate.getUTCDate() === 31;
  return year - birthYear - (lastDayOfYear ? 0 : 1);
}

export function ageBand(birthYear: number, referenceDate: Date): AgeBand {
  const age = certainAge(birthYear, referenceDate);
  if (age < 18) return 'minor';
  if (age <= 24) return '18-24';
  if (age <= 34) return '25-34';
  if (age <= 44) return '35-44';
  if (age <= 54) return '45-54';
  if (age <= 64) return '55-64';
  return '65+';
}

export function isSegmentableAgeBand(band: AgeBand): boolean {
  return band !== 'minor';
}
