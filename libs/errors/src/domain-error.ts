/**
 * Stable error codes. The API maps each code to one tRPC code (libs/api), and the portal maps
 * each code to a translated message, so a person always reads what went wrong and what to do.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  EMAIL_TAKEN: 'CONFLICT',
  WEAK_PASSWORD: 'BAD_REQUEST',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  NOT_SIGNED_IN: 'UNAUTHORIZED',
  WRONG_ROLE: 'FORBIDDEN',
  CSRF_REJECTED: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type TransportCode = (typeof ERROR_CODES)[ErrorCode];

/** A failure the user can act on. `message` is written for a person, in English; the portal translates by `code`. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, string | number> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, string | number>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
