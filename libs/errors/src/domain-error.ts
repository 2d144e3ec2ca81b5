/**
 * Stable error codes. The API maps each code to one tRPC code (libs/api), and the portal maps
 * each code to a translated message, so a person always reads what went wrong and what to do.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  // Sign-up refused for the address (it has an account): deliberately not named EMAIL_TAKEN.
  SIGN_UP_REFUSED: 'BAD_REQUEST',
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

export type ErrorParams = Record<string, string | number>;

/**
 * What exactly went wrong, finer than the code: a stable reason code with the values a translation
 * needs (`{ code: 'fileTooLarge', params: { limitMb: 20 } }`), so the portal can say it in the
 * reader's language while `message` stays the English text for logs and the API.
 */
export interface ErrorReason {
  code: string;
  params: ErrorParams;
}

/**
 * A failure the user can act on. `message` is written for a person, in English; the portal translates by `code`.
 * Two `details` keys have a meaning beyond logs: `field`, the input the error is about (the API returns it as a
 * field error, like a zod issue), and `messageKey`, the portal's i18n key for the text under that field.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, string | number> | undefined;
  readonly reason: ErrorReason | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, string | number>, reason?: ErrorReason) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.reason = reason;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
