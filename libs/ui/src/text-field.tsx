import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './class-names';
import { Icon } from './icon';

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
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={cx('dd-field', error && 'dd-field--invalid', className)}>
      <label className={labelHidden ? 'dd-visually-hidden' : 'dd-field__label'} htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="dd-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        type={type}
        className="dd-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p className="dd-field__error" id={errorId}>
          <Icon name="warning" size={16} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
