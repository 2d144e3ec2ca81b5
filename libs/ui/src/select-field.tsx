import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  /** Hides the label visually (it stays the accessible name), e.g. in a compact row. */
  labelHidden?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
  ref?: Ref<HTMLSelectElement>;
  /** The `<option>`s (and `<optgroup>`s). */
  children: ReactNode;
}

export function SelectField({ label, labelHidden = false, hint, error, id, className, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} labelHidden={labelHidden} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <select {...control} className="dd-field__input dd-field__select" {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
