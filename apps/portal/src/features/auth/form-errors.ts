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
  fieldErrors: FieldErrors<F>;
}

/** Splits a failed request into messages under fields and one message for the whole form. */
export function serverFormErrors<F extends string>(error: unknown, fields: readonly F[]): ServerFormErrors<F> {
  const described = describeError(error);
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
