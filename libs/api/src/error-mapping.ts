import { TRPCError, type TRPCDefaultErrorShape } from '@trpc/server';
import { ERROR_CODES, isDomainError, type DomainError, type ErrorCode, type ErrorReason } from '@dd/errors';

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';
export const VALIDATION_MESSAGE = 'Some fields need attention.';

/** The one place a DomainError becomes a transport error. */
export function toTRPCError(error: unknown): TRPCError | undefined {
  if (!isDomainError(error)) return undefined;
  return new TRPCError({ code: ERROR_CODES[error.code], message: error.message, cause: error });
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
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    return { ...shape, message: INTERNAL_MESSAGE, data: { ...data, domainCode: 'UNAVAILABLE' as ErrorCode } };
  }
  const fallback: Partial<Record<TRPCError['code'], ErrorCode>> = {
    NOT_FOUND: 'NOT_FOUND',
    UNAUTHORIZED: 'NOT_SIGNED_IN',
    FORBIDDEN: 'WRONG_ROLE',
    TOO_MANY_REQUESTS: 'TOO_MANY_ATTEMPTS',
  };
  return { ...shape, data: { ...data, domainCode: fallback[error.code] ?? 'VALIDATION_FAILED' } };
}
