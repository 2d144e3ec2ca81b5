import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_LIMITS } from '@dd/contract';
import { Checkbox } from '@dd/ui';
import type { Choice } from './builder-options';

interface ChoiceValuesProps {
  legend: string;
  choices: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** The values of a list criterion as checkboxes, in the catalogue's order. */
export function ChoiceValues({ legend, choices, values, onChange }: ChoiceValuesProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const full = values.length >= SEGMENT_LIMITS.maxValues;
  const toggle = (code: string, checked: boolean) => {
    const next = checked ? [...values, code] : values.filter((value) => value !== code);
    // Keep the catalogue's order, so the same choice always makes the same tree.
    onChange(choices.map((choice) => choice.code).filter((c) => next.includes(c)));
  };
  return (
    <fieldset className="criterion-values" aria-describedby={hintId}>
      <legend className="criterion-values__legend">{legend}</legend>
      <p className="criterion-values__hint" id={hintId}>
        {full ? t('segments.builder.row.tooManyValues', { max: SEGMENT_LIMITS.maxValues }) : t('segments.builder.values.hint')}
      </p>
      <div className="criterion-values__grid">
        {choices.map((choice) => {
          const checked = values.includes(choice.code);
          return (
            <Checkbox
              key={choice.code}
              label={choice.label}
              value={choice.code}
              checked={checked}
              disabled={!checked && full}
              onChange={(event) => toggle(choice.code, event.target.checked)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
