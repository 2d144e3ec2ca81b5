import type { ReactNode } from 'react';
import { Alert } from '@dd/ui';

/** The form-level message for what cannot be shown next to one field. */
export function FormAlert({ message, children }: { message: string | null; children?: ReactNode }) {
  if (!message) return null;
  return (
    <Alert tone="danger" className="auth-form__alert">
      <p>{message}</p>
      {children}
    </Alert>
  );
}
