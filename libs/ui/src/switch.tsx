import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './class-names';

export interface SwitchProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'role' | 'id' | 'children'> {
  /** The accessible name; keep it specific ("Groceries, anonymous statistics") when the label is hidden. */
  label: ReactNode;
  /** Hides the label visually (it stays the accessible name), e.g. inside a table cell with headers. */
  labelHidden?: boolean;
  /** Short visible state words, e.g. { on: 'On', off: 'Off' }; the switch role already announces the state. */
  stateText?: { on: string; off: string };
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

/** An on/off choice that takes effect as a setting: a native checkbox with the switch role. */
export function Switch({ label, labelHidden = false, stateText, id, className, checked, ...input }: SwitchProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <span className={cx('dd-switch', className)}>
      <input id={inputId} type="checkbox" role="switch" className="dd-switch__input" checked={checked} {...input} />
      <label htmlFor={inputId} className="dd-switch__control">
        <span className="dd-switch__track" aria-hidden="true">
          <span className="dd-switch__thumb" />
        </span>
        <span className={labelHidden ? 'dd-visually-hidden' : 'dd-switch__label'}>{label}</span>
        {stateText ? (
          <span className="dd-switch__state" aria-hidden="true">
            {checked ? stateText.on : stateText.off}
          </span>
        ) : null}
      </label>
    </span>
  );
}
