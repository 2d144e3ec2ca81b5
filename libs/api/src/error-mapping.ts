import { TRPCError, type TRPCDefaultErrorShape } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { DomainError, ERROR_CODES, isDomainError, type ErrorCode, type ErrorReason } from '@dd/errors';

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';
export const VALIDATION_MESSAGE = 'Some fields need attention.';
/** For a body or `input` that is not JSON: fixed, because the parser's own message quotes what was sent. */
export const PARSE_MESSAGE = 'The request is not valid JSON. Reload the page and try again.';

/** The reason code of a body or `input` that is not JSON. */
export const INVALID_JSON_REASON: ErrorReason = { code: 'invalidJson', params: {} };

/**
 * PostgreSQL's refusals of a value the client sent (SQLSTATE class 22, data exceptions, and an index
 * row too large), as a person's answer. A schema should have refused the value first; when one lets
 * it through, the answer is still a 400 that says what kind of value was wrong, never a 500, and
 * never PostgreSQL's message, which quotes the value (`invalid input syntax for type uuid: "…"`).
 * Other class 22 states (division by zero, say) are the server's own mistake and stay 500s.
 */
const REFUSED_VALUES: Readonly<Record<string, { reason: string; message: string }>> = {
  // A malformed uuid, number or JSON text (an unpaired surrogate in jsonb), an impossible timestamp text.
  '22P02': { reason: 'valueMalformed', message: 'A value in this request has the wrong form. Check the fields and try again.' },
  '22007': { reason: 'valueMalformed', message: 'A date or time in this request has the wrong form. Check the fields and try again.' },
  // NUL, or a character the database's encoding cannot hold.
  '22021': { reason: 'valueMalformed', message: 'A value in this request contains characters that cannot be stored. Remove them and try again.' },
  '22P05': { reason: 'valueMalformed', message: 'A value in this request contains characters that cannot be stored. Remove them and try again.' },
  // Longer than the column, or too long to index.
  '22001': { reason: 'valueTooLong', message: 'A value in this request is too long. Shorten it and try again.' },
  '54000': { reason: 'valueTooLong', message: 'A value in this request is too long. Shorten it and try again.' },
  // 30 February, year 0, or a number beyond the column's range.
  '22008': { reason: 'valueOutOfRange', message: 'A date in this request does not exist or is out of range. Check it and try again.' },
  '22003': { reason: 'valueOutOfRange', message: 'A number in this request is out of range. Check it and try again.' },
};

interface DatabaseErrorLike extends Error {
  code: string;
  severity: string;
}

/** node-postgres's DatabaseError, recognised by shape (libs/api does not depend on pg), also as the cause of a wrapper. */
function databaseErrorIn(error: unknown): DatabaseErrorLike | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const { code, severity } = current as Partial<DatabaseErrorLike>;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string') return current as DatabaseErrorLike;
  }
  return undefined;
}

/** A value PostgreSQL refused, as the DomainError a schema would have raised; undefined for any other error. */
export function refusedValueError(error: unknown): DomainError | undefined {
  const database = databaseErrorIn(error);
  const refusal = database && REFUSED_VALUES[database.code];
  if (!database || !refusal) return undefined;
  const domainError = new DomainError('VALIDATION_FAILED', refusal.message, { sqlState: database.code }, { code: refusal.reason, params: {} });
  // Kept for the server's logs; formatError sends only the message and the reason.
  domainError.cause = database;
  return domainError;
}

/** The one place a DomainError (or a value the database refused) becomes a transport error. */
export function toTRPCError(error: unknown): TRPCError | undefined {
  const domainError = isDomainError(error) ? error : refusedValueError(error);
  if (!domainError) return undefined;
  return new TRPCError({ code: ERROR_CODES[domainError.code], message: domainError.message, cause: domainError });
}

interface TransportRefusal {
  domainCode: ErrorCode;
  reason: string;
  message: string;
}

/** Refusals of a request as a whole, before any procedure ran: by tRPC (and, through fastifyRefusal, by Fastify). */
const TRANSPORT_REFUSALS: Partial<Record<TRPCError['code'], TransportRefusal>> = {
  NOT_FOUND: { domainCode: 'NOT_FOUND', reason: 'procedureNotFound', message: 'This part of DataDividend does not exist. Reload the page and try again.' },
  METHOD_NOT_SUPPORTED: { domainCode: 'VALIDATION_FAILED', reason: 'methodNotSupported', message: 'This request was sent in a way the API does not accept. Reload the page and try again.' },
  UNSUPPORTED_MEDIA_TYPE: { domainCode: 'VALIDATION_FAILED', reason: 'contentTypeUnsupported', message: 'This request was sent in a format the API does not accept. Reload the page and try again.' },
  PAYLOAD_TOO_LARGE: { domainCode: 'VALIDATION_FAILED', reason: 'requestTooLarge', message: 'This request is too large. Shorten what you entered and try again.' },
  BAD_REQUEST: { domainCode: 'VALIDATION_FAILED', reason: 'requestUnreadable', message: 'This request could not be read. Reload the page and try again.' },
};

