import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from '@dd/ui';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A multi-line text field with the design system's label, hint and error (libs/ui has only single-line fields). */
export function TextAreaField({ label, hint, error, id, className, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => <textarea {...control} rows={rows} className="dd-field__input purchase-textarea" {...textarea} />}
    </FieldFrame>
  );
}
