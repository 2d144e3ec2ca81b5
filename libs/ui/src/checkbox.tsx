import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './class-names';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'children'> {
  label: ReactNode;
  /** A line under the label, linked with aria-describedby. */
  description?: ReactNode;
  /** Shown after the label, e.g. a badge; part of the label's text. */
  adornment?: ReactNode;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

export function Checkbox({ label, description, adornment, id, className, ...input }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const descriptionId = description ? `${inputId}-description` : undefined;
  return (
    <div className={cx('dd-checkbox', className)}>
      <input id={inputId} type="checkbox" className="dd-checkbox__input" aria-describedby={descriptionId} {...input} />
      <div className="dd-checkbox__text">
        <label htmlFor={inputId} className="dd-checkbox__label">
          {label}
          {adornment ? <> {adornment}</> : null}
        </label>
        {description ? (
          <p className="dd-checkbox__description" id={descriptionId}>
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
