import { cx } from './class-names';

export interface LanguageOption<C extends string> {
  code: C;
  /** Short visible label, e.g. "NL". */
  short: string;
  /** The language's own name, e.g. "Nederlands": the button's accessible name. */
  name: string;
}

export interface LanguageSwitchProps<C extends string> {
  /** Names the group, e.g. "Language". */
  label: string;
  value: C;
  options: readonly LanguageOption<C>[];
  onChange: (code: C) => void;
  className?: string;
}

/** Presentational only: the caller decides where the choice is stored. */
export function LanguageSwitch<C extends string>({ label, value, options, onChange, className }: LanguageSwitchProps<C>) {
  return (
    <div className={cx('dd-language-switch', className)} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.code}
          type="button"
          className="dd-language-switch__option"
          lang={option.code}
          aria-label={option.name}
          aria-pressed={option.code === value}
          onClick={() => {
            if (option.code !== value) onChange(option.code);
          }}
        >
          {option.short}
        </button>
      ))}
    </div>
  );
}
