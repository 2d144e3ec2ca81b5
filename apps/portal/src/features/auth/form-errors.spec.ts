import { describe, expect, it } from 'vitest';
import { signInInput, signUpAdvertiserInput, signUpCustomerInput } from '@dd/contract';
import { serverFormErrors, validateFields } from './form-errors';

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
    expect(serverFormErrors(trpcError({ domainCode: 'EMAIL_TAKEN' }), customerFields)).toEqual({ formMessageKey: 'errors.EMAIL_TAKEN', fieldErrors: {} });
    expect(serverFormErrors(new TypeError('Failed to fetch'), customerFields).formMessageKey).toBe('errors.network');
  });
});
