import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { cx } from './class-names';
import { Icon } from './icon';

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
  const generated = useId();
  const selectId = id ?? generated;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('dd-field', error && 'dd-field--invalid', className)}>
      <label className={labelHidden ? 'dd-visually-hidden' : 'dd-field__label'} htmlFor={selectId}>
        {label}
      </label>
      {hint ? (
        <p className="dd-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <select id={selectId} className="dd-field__input dd-field__select" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
      {error ? (
        <p className="dd-field__error" id={errorId}>
          <Icon name="warning" size={16} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
