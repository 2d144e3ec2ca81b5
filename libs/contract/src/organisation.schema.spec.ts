import { describe, expect, it } from 'vitest';
import { isValidDutchVatNumber, kvkNumberSchema, passesElevenTest, passesMod97, updateOrganisationInput, vatNumberSchema, verifyOrganisationInput } from './organisation.schema';

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe('Dutch VAT numbers (btw-id)', () => {
  it('accepts numbers whose 9 digits pass the eleven test (RSIN- or old BSN-based)', () => {
    // 9·0 + 8·0 + 7·4 + 6·4 + 5·9 + 4·5 + 3·4 + 2·4 = 137 ≡ 5 (mod 11), the ninth digit.
    expect(passesElevenTest('004495445')).toBe(true);
    for (const vat of ['NL004495445B01', 'NL123456782B01', 'NL001234560B01', 'NL858867199B01', 'NL987654329B02']) {
      expect(isValidDutchVatNumber(vat), vat).toBe(true);
    }
  });

  it('accepts the sole proprietors’ btw-id of 2020 on, which passes MOD 97-10 over the whole text', () => {
    expect(passesMod97('NL002455799B11')).toBe(true);
    expect(passesElevenTest('002455799')).toBe(false);
    for (const vat of ['NL002455799B11', 'NL123456758B01', 'NL801234504B02', 'NL000099918B01']) expect(isValidDutchVatNumber(vat), vat).toBe(true);
  });

  it('refuses a typing error in either kind, and numbers that pass neither check', () => {
    for (const vat of [
      'NL004495446B01', // one digit off
      'NL004494545B01', // two digits swapped
      'NL002455798B11',
      'NL002455799B12', // the suffix counts in MOD 97
      'NL123456789B01', // the old fixture: passes neither
      'NL001234567B01',
      'NL858867197B01',
    ]) {
      expect(isValidDutchVatNumber(vat), vat).toBe(false);
    }
  });

  it('refuses a number of zeros and the suffix B00', () => {
    expect(isValidDutchVatNumber('NL000000000B01')).toBe(false);
    expect(isValidDutchVatNumber('NL004495445B00')).toBe(false);
  });

  it('normalises what people type and says whether the shape or the check failed', () => {
    expect(vatNumberSchema.parse('nl 0044.95445 b01')).toBe('NL004495445B01');
    expect(vatNumberSchema.parse('NL 0024.55799.B11')).toBe('NL002455799B11');
    expect(messages(vatNumberSchema.safeParse('NL 1234.56789 B01'))).toEqual(['organisation:validation.vatCheckFailed']);
    expect(messages(vatNumberSchema.safeParse('BE0123456789'))).toEqual(['organisation:validation.vatInvalid']);
    expect(messages(vatNumberSchema.safeParse(''))).toEqual(['organisation:validation.vatRequired']);
    expect(messages(vatNumberSchema.safeParse('NL004495445B01\u0000'))).toEqual(['organisation:validation.vatInvalid']);
  });
});

describe('KvK numbers', () => {
  it('are 8 digits, with the spaces and dots the KvK prints removed, and no invented check digit', () => {
    expect(kvkNumberSchema.parse('6959 9084')).toBe('69599084');
    // 12345678 fails the old eleven test; the KvK has issued numbers without it since 2016.
    expect(kvkNumberSchema.safeParse('12345678').success).toBe(true);
    expect(messages(kvkNumberSchema.safeParse('1234567'))).toEqual(['organisation:validation.kvkInvalid']);
    expect(messages(kvkNumberSchema.safeParse('1234567a'))).toEqual(['organisation:validation.kvkInvalid']);
  });
});

describe('organisation input', () => {
  const details = { name: 'Bakkerij Jansen', kvkNumber: '69599084', vatNumber: 'NL004495445B01', contactName: 'Anna Jansen', contactEmail: 'anna@bakkerij.test', industry: 'retail' };

  it('refuses control and bidi characters in the name and contact with a message for each field', () => {
    const result = updateOrganisationInput.safeParse({ ...details, name: 'Bakkerij\u0000Jansen', contactName: 'Anna \u202eJansen' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['name', 'validation.hiddenCharacters'],
      ['contactName', 'validation.hiddenCharacters'],
    ]);
  });

  it('verifying needs the version of the details the admin saw', () => {
    const id = '6a1c8c8e-8f4b-4b7e-9a53-3f3f0f2d2a11';
    expect(verifyOrganisationInput.safeParse({ id, detailsVersion: 'a'.repeat(64) }).success).toBe(true);
    expect(messages(verifyOrganisationInput.safeParse({ id }))).toEqual(['adminOrganisations:validation.versionMissing']);
    expect(messages(verifyOrganisationInput.safeParse({ id, detailsVersion: 'zz' }))).toEqual(['adminOrganisations:validation.versionMissing']);
  });
});
