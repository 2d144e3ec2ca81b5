import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { auditSearchInput, postalAddressSchema, rejectOrganisationInput, signUpAdvertiserInput, updateOrganisationInput, verifyOrganisationInput, withdrawVerificationInput } from '@dd/contract';
import { resources } from '../../i18n/i18n';
import { advertiserFormSchema } from '../auth/sign-up-page';

// Sent by the API itself (asserted by libs/api organisations.int.spec.ts).
const SERVER_KEYS = ['organisation:validation.industryUnknown'];

function messagesOf(schema: { safeParse: (input: unknown) => { error?: { issues: { message: string }[] } } }, inputs: unknown[]): string[] {
  return inputs.flatMap((input) => schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? []);
}

describe('organisation texts', () => {
  it('translates every message the registration, verification and audit schemas can produce, in both languages', async () => {
    const keys = new Set([
      ...SERVER_KEYS,
      ...messagesOf(updateOrganisationInput, [
        { name: '', kvkNumber: '', vatNumber: '', contactName: '', contactEmail: '', industry: '' },
        { name: 'x', kvkNumber: '123', vatNumber: 'BE0123456789', contactName: 'x'.repeat(101), contactEmail: 'nope', industry: 'x'.repeat(61) },
        { name: 'Bakkerij\u0000', kvkNumber: '12345678', vatNumber: 'NL123456789B01', contactName: 'Anna\u202e', contactEmail: 'a@b.nl', industry: 'retail\u0000' },
      ]),
      ...messagesOf(postalAddressSchema, [
        { street: '', postcode: '', city: '', country: 'Nederland' },
        { street: 'Oudegracht', postcode: '0123', city: 'x'.repeat(101) },
        { street: 'x'.repeat(201), postcode: 'x'.repeat(13), city: 'Utrecht' },
      ]),
      ...messagesOf(rejectOrganisationInput, [{ id: 'x', reason: 'kort' }, { id: 'x', reason: 'x'.repeat(1001) }, { id: 'x', reason: 'Opgeheven\u0000 bij de KvK' }]),
      ...messagesOf(withdrawVerificationInput, [{ id: 'x', reason: '' }]),
      ...messagesOf(verifyOrganisationInput, [{ id: 'x', detailsVersion: 'x' }]),
      ...messagesOf(auditSearchInput, [{ from: '21-11-2026' }, { from: '2026-11-21', to: '2026-11-20' }, { query: 'x'.repeat(201) }]),
    ]);
    const namespaced = [...keys].filter((key) => key.includes(':'));
    expect(namespaced.length).toBeGreaterThanOrEqual(15);
    for (const language of ['nl', 'en'] as const) {
      const instance = i18next.createInstance();
      await instance.init({ resources, lng: language, interpolation: { escapeValue: false } });
      for (const key of keys) expect(instance.exists(key), `${language} ${key}`).toBe(true);
    }
  });

  it('the sign-up form requires every detail the API only accepts, and normalises the numbers', () => {
    const account = { displayName: 'Sanne de Vries', email: 'sanne@bakkerij.test', password: 'Kettingblad-Zomer-42', organisationName: 'Bakkerij de Graaf' };
    expect(signUpAdvertiserInput.safeParse(account).success).toBe(true);
    const missing = advertiserFormSchema.safeParse({ ...account, kvkNumber: '', vatNumber: '', contactEmail: '', industry: '' });
    expect([...new Set(missing.error?.issues.map((issue) => issue.path[0]))].sort()).toEqual(['contactEmail', 'industry', 'kvkNumber', 'vatNumber']);
    const parsed = advertiserFormSchema.parse({ ...account, kvkNumber: '1234 5678', vatNumber: 'nl1234.56782.b01', contactEmail: ' Inkoop@Bakkerij.test ', industry: 'groceries' });
    expect(parsed).toMatchObject({ kvkNumber: '12345678', vatNumber: 'NL123456782B01', contactEmail: 'inkoop@bakkerij.test' });
    // A VAT number of the right shape whose check digits do not match is refused in the form already.
    expect(advertiserFormSchema.safeParse({ ...account, kvkNumber: '12345678', vatNumber: 'NL123456789B01', contactEmail: 'a@b.nl', industry: 'groceries' }).error?.issues.map((i) => i.message)).toEqual([
      'organisation:validation.vatCheckFailed',
    ]);
  });
});
