import { describe, expect, it } from 'vitest';
import { amsterdamDate, endToEndIdFor, isTargetHoliday, msgIdFor, nextBusinessDay, pmtInfIdFor } from './payout.ids';
import { DEFAULT_PAYOUT_SETTINGS, payoutSettingsFromEnv } from './payout.settings';

describe('payout settings', () => {
  it('defaults: EUR 10 minimum, 30 days, EUR 250 a month, 7 days pending', () => {
    expect(payoutSettingsFromEnv({})).toEqual(DEFAULT_PAYOUT_SETTINGS);
    expect(DEFAULT_PAYOUT_SETTINGS).toMatchObject({ minimumCents: 1_000, minAccountAgeDays: 30, monthlyCapCents: 25_000, holdingDays: 7 });
  });

  it('reads every variable and normalises the platform account', () => {
    const settings = payoutSettingsFromEnv({
      PAYOUT_MINIMUM_CENTS: '500',
      PAYOUT_MIN_ACCOUNT_AGE_DAYS: '0',
      PAYOUT_MONTHLY_CAP_CENTS: '100000',
      PAYOUT_HOLDING_DAYS: '0',
      PLATFORM_IBAN: 'nl02 abna 0123 4567 89',
      PLATFORM_BIC: 'abnanl2a',
      PLATFORM_ACCOUNT_NAME: 'Stichting Uitbetaling',
    });
    expect(settings).toEqual({
      minimumCents: 500,
      minAccountAgeDays: 0,
      monthlyCapCents: 100_000,
      holdingDays: 0,
      platformIban: 'NL02ABNA0123456789',
      platformBic: 'ABNANL2A',
      platformAccountName: 'Stichting Uitbetaling',
    });
  });

  it('names every bad variable, and insists on a real account in production', () => {
    expect(() => payoutSettingsFromEnv({ PAYOUT_MINIMUM_CENTS: 'tien', PLATFORM_IBAN: 'NL91ABNA0417164301' })).toThrow(/PAYOUT_MINIMUM_CENTS[\s\S]*PLATFORM_IBAN/);
    expect(() => payoutSettingsFromEnv({ PAYOUT_MINIMUM_CENTS: '5000', PAYOUT_MONTHLY_CAP_CENTS: '1000' })).toThrow(/below PAYOUT_MINIMUM_CENTS/);
    expect(() => payoutSettingsFromEnv({ NODE_ENV: 'production' })).toThrow(/PLATFORM_IBAN: required in production/);
    expect(() => payoutSettingsFromEnv({ PLATFORM_BIC: 'ABNA NL' })).toThrow(/PLATFORM_BIC: is not a valid BIC/);
  });

  it('the BIC is optional, as for billing: an IBAN of its own never borrows the example’s BIC', () => {
    expect(payoutSettingsFromEnv({ PLATFORM_IBAN: 'NL02ABNA0123456789' }).platformBic).toBeNull();
    expect(payoutSettingsFromEnv({ PLATFORM_IBAN: 'NL02ABNA0123456789', PLATFORM_BIC: '' }).platformBic).toBeNull();
    const production = { NODE_ENV: 'production', PLATFORM_IBAN: 'NL02ABNA0123456789', PLATFORM_ACCOUNT_NAME: 'DataDividend B.V.' };
    expect(payoutSettingsFromEnv(production)).toMatchObject({ platformIban: 'NL02ABNA0123456789', platformBic: null });
  });
});

describe('file identifiers and the execution date', () => {
  it('ids are 35 letters and digits at most, derived from our uuids', () => {
    const id = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    for (const make of [endToEndIdFor, msgIdFor, pmtInfIdFor]) expect(make(id)).toMatch(/^[A-Z]{3}[0-9A-F]{32}$/);
    expect(new Set([endToEndIdFor(id), msgIdFor(id), pmtInfIdFor(id)]).size).toBe(3);
  });

  it('pays on the next TARGET2 business day in Amsterdam', () => {
    expect(nextBusinessDay(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-24'); // Monday → Tuesday
    expect(nextBusinessDay(new Date('2026-11-27T10:00:00Z'))).toBe('2026-11-30'); // Friday → Monday
    expect(nextBusinessDay(new Date('2026-12-24T10:00:00Z'))).toBe('2026-12-28'); // Christmas, Boxing Day, weekend
    expect(nextBusinessDay(new Date('2026-04-02T10:00:00Z'))).toBe('2026-04-07'); // Good Friday and Easter Monday
    // 23:30 UTC on a Sunday is already Monday in Amsterdam.
    expect(amsterdamDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(isTargetHoliday('2027-03-26')).toBe(true); // Good Friday 2027
  });
});
