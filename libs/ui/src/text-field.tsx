import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame } from './field-frame';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: string;
  /** Hides the label visually (it stays the accessible name), e.g. in a table cell with headers. */
  labelHidden?: boolean;
  /** Help shown before the person types, e.g. password rules. */
  hint?: ReactNode;
  /** A translated message; marks the input invalid and is announced with it. */
  error?: string | undefined;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, labelHidden = false, hint, error, id, className, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} labelHidden={labelHidden} hint={hint} error={error} id={id} className={className}>
      {(control) => <input {...control} type={type} className="dd-field__input" {...input} />}
    </FieldFrame>
  );
}
