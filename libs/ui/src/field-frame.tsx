import { useId, type ReactNode } from 'react';
import { cx } from './class-names';
import { Icon } from './icon';

/** What a control inside the frame needs to be labelled and described correctly. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldFrameProps {
  label: string;
  /** Hides the label visually (it stays the accessible name). */
  labelHidden?: boolean;
  hint?: ReactNode;
  /** A translated message; marks the control invalid and is announced with it. */
  error?: string | undefined;
  id?: string | undefined;
  className?: string | undefined;
  /** Renders the control with the ids and ARIA attributes that tie it to label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** The one layout of label, hint, control and error that every form field shares. */
export function FieldFrame({ label, labelHidden = false, hint, error, id, className, children }: FieldFrameProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    <div className={cx('dd-field', error && 'dd-field--invalid', className)}>
      <label className={labelHidden ? 'dd-visually-hidden' : 'dd-field__label'} htmlFor={controlId}>
        {label}
      </label>
      {hint ? (
        <div className="dd-field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
      })}
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}

/** An error line under a field or group of fields. */
export function FieldError({ id, message }: { id?: string | undefined; message: string }) {
  return (
    <p className="dd-field__error" id={id}>
      <Icon name="warning" size={16} />
      <span>{message}</span>
    </p>
  );
}
