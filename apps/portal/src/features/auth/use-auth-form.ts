import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@dd/contract';
import { fieldErrorText } from '../../app/field-error-text';
import { formMessageText, serverFormErrors, validateFields, type FieldErrors } from './form-errors';

/**
 * Form state for the auth forms: validates with the contract's zod schema on submit, then live
 * per field once a submit was tried; maps server errors; moves focus to the first problem.
 */
export function useAuthForm<F extends string, S extends z.ZodType>(options: {
  schema: S;
  fields: readonly F[];
  values: Record<F, string>;
  /** Extra input the schema expects but the person does not type, such as the locale. */
  extra?: Record<string, unknown>;
  onValid: (data: z.output<S>) => void;
}) {
  const { schema, fields, values, extra, onValid } = options;
  const { t, i18n } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formMessageKey, setFormMessageKey] = useState<string | null>(null);
  const [retryAfterSeconds, setRetryAfterSeconds] = useState<number | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  // Remembered at submit, so focus can move to the first problem once errors have rendered.
  const formRef = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  /** Re-checks one field as the person types, once they have tried to submit. */
  const revalidate = useCallback(
    (field: F, nextValues: Record<F, string>) => {
      if (!attempted) return;
      const result = validateFields(schema, { ...nextValues, ...extra }, fields);
      setFieldErrors((current) => ({ ...current, [field]: result.ok ? undefined : result.fieldErrors[field] }));
    },
    [attempted, schema, fields, extra],
  );

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    formRef.current = event.currentTarget;
    setAttempted(true);
    setFormMessageKey(null);
    const result = validateFields(schema, { ...values, ...extra }, fields);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors);
      setFocusRequest((n) => n + 1);
      return;
    }
    setFieldErrors({});
    onValid(result.data);
  };

  const applyServerError = (error: unknown) => {
    const mapped = serverFormErrors(error, fields);
    setFieldErrors(mapped.fieldErrors);
    setFormMessageKey(mapped.formMessageKey ?? null);
    setRetryAfterSeconds(mapped.retryAfterSeconds ?? null);
    if (Object.keys(mapped.fieldErrors).length > 0) setFocusRequest((n) => n + 1);
  };

  const reset = () => {
    setFieldErrors({});
    setFormMessageKey(null);
    setAttempted(false);
  };

  /** The translated message for a field, if it has one (the client's check or the server's). */
  const errorFor = (field: F): string | undefined => {
    const key = fieldErrors[field];
    return key ? fieldErrorText(t, i18n, key, { min: PASSWORD_MIN_LENGTH }) : undefined;
  };

  const formMessage = formMessageKey ? formMessageText(t, formMessageKey, retryAfterSeconds) : null;

  return { handleSubmit, applyServerError, revalidate, reset, errorFor, formMessage, formMessageKey };
}
