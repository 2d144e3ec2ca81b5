import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndustryDto } from '@dd/contract';
import { SelectField } from '@dd/ui';

interface IndustrySelectProps {
  industries: readonly IndustryDto[];
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  error?: string | undefined;
  disabled?: boolean;
  hint?: string;
}

/** The reference list of industries, sensitive ones grouped apart so nobody picks one by accident. */
export function IndustrySelect({ industries, value, onChange, error, disabled, hint }: IndustrySelectProps) {
  const { t, i18n } = useTranslation('organisation');
  const label = (industry: IndustryDto) => (i18n.language === 'en' ? industry.label.en : industry.label.nl);
  const byLabel = (a: IndustryDto, b: IndustryDto) => label(a).localeCompare(label(b), i18n.language);
  const others = industries.filter((i) => !i.sensitive).sort(byLabel);
  const sensitive = industries.filter((i) => i.sensitive).sort(byLabel);
  return (
    <SelectField
      label={t('fields.industry')}
      hint={hint ?? t('fields.industryHint')}
      name="industry"
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      aria-required="true"
    >
      <option value="">{t('fields.industryPlaceholder')}</option>
      <optgroup label={t('fields.otherGroup')}>
        {others.map((industry) => (
          <option key={industry.code} value={industry.code}>
            {label(industry)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('fields.sensitiveGroup')}>
        {sensitive.map((industry) => (
          <option key={industry.code} value={industry.code}>
            {label(industry)}
          </option>
        ))}
      </optgroup>
    </SelectField>
  );
}
