import { useTranslation } from 'react-i18next';
import { Checkbox } from '@dd/ui';
import type { ReferenceLabels } from '../../app/reference-labels';

interface IndustryExclusionsProps {
  labels: ReferenceLabels;
  excluded: readonly string[];
  disabled: boolean;
  onChange: (industry: string, excluded: boolean) => void;
}

/** Industries that never receive anything that includes this customer; sensitive ones first. */
export function IndustryExclusions({ labels, excluded, disabled, onChange }: IndustryExclusionsProps) {
  const { t } = useTranslation();
  const groups = [
    { id: 'sensitive', legend: t('consent.sensitiveGroup'), items: labels.industries.filter((i) => i.sensitive) },
    { id: 'other', legend: t('consent.otherGroup'), items: labels.industries.filter((i) => !i.sensitive) },
  ];
  return (
    <div className="industry-groups">
      {groups.map((group) =>
        group.items.length === 0 ? null : (
          <fieldset key={group.id} className={`industry-group industry-group--${group.id}`} disabled={disabled}>
            <legend className="industry-group__legend">{group.legend}</legend>
            <div className="industry-group__grid">
              {group.items.map((industry) => (
                <Checkbox
                  key={industry.code}
                  name="excludedIndustries"
                  value={industry.code}
                  label={labels.industry(industry.code)}
                  checked={excluded.includes(industry.code)}
                  onChange={(event) => onChange(industry.code, event.target.checked)}
                />
              ))}
            </div>
          </fieldset>
        ),
      )}
    </div>
  );
}
