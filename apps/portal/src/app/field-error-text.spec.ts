import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../i18n/i18n';
import { fieldErrorText } from './field-error-text';

async function i18nIn(lng: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
  return i18n;
}

describe('fieldErrorText', () => {
  it('translates a key the API sends for a field, in either language', async () => {
    const nl = await i18nIn('nl');
    const en = await i18nIn('en');
    expect(fieldErrorText(nl.t, nl, 'validation.postcodeUnknown')).toBe('We kennen deze postcode niet. Controleer hem, of laat het veld leeg.');
    expect(fieldErrorText(en.t, en, 'validation.postcodeUnknown')).toBe('We do not recognise this postcode. Check it, or leave the field empty.');
    expect(fieldErrorText(en.t, en, 'validation.passwordTooShort', { min: 12 })).toBe('Your password must be at least 12 characters long.');
  });

  it("shows the server's English sentence when the error has no key", async () => {
    const nl = await i18nIn('nl');
    expect(fieldErrorText(nl.t, nl, 'Enter a household size between 1 and 20.')).toBe('Enter a household size between 1 and 20.');
  });

  it('gives the generic text for a key this portal does not know', async () => {
    const nl = await i18nIn('nl');
    expect(fieldErrorText(nl.t, nl, 'validation.somethingNew')).toBe('Controleer dit veld.');
  });
});
