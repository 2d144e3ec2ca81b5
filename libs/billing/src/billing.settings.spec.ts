import { describe, expect, it } from 'vitest';
import { payoutSettingsFromEnv } from '@dd/payouts';
import { billingSettingsFromEnv, DEFAULT_BILLING_SETTINGS } from './billing.settings';

const production = {
  NODE_ENV: 'production',
  PLATFORM_IBAN: 'nl02 abna 0123 4567 89',
  PLATFORM_ACCOUNT_NAME: 'Stichting Derdengelden DataDividend',
  PLATFORM_NAME: 'DataDividend B.V.',
  PLATFORM_ADDRESS: 'Oudegracht 1; 3511 AA Utrecht',
  PLATFORM_KVK: '87654321',
  PLATFORM_VAT_NUMBER: 'nl987654321b01',
};

describe('billing settings from the environment', () => {
  it('keeps the example defaults in development', () => {
    expect(billingSettingsFromEnv({})).toEqual(DEFAULT_BILLING_SETTINGS);
  });

  it('reads every variable, normalising the IBAN and VAT number', () => {
    expect(billingSettingsFromEnv({ ...production, PLATFORM_BIC: 'abnanl2a', VAT_RATE_BP: '900' })).toEqual({
      platformIban: 'NL02ABNA0123456789',
      platformAccountName: 'Stichting Derdengelden DataDividend',
      platformBic: 'ABNANL2A',
      seller: { name: 'DataDividend B.V.', addressLines: ['Oudegracht 1', '3511 AA Utrecht'], kvkNumber: '87654321', vatNumber: 'NL987654321B01' },
      vatRateBp: 900,
    });
  });

  it('insists on the platform’s own details in production, naming what is missing', () => {
    expect(() => billingSettingsFromEnv({ NODE_ENV: 'production' })).toThrow(/PLATFORM_IBAN: required in production/);
    const { PLATFORM_KVK: _kvk, ...withoutKvk } = production;
    expect(() => billingSettingsFromEnv(withoutKvk)).toThrow(/^PLATFORM_KVK: required in production/);
    expect(billingSettingsFromEnv(production).platformBic).toBeNull();
  });

  it('refuses an IBAN with a wrong check, a malformed KvK number or VAT rate', () => {
    expect(() => billingSettingsFromEnv({ PLATFORM_IBAN: 'NL03ABNA0123456789' })).toThrow(/PLATFORM_IBAN: is not a valid IBAN/);
    expect(() => billingSettingsFromEnv({ PLATFORM_KVK: '1234' })).toThrow(/PLATFORM_KVK/);
    expect(() => billingSettingsFromEnv({ VAT_RATE_BP: '21%' })).toThrow(/VAT_RATE_BP/);
  });

  it('reads the platform account exactly as libs/payouts does: one setting, one rule', () => {
    const cases: Record<string, string>[] = [
      {},
      { PLATFORM_IBAN: 'nl02 abna 0123 4567 89' },
      { PLATFORM_IBAN: 'NL02ABNA0123456789', PLATFORM_BIC: ' abnanl2a ' },
      { PLATFORM_IBAN: 'NL02ABNA0123456789', PLATFORM_BIC: '', PLATFORM_ACCOUNT_NAME: ' Stichting Uitbetaling ' },
      { ...production },
    ];
    for (const env of cases) {
      const billing = billingSettingsFromEnv(env);
      const payouts = payoutSettingsFromEnv(env);
      expect({ iban: billing.platformIban, bic: billing.platformBic, name: billing.platformAccountName }, JSON.stringify(env)).toEqual({
        iban: payouts.platformIban,
        bic: payouts.platformBic,
        name: payouts.platformAccountName,
      });
    }
    for (const bad of [{ PLATFORM_BIC: 'NOPE' }, { PLATFORM_IBAN: 'NL02ABNA0123456788' }]) {
      expect(() => billingSettingsFromEnv(bad)).toThrow(/^PLATFORM_(BIC|IBAN): /);
      expect(() => payoutSettingsFromEnv(bad)).toThrow(/^PLATFORM_(BIC|IBAN): /);
    }
  });
});
