import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { describeError } from '../../app/api-error';

/** Field name -> i18n key of the first problem with it. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type ClientValidation<S extends z.ZodType, F extends string> =
  | { ok: true; data: z.output<S> }
  | { ok: false; fieldErrors: FieldErrors<F> };

/** Runs the same zod schema the API enforces; keeps the first message per known field. */
export function validateFields<S extends z.ZodType, F extends string>(schema: S, values: unknown, fields: readonly F[]): ClientValidation<S, F> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors<F> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (fields as readonly string[]).includes(field) && !fieldErrors[field as F]) {
      fieldErrors[field as F] = issue.message;
    }
  }
  return { ok: false, fieldErrors };
}

export interface ServerFormErrors<F extends string> {
  /** Shown in the form's alert; absent when every problem is shown next to its field. */
  formMessageKey?: string;
  /** For a throttled sign-in or sign-up: how long to wait, which the alert says. */
  retryAfterSeconds?: number;
  fieldErrors: FieldErrors<F>;
}

/** The server's reasons for refusing a sign-in or sign-up for a while, and the text that says so. */
const THROTTLE_MESSAGES: Record<string, string> = {
  signInDelayed: 'auth.throttled.account',
  signInAddressLimited: 'auth.throttled.address',
  rateLimited: 'auth.throttled.signUp',
  twoFactorLimited: 'twoFactor:throttled',
};

/** Splits a failed request into messages under fields and one message for the whole form. */
export function serverFormErrors<F extends string>(error: unknown, fields: readonly F[]): ServerFormErrors<F> {
  const described = describeError(error);
  const throttled = described.reason ? THROTTLE_MESSAGES[described.reason.code] : undefined;
  const wait = described.reason?.params['retryAfterSeconds'];
  if (described.code === 'TOO_MANY_ATTEMPTS' && throttled && typeof wait === 'number') {
    return { formMessageKey: throttled, retryAfterSeconds: wait, fieldErrors: {} };
  }
  const known = (field: string): field is F => (fields as readonly string[]).includes(field);

  const fieldErrors: FieldErrors<F> = {};
  for (const [field, messages] of Object.entries(described.fieldErrors)) {
    if (known(field) && messages[0]) fieldErrors[field] = messages[0];
  }
  // A password the server finds too weak is about the password field: say it there.
  const password = 'password';
  if (described.code === 'WEAK_PASSWORD' && known(password) && !fieldErrors[password]) {
    fieldErrors[password] = described.messageKey;
  }

  const shownInline = Object.keys(fieldErrors).length > 0;
  const inlineOnly = shownInline && (described.code === 'VALIDATION_FAILED' || described.code === 'WEAK_PASSWORD');
  return inlineOnly ? { fieldErrors } : { formMessageKey: described.messageKey, fieldErrors };
}

/** "45 seconds" under a minute, otherwise whole minutes rounded up ("2 minutes"), in the reader's language. */
export function waitText(t: TFunction, seconds: number): string {
  return seconds < 60 ? t('auth.wait.seconds', { count: seconds }) : t('auth.wait.minutes', { count: Math.ceil(seconds / 60) });
}

/** The form alert's text; a throttled answer says how long to wait. */
export function formMessageText(t: TFunction, key: string, retryAfterSeconds: number | null): string {
  return t(key as 'errors.unknown', retryAfterSeconds === null ? {} : { wait: waitText(t, retryAfterSeconds) });
}
