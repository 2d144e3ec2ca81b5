import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './class-names';
import { Icon } from './icon';

export interface FileFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'children' | 'value'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** The chosen file's name and size, shown under the picker. */
  selected?: ReactNode;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A native file input (keyboard, screen readers and drag-and-drop onto it all work) in the field layout. */
export function FileField({ label, hint, error, selected, id, className, ...input }: FileFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('dd-field', 'dd-file-field', error && 'dd-field--invalid', className)}>
      <label className="dd-field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <div className="dd-field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <div className="dd-file-field__zone">
        <Icon name="upload" size={22} className="dd-file-field__icon" />
        <input id={inputId} type="file" className="dd-file-field__input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      </div>
      {selected ? <p className="dd-file-field__selected">{selected}</p> : null}
      {error ? (
        <p className="dd-field__error" id={errorId}>
          <Icon name="warning" size={16} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
