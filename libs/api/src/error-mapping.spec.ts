import { TRPCError, type TRPCDefaultErrorShape } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@dd/errors';
import { domainFieldErrors, formatError, toTRPCError, VALIDATION_MESSAGE } from './error-mapping';

const shapeOf = (error: TRPCError): TRPCDefaultErrorShape => ({
  message: error.message,
  code: -32600,
  data: { code: error.code, httpStatus: 400, path: 'x.y', stack: 'at somewhere' },
});
const format = (error: TRPCError) => formatError({ shape: shapeOf(error), error });
const mapped = (error: DomainError) => toTRPCError(error)!;

describe('domain field errors', () => {
  it('returns a DomainError about one field in the shape of zod field errors, with its i18n key', () => {
    const error = new DomainError('VALIDATION_FAILED', 'The end date of a consent must lie in the future.', { field: 'expiresAt', messageKey: 'consent.errors.dateInPast' });
    const shape = format(mapped(error));
    expect(shape.message).toBe('The end date of a consent must lie in the future.');
    expect(shape.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { expiresAt: ['consent.errors.dateInPast'] } });
    expect(shape.data).not.toHaveProperty('stack');
  });

  it('uses the English message when the error names no key', () => {
    const error = new DomainError('VALIDATION_FAILED', 'Enter a household size between 1 and 20.', { field: 'householdSize' });
    expect(domainFieldErrors(error)).toEqual({ householdSize: ['Enter a household size between 1 and 20.'] });
  });

  it('adds no field errors for an error without a field', () => {
    const shape = format(mapped(new DomainError('NOT_FOUND', 'This upload does not exist (any more).', { uploadId: 'u1' })));
    expect(shape.data).toEqual({ code: 'NOT_FOUND', httpStatus: 400, path: 'x.y', domainCode: 'NOT_FOUND' });
  });

  it("passes a DomainError's reason on with its parameters", () => {
    const error = new DomainError('VALIDATION_FAILED', 'The file is larger than 20 MB.', { limitBytes: 1 }, { code: 'fileTooLarge', params: { limitMb: 20 } });
    expect(format(mapped(error)).data).toMatchObject({ domainCode: 'VALIDATION_FAILED', reason: { code: 'fileTooLarge', params: { limitMb: 20 } } });
    expect(format(mapped(error)).data).not.toHaveProperty('fieldErrors');
  });

  it('still returns zod issues as field errors under the first path element', () => {
    const cause = Object.assign(new Error('invalid'), { issues: [{ path: ['changes', 0, 'expiresAt'], message: 'validation.dateInvalid' }, { path: [], message: 'validation.invalid' }] });
    const shape = format(new TRPCError({ code: 'BAD_REQUEST', message: 'invalid', cause }));
    expect(shape.message).toBe(VALIDATION_MESSAGE);
    expect(shape.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { changes: ['validation.dateInvalid'], _form: ['validation.invalid'] } });
  });
});
