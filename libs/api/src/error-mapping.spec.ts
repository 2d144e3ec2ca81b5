import { TRPCError, type TRPCDefaultErrorShape } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@dd/errors';
import { domainFieldErrors, fastifyRefusal, formatError, PARSE_MESSAGE, refusedValueError, toTRPCError, VALIDATION_MESSAGE } from './error-mapping';

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

/** node-postgres's DatabaseError as it arrives: Error with SQLSTATE `code` and `severity`; its message quotes the value. */
const databaseError = (code: string, message: string) => Object.assign(new Error(message), { name: 'error', code, severity: 'ERROR' });

describe('values the database refused', () => {
  it('become a 400 with a reason code and a message that quotes nothing', () => {
    const error = databaseError('22P02', 'invalid input syntax for type uuid: "geheim-123"');
    const shape = format(toTRPCError(error)!);
    expect(shape.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'VALIDATION_FAILED', reason: { code: 'valueMalformed', params: {} } });
    expect(JSON.stringify(shape)).not.toContain('geheim-123');
    expect(refusedValueError(error)?.details).toEqual({ sqlState: '22P02' });
  });

  it('are found behind a wrapper that names them as its cause', () => {
    const wrapped = new Error('query failed', { cause: databaseError('22008', 'date/time field value out of range: "2026-02-30"') });
    expect(refusedValueError(wrapped)?.reason).toEqual({ code: 'valueOutOfRange', params: {} });
  });

  it('leave the server’s own mistakes (division by zero, a missing table) and look-alikes to be 500s', () => {
    expect(toTRPCError(databaseError('22012', 'division by zero'))).toBeUndefined();
    expect(toTRPCError(databaseError('42P01', 'relation "x" does not exist'))).toBeUndefined();
    expect(toTRPCError(Object.assign(new Error('not from the database'), { code: '22P02' }))).toBeUndefined();
  });
});

describe('refusals of the request as a whole', () => {
  it('by tRPC: a fixed sentence and a reason code, never the path or header it refused', () => {
    const shape = format(new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "geheim\u0000.x"' }));
    expect(shape.message).not.toContain('geheim');
    expect(shape.data).toEqual({ code: 'NOT_FOUND', httpStatus: 400, domainCode: 'NOT_FOUND', reason: { code: 'procedureNotFound', params: {} } });
    const media = format(new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content-type "geheim/x' }));
    expect(media.message).not.toContain('geheim');
    expect(media.data).toMatchObject({ reason: { code: 'contentTypeUnsupported' } });
  });

  it('JSON that does not parse has its reason too', () => {
    const shape = format(new TRPCError({ code: 'PARSE_ERROR', message: 'Unexpected token g in "geheim"' }));
    expect(shape).toMatchObject({ message: PARSE_MESSAGE, data: { domainCode: 'VALIDATION_FAILED', reason: { code: 'invalidJson' } } });
  });

  it('by Fastify: the same shape, for the server to send instead of Fastify’s own', () => {
    expect(fastifyRefusal({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 'account.setLocale')).toEqual({
      statusCode: 413,
      body: {
        error: {
          message: 'This request is too large. Shorten what you entered and try again.',
          code: -32013,
          data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, path: 'account.setLocale', domainCode: 'VALIDATION_FAILED', reason: { code: 'requestTooLarge', params: {} } },
        },
      },
    });
    expect(fastifyRefusal({ code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 })?.body.error).toMatchObject({ data: { httpStatus: 414, reason: { code: 'requestUnreadable' } } });
    expect(fastifyRefusal({ code: 'FST_ERR_NOT_A_REFUSAL', statusCode: 500 })).toBeUndefined();
  });
});
