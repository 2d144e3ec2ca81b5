import { describe, expect, it } from 'vitest';
import { AGE_BANDS, SEGMENTABLE_AGE_BANDS, ageBand, ageBandSchema, certainAge, isSegmentableAgeBand } from './age-bands';
import { InvalidBirthYearError } from './categories.errors';

const on = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('age bands', () => {
  it.each([
    // The 18th birthday may fall on 31 December, so before that day a person born in 2000 is a minor all of 2018.
    [2000, '2018-01-01', 'minor'],
    [2000, '2018-12-30', 'minor'],
    [2000, '2018-12-31', '18-24'],
    [2000, '2019-01-01', '18-24'],
    [1994, '2019-06-01', '18-24'],
    [1994, '2019-12-31', '25-34'],
    [1990, '2025-06-01', '25-34'],
    [1980, '2025-06-01', '35-44'],
    [1981, '2025-12-31', '35-44'],
    [1980, '2025-12-31', '45-54'],
    [1970, '2025-06-01', '45-54'],
    [1960, '2025-06-01', '55-64'],
    [1960, '2025-12-31', '65+'],
    [1930, '2025-06-01', '65+'],
    [2025, '2025-06-01', 'minor'],
  ] as const)('born %i, on %s: %s', (birthYear, date, expected) => {
    expect(ageBand(birthYear, on(date))).toBe(expected);
  });

  it('computes the age a person has certainly reached', () => {
    expect(certainAge(2000, on('2024-03-01'))).toBe(23);
    expect(certainAge(2000, on('2024-12-31'))).toBe(24);
  });

  it('rejects impossible birth years with a clear error', () => {
    expect(() => ageBand(2030, on('2025-01-01'))).toThrow(InvalidBirthYearError);
    expect(() => ageBand(1850, on('2025-01-01'))).toThrow(/between 1900 and 2025/);
    expect(() => ageBand(1990.5, on('2025-01-01'))).toThrow(InvalidBirthYearError);
  });

  it('never makes a minor segmentable', () => {
    expect(isSegmentableAgeBand('minor')).toBe(false);
    expect(SEGMENTABLE_AGE_BANDS).not.toContain('minor');
    expect(SEGMENTABLE_AGE_BANDS).toHaveLength(AGE_BANDS.length - 1);
    expect(ageBandSchema.safeParse('65+').success).toBe(true);
    expect(ageBandSchema.safeParse('17').success).toBe(false);
  });
});
