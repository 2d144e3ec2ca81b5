import { ERROR_CODES, type ErrorCode } from '@dd/errors';

/** What the portal shows for a failed request: i18n keys, translated where they are rendered. */
export interface DescribedError {
  /** Key for the form-level message, e.g. `errors.SIGN_UP_REFUSED` or `errors.network`. */
  messageKey: `errors.${ErrorCode | 'network' | 'unknown'}`;
  code: ErrorCode | 'network' | 'unknown';
  /** Server-side field errors: field name -> i18n keys (from @dd/contract or the API), or else the server's English sentence. */
  fieldErrors: Record<string, string[]>;
  /** What exactly went wrong, when the server says so: a stable code, its values, and the English message to fall back on. */
  reason?: ServerReason;
}

export interface ServerReason {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

interface ErrorData {
  domainCode?: unknown;
  fieldErrors?: unknown;
  httpStatus?: unknown;
  reason?: unknown;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

function readFieldErrors(value: unknown): Record<string, string[]> {
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) out[field] = messages.filter((m): m is string => typeof m === 'string');
  }
  return out;
}

function readReason(value: unknown, message: string): ServerReason | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || code === '') return undefined;
  const clean: Record<string, string | number> = {};
  if (params && typeof params === 'object') {
    for (const [name, param] of Object.entries(params)) if (typeof param === 'string' || typeof param === 'number') clean[name] = param;
  }
  return { code, params: clean, message };
}

function codeFromStatus(status: number): ErrorCode | 'unknown' {
  if (status === 429) return 'TOO_MANY_ATTEMPTS';
  if (status === 401) return 'NOT_SIGNED_IN';
  if (status >= 500) return 'UNAVAILABLE';
  return 'unknown';
}

/**
 * Maps anything thrown by the tRPC client to a message a person can act on. A TRPCClientError
 * carries the server's `data` (domainCode, fieldErrors); one without `data` never got a tRPC
 * answer: the network failed or a proxy answered instead of the API.
 */
export function describeError(error: unknown): DescribedError {
  const data: ErrorData | undefined =
    error && typeof error === 'object' && 'data' in error && error.data && typeof error.data === 'object' ? (error.data as ErrorData) : undefined;

  if (!data) return { code: 'network', messageKey: 'errors.network', fieldErrors: {} };

  const code = isErrorCode(data.domainCode) ? data.domainCode : typeof data.httpStatus === 'number' ? codeFromStatus(data.httpStatus) : 'unknown';
  const reason = readReason(data.reason, error instanceof Error ? error.message : '');
  return { code, messageKey: `errors.${code}`, fieldErrors: readFieldErrors(data.fieldErrors), ...(reason ? { reason } : {}) };
}

/** Whether trying the same request again may help (and so whether React Query should retry). */
export function isRetryable(error: unknown): boolean {
  const { code } = describeError(error);
  return code === 'network' || code === 'UNAVAILABLE';
}
