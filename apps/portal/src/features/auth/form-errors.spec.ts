import { describe, expect, it } from 'vitest';
import { signInInput, signUpAdvertiserInput, signUpCustomerInput } from '@dd/contract';
import i18next from 'i18next';
import { resources } from '../../i18n/i18n';
import { formMessageText, serverFormErrors, validateFields } from './form-errors';

const customerFields = ['displayName', 'email', 'password'] as const;
const trpcError = (data: Record<string, unknown>) => Object.assign(new Error('x'), { data });

describe('validateFields', () => {
  it('returns the parsed input when valid', () => {
    const result = validateFields(signUpCustomerInput, { displayName: ' Anna ', email: 'Anna@Example.NL', password: 'correct horse 1', locale: 'en' }, customerFields);
    expect(result).toEqual({ ok: true, data: { displayName: 'Anna', email: 'anna@example.nl', password: 'correct horse 1', locale: 'en' } });
  });

  it('reports the first contract message per field', () => {
    const result = validateFields(signUpCustomerInput, { displayName: '', email: 'nope', password: 'short' }, customerFields);
    expect(result).toEqual({
      ok: false,
      fieldErrors: { displayName: 'validation.nameRequired', email: 'validation.emailInvalid', password: 'validation.passwordTooShort' },
    });
  });

  it('flags a long password without digits or symbols as too simple', () => {
    const result = validateFields(signUpCustomerInput, { displayName: 'A', email: 'a@b.nl', password: 'onlylettershere' }, customerFields);
    expect(result).toEqual({ ok: false, fieldErrors: { password: 'validation.passwordTooSimple' } });
  });

  it('asks advertisers for their organisation', () => {
    const result = validateFields(signUpAdvertiserInput, { displayName: 'A', email: 'a@b.nl', password: 'correct horse 1', organisationName: ' ' }, [
      ...customerFields,
      'organisationName',
    ]);
    expect(result).toEqual({ ok: false, fieldErrors: { organisationName: 'validation.organisationRequired' } });
  });

  it('does not judge password strength at sign-in', () => {
    expect(validateFields(signInInput, { email: 'a@b.nl', password: 'x' }, ['email', 'password']).ok).toBe(true);
    expect(validateFields(signInInput, { email: 'a@b.nl', password: '' }, ['email', 'password'])).toEqual({
      ok: false,
      fieldErrors: { password: 'validation.passwordRequired' },
    });
  });
});

describe('serverFormErrors', () => {
  it('shows validation failures next to their fields only', () => {
    const error = trpcError({ domainCode: 'VALIDATION_FAILED', fieldErrors: { email: ['validation.emailInvalid'] } });
    expect(serverFormErrors(error, customerFields)).toEqual({ fieldErrors: { email: 'validation.emailInvalid' } });
  });

  it('falls back on the form alert for fields the form does not have', () => {
    const error = trpcError({ domainCode: 'VALIDATION_FAILED', fieldErrors: { locale: ['validation.invalid'] } });
    expect(serverFormErrors(error, customerFields)).toEqual({ formMessageKey: 'errors.VALIDATION_FAILED', fieldErrors: {} });
  });

  it('puts a weak password under the password field', () => {
    expect(serverFormErrors(trpcError({ domainCode: 'WEAK_PASSWORD' }), customerFields)).toEqual({
      fieldErrors: { password: 'errors.WEAK_PASSWORD' },
    });
  });

  it('shows other refusals in the form alert', () => {
    expect(serverFormErrors(trpcError({ domainCode: 'SIGN_UP_REFUSED' }), customerFields)).toEqual({ formMessageKey: 'errors.SIGN_UP_REFUSED', fieldErrors: {} });
    expect(serverFormErrors(new TypeError('Failed to fetch'), customerFields).formMessageKey).toBe('errors.network');
  });
});

describe('a throttled sign-in or sign-up', () => {
  const throttled = (code: string, retryAfterSeconds: number) =>
    trpcError({ domainCode: 'TOO_MANY_ATTEMPTS', httpStatus: 429, reason: { code, params: { retryAfterSeconds } } });

  async function textIn(lng: 'nl' | 'en', error: unknown) {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng, interpolation: { escapeValue: false } });
    const mapped = serverFormErrors(error, ['email', 'password']);
    return formMessageText(i18n.t, mapped.formMessageKey!, mapped.retryAfterSeconds ?? null);
  }

  it('keeps the wait the server names', () => {
    expect(serverFormErrors(throttled('signInDelayed', 30), ['email', 'password'])).toEqual({
      formMessageKey: 'auth.throttled.account',
      retryAfterSeconds: 30,
      fieldErrors: {},
    });
    // Without a reason the portal still says something true, only less precise.
    expect(serverFormErrors(trpcError({ domainCode: 'TOO_MANY_ATTEMPTS' }), ['email'])).toEqual({ formMessageKey: 'errors.TOO_MANY_ATTEMPTS', fieldErrors: {} });
  });

  it('says how long to wait, in seconds or whole minutes, in Dutch and English', async () => {
    expect(await textIn('nl', throttled('signInDelayed', 30))).toBe(
      'Te veel inlogpogingen met dit e-mailadres. Probeer het over 30 seconden opnieuw. Op een apparaat waarop je eerder bent ingelogd, kun je meteen verder.',
    );
    expect(await textIn('en', throttled('signInDelayed', 1))).toBe(
      'Too many sign-in attempts with this email address. Try again in 1 second. On a device where you signed in before, you can continue right away.',
    );
    expect(await textIn('nl', throttled('signInAddressLimited', 3599))).toBe('Te veel mislukte inlogpogingen vanaf jouw netwerk. Probeer het over 60 minuten opnieuw.');
    expect(await textIn('en', throttled('signInAddressLimited', 61))).toBe('Too many failed sign-ins from your network. Try again in 2 minutes.');
    expect(await textIn('nl', throttled('rateLimited', 60))).toBe('Te veel aanmeldingen vanaf jouw netwerk. Probeer het over 1 minuut opnieuw.');
  });
});
