import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY_SETTINGS, budgetPeriod, formatEpsilonMicro, parseEpsilonMicro, privacySettingsFromEnv } from './privacy.settings';

describe('privacy settings', () => {
  it('parses epsilons exactly into millionths and prints them back', () => {
    expect(parseEpsilonMicro('0.25', 'X')).toBe(250_000);
    expect(parseEpsilonMicro('3', 'X')).toBe(3_000_000);
    expect(parseEpsilonMicro('0.000001', 'X')).toBe(1);
    expect(formatEpsilonMicro(250_000)).toBe('0.25');
    expect(formatEpsilonMicro(3_000_000)).toBe('3');
  });

  it('refuses epsilons that are zero, negative, too precise or not numbers, naming the setting', () => {
    for (const bad of ['0', '-1', '0.0000001', 'abc', '1e-3', '']) {
      expect(() => parseEpsilonMicro(bad, 'PRIVACY_TABLE_EPSILON')).toThrow(/PRIVACY_TABLE_EPSILON/);
    }
  });

  it('uses the documented defaults and lets each variable override one setting', () => {
    expect(privacySettingsFromEnv({})).toEqual(DEFAULT_PRIVACY_SETTINGS);
    expect(DEFAULT_PRIVACY_SETTINGS.minimumAudience).toBe(100);
    const custom = privacySettingsFromEnv({ PRIVACY_MIN_AUDIENCE: '50', PRIVACY_MEMBER_MONTHLY_EPSILON: '1.5' });
    expect(custom.minimumAudience).toBe(50);
    expect(custom.memberMonthlyEpsilonMicro).toBe(1_500_000);
    expect(() => privacySettingsFromEnv({ PRIVACY_MIN_AUDIENCE: 'ten' })).toThrow(/PRIVACY_MIN_AUDIENCE/);
  });

  it('has the accountant’s budgets: 1,000 new estimate questions a month, and the epsilons of a delivery and of campaign statistics', () => {
    expect(DEFAULT_PRIVACY_SETTINGS.estimateMonthlyEpsilonMicro / DEFAULT_PRIVACY_SETTINGS.estimateEpsilonMicro).toBe(1_000);
    expect(DEFAULT_PRIVACY_SETTINGS).toMatchObject({ estimateEpsilonMicro: 20_000, audienceEpsilonMicro: 100_000, campaignStatEpsilonMicro: 100_000, estimateQuestionsPerDay: 250 });
    const custom = privacySettingsFromEnv({ PRIVACY_ESTIMATE_MONTHLY_EPSILON: '5', PRIVACY_AUDIENCE_EPSILON: '0.2', PRIVACY_CAMPAIGN_STAT_EPSILON: '0.05' });
    expect(custom).toMatchObject({ estimateMonthlyEpsilonMicro: 5_000_000, audienceEpsilonMicro: 200_000, campaignStatEpsilonMicro: 50_000 });
  });

  it('charges budgets per calendar month in UTC', () => {
    expect(budgetPeriod(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11');
    expect(budgetPeriod(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12');
  });
});