/** Fastify's refusals of a request tRPC never saw, by Fastify's error code, as the tRPC code they amount to. */
const FASTIFY_REFUSALS: Readonly<Record<string, TRPCError['code']>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  // A procedure path (or a batch of them) longer than the router's maxParamLength.
  FST_ERR_MAX_PARAM_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
};

/**
 * The answer to a request Fastify refused before tRPC read it (a body over the limit, a content
 * type no parser takes, a path too long), in the API's error shape with a reason code, so the portal
 * reads it like any other refusal; undefined for an error that is not such a refusal. Fastify's own
 * answer is in another shape, and its message quotes the path.
 */
export function fastifyRefusal(error: { code?: string; statusCode?: number }, path?: string): { statusCode: number; body: { error: object } } | undefined {
  const code = error.code === undefined ? undefined : FASTIFY_REFUSALS[error.code];
  const refusal = code && TRANSPORT_REFUSALS[code];
  if (!code || !refusal) return undefined;
  const statusCode = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const data: ErrorData & { code: string; httpStatus: number; path?: string } = {
    code,
    httpStatus: statusCode,
    ...(path ? { path } : {}),
    domainCode: refusal.domainCode,
    reason: { code: refusal.reason, params: {} },
  };
  return { statusCode, body: { error: { message: refusal.message, code: TRPC_ERROR_CODES_BY_KEY[code], data } } };
}

interface Issue {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

function issuesOf(cause: unknown): Issue[] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : undefined;
}

/** Zod issues as `{ field: [i18n keys] }` for inline form errors. */
export function fieldErrorsOf(issues: Issue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const head = issue.path?.[0];
    const key = head === undefined ? '_form' : String(typeof head === 'object' ? head.key : head);
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * A DomainError about one input (`details.field`) in the shape zod issues have: `{ field: [text] }`.
 * The text is `details.messageKey`, an i18n key like the contract's zod messages, or else the English
 * message, which the portal shows as is rather than a vague "check this field".
 */
export function domainFieldErrors(error: DomainError): Record<string, string[]> | undefined {
  const field = error.details?.['field'];
  if (typeof field !== 'string' || field === '') return undefined;
  const key = error.details?.['messageKey'];
  return { [field]: [typeof key === 'string' && key !== '' ? key : error.message] };
}

export interface ErrorData {
  domainCode: ErrorCode;
  fieldErrors?: Record<string, string[]>;
  /** The DomainError's finer reason with its parameters, for a translated message. */
  reason?: ErrorReason;
}

export function formatError({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }) {
  const { stack: _stack, ...data } = shape.data;
  const issues = error.code === 'BAD_REQUEST' ? issuesOf(error.cause) : undefined;
  if (issues) {
    return {
      ...shape,
      message: VALIDATION_MESSAGE,
      data: { ...data, domainCode: 'VALIDATION_FAILED', fieldErrors: fieldErrorsOf(issues) } satisfies ErrorData & typeof data,
    };
  }
  if (isDomainError(error.cause)) {
    const fieldErrors = domainFieldErrors(error.cause);
    const { reason } = error.cause;
    const extra: Omit<ErrorData, 'domainCode'> = {
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(reason ? { reason: { code: reason.code, params: { ...reason.params } } } : {}),
    };
    return { ...shape, data: { ...data, domainCode: error.cause.code, ...extra } };
  }
  // tRPC reports a body or `input` JSON.parse refused as BAD_REQUEST with the parser's message,
  // which quotes the start of what was sent ("Unexpected token … "{"password":"…"…"): never passed on.
  if (error.code === 'PARSE_ERROR' || error.cause instanceof SyntaxError) {
    return { ...shape, message: PARSE_MESSAGE, data: { ...data, domainCode: 'VALIDATION_FAILED' as ErrorCode, reason: INVALID_JSON_REASON } };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return { ...shape, message: INTERNAL_MESSAGE, data: { ...data, domainCode: 'UNAVAILABLE' as ErrorCode } };
  }
  // tRPC's own refusals quote what they refused (`No procedure found on path "…"`, the content type, a
  // thrown error's text): a fixed sentence instead, with the reason as a code, and without the path,
  // which names no procedure when there is none there.
  const refusal = TRANSPORT_REFUSALS[error.code];
  if (refusal) {
    const { path: _path, ...rest } = data;
    return { ...shape, message: refusal.message, data: { ...rest, domainCode: refusal.domainCode, reason: { code: refusal.reason, params: {} } } };
  }
  const fallback: Partial<Record<TRPCError['code'], ErrorCode>> = {
    NOT_FOUND: 'NOT_FOUND',
    UNAUTHORIZED: 'NOT_SIGNED_IN',
    FORBIDDEN: 'WRONG_ROLE',
    TOO_MANY_REQUESTS: 'TOO_MANY_ATTEMPTS',
  };
  return { ...shape, data: { ...data, domainCode: fallback[error.code] ?? 'VALIDATION_FAILED' } };
}
