import { describe, expect, it } from 'vitest';
import { describeError, isRetryable } from './api-error';

// Shaped like a TRPCClientError: the server's error `data` is all the mapping reads.
const trpcError = (data: Record<string, unknown> | undefined) => Object.assign(new Error('English message'), { name: 'TRPCClientError', data });

describe('describeError', () => {
  it('maps a domain code to its translation key', () => {
    expect(describeError(trpcError({ domainCode: 'SIGN_UP_REFUSED', httpStatus: 400 }))).toEqual({
      code: 'SIGN_UP_REFUSED',
      messageKey: 'errors.SIGN_UP_REFUSED',
      fieldErrors: {},
    });
  });

  it('keeps field errors of a validation failure', () => {
    const described = describeError(
      trpcError({ domainCode: 'VALIDATION_FAILED', fieldErrors: { email: ['validation.emailInvalid'], password: ['validation.passwordTooShort', 3] } }),
    );
    expect(described.code).toBe('VALIDATION_FAILED');
    expect(described.fieldErrors).toEqual({ email: ['validation.emailInvalid'], password: ['validation.passwordTooShort'] });
  });

  it('treats an error without server data as a network failure', () => {
    expect(describeError(trpcError(undefined)).messageKey).toBe('errors.network');
    expect(describeError(new TypeError('Failed to fetch')).messageKey).toBe('errors.network');
    expect(describeError(null).code).toBe('network');
  });

  it('falls back on the HTTP status when the code is unknown', () => {
    expect(describeError(trpcError({ domainCode: 'SOMETHING_NEW', httpStatus: 503 })).code).toBe('UNAVAILABLE');
    expect(describeError(trpcError({ httpStatus: 429 })).code).toBe('TOO_MANY_ATTEMPTS');
    expect(describeError(trpcError({ httpStatus: 400 })).messageKey).toBe('errors.unknown');
    expect(describeError(trpcError({})).code).toBe('unknown');
  });

  it('ignores malformed field errors', () => {
    expect(describeError(trpcError({ domainCode: 'VALIDATION_FAILED', fieldErrors: 'nope' })).fieldErrors).toEqual({});
  });
});

describe('isRetryable', () => {
  it('retries only what may succeed the second time', () => {
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(trpcError({ domainCode: 'UNAVAILABLE' }))).toBe(true);
    expect(isRetryable(trpcError({ domainCode: 'INVALID_CREDENTIALS' }))).toBe(false);
  });
});

describe('describeError with a reason', () => {
  it('keeps the reason code, its plain values and the English message to fall back on', () => {
    const described = describeError(
      trpcError({ domainCode: 'VALIDATION_FAILED', reason: { code: 'fileTooLarge', params: { limitMb: 20, unit: 'MB', nested: { no: 1 } } } }),
    );
    expect(described.reason).toEqual({ code: 'fileTooLarge', params: { limitMb: 20, unit: 'MB' }, message: 'English message' });
  });

  it('ignores a malformed reason', () => {
    expect(describeError(trpcError({ domainCode: 'VALIDATION_FAILED', reason: { code: 3 } })).reason).toBeUndefined();
    expect(describeError(trpcError({ domainCode: 'VALIDATION_FAILED', reason: 'fileTooLarge' })).reason).toBeUndefined();
  });
});
