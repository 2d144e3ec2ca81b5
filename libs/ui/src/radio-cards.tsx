import { useId, type ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './icon';

export interface RadioCardOption<V extends string> {
  value: V;
  label: string;
  description?: ReactNode;
  icon?: IconName;
}

export interface RadioCardsProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  options: readonly RadioCardOption<V>[];
  onChange: (value: V) => void;
  className?: string;
}

/** A radio group drawn as cards: for a choice that deserves a sentence of explanation per option. */
export function RadioCards<V extends string>({ legend, name, value, options, onChange, className }: RadioCardsProps<V>) {
  const groupId = useId();
  return (
    <fieldset className={cx('dd-radio-cards', className)}>
      <legend className="dd-radio-cards__legend">{legend}</legend>
      <div className="dd-radio-cards__grid">
        {options.map((option) => {
          const titleId = `${groupId}-${option.value}-title`;
          const descriptionId = option.description ? `${groupId}-${option.value}-description` : undefined;
          return (
            <label key={option.value} className="dd-radio-card">
              <input
                className="dd-radio-card__input"
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-labelledby={titleId}
                aria-describedby={descriptionId}
              />
              <span className="dd-radio-card__check" aria-hidden="true" />
              {option.icon ? (
                <span className="dd-radio-card__icon">
                  <Icon name={option.icon} size={22} />
                </span>
              ) : null}
              <span className="dd-radio-card__title" id={titleId}>
                {option.label}
              </span>
              {option.description ? (
                <span className="dd-radio-card__description" id={descriptionId}>
                  {option.description}
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
