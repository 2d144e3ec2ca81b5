import { useTranslation } from 'react-i18next';
import { SelectField } from '@dd/ui';
import type { BuilderOptions } from './builder-options';
import type { SpendCriterion } from './builder-state';
import { inSentence, spendBandLabel, spendMeaning } from './spend-text';

interface SpendFieldsProps {
  criterion: SpendCriterion;
  options: BuilderOptions;
  idPrefix: string;
  onChange: (criterion: SpendCriterion) => void;
}

/** A sellable category and a range of monthly spend bands, with what the range means in euros. */
export function SpendFields({ criterion, options, idPrefix, onChange }: SpendFieldsProps) {
  const { t } = useTranslation();
  const category = options.categories.find((choice) => choice.code === criterion.category);
  const meaning = spendMeaning(t, options.spendBands, criterion.min, criterion.max, category ? inSentence(category.label) : null);
  const bands = options.spendBands.map((band) => ({ band: band.band, label: spendBandLabel(t, band) }));
  return (
    <div className="spend-fields">
      <SelectField
        id={`${idPrefix}-category`}
        label={t('segments.builder.spend.category')}
        value={criterion.category}
        onChange={(event) => onChange({ ...criterion, category: event.target.value })}
      >
        <option value="">{t('segments.builder.spend.chooseCategory')}</option>
        {options.categories.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      <div className="spend-fields__range">
        <SelectField
          id={`${idPrefix}-min`}
          label={t('segments.builder.spend.from')}
          value={String(criterion.min)}
          onChange={(event) => {
            const min = Number(event.target.value);
            onChange({ ...criterion, min, max: Math.max(min, criterion.max) });
          }}
        >
          {bands.map(({ band, label }) => (
            <option key={band} value={band}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${idPrefix}-max`}
          label={t('segments.builder.spend.to')}
          value={String(criterion.max)}
          onChange={(event) => {
            const max = Number(event.target.value);
            onChange({ ...criterion, max, min: Math.min(max, criterion.min) });
          }}
        >
          {bands.map(({ band, label }) => (
            <option key={band} value={band}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="spend-fields__meaning">{meaning}</p>
      <p className="criterion-values__hint">{t('segments.builder.spend.period')}</p>
    </div>
  );
}
