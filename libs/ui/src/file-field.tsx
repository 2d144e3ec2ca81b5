import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './class-names';
import { FieldFrame } from './field-frame';
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
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={cx('dd-file-field', className)}>
      {(control) => (
        <>
          <div className="dd-file-field__zone">
            <Icon name="upload" size={22} className="dd-file-field__icon" />
            <input {...control} type="file" className="dd-file-field__input" {...input} />
          </div>
          {selected ? <p className="dd-file-field__selected">{selected}</p> : null}
        </>
      )}
    </FieldFrame>
  );
}
