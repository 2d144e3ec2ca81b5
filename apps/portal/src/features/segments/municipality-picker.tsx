import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_LIMITS } from '@dd/contract';
import { Checkbox, Icon, TextField } from '@dd/ui';
import type { MunicipalityGroup } from './builder-options';

interface MunicipalityPickerProps {
  groups: readonly MunicipalityGroup[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** "’s-Hertogenbosch" is found under "hertogenbosch" and "den bosch" is not a municipality: match on letters only, accents ignored. */
const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^'s-/i, '')
    .toLowerCase();

/**
 * A searchable multi-select: the search box only filters the list (it is never sent), the choice is
 * always a checkbox from the list of municipalities the platform knows, grouped by province.
 */
export function MunicipalityPicker({ groups, values, onChange }: MunicipalityPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const listId = useId();
  const full = values.length >= SEGMENT_LIMITS.maxValues;
  const filtered = useMemo(() => {
    const needle = normalise(search.trim());
    if (!needle) return groups;
    return groups
      .map((group) => ({
        ...group,
        municipalities: normalise(group.provinceLabel).includes(needle) ? group.municipalities : group.municipalities.filter((name) => normalise(name).includes(needle)),
      }))
      .filter((group) => group.municipalities.length > 0);
  }, [groups, search]);
  const order = useMemo(() => groups.flatMap((group) => group.municipalities), [groups]);
  const toggle = (name: string, checked: boolean) => {
    const next = checked ? [...values, name] : values.filter((value) => value !== name);
    onChange(order.filter((known) => next.includes(known)));
  };

  return (
    <fieldset className="criterion-values municipality-picker">
      <legend className="criterion-values__legend">{t('segments.builder.municipality.legend')}</legend>
      <div className="municipality-picker__chosen">
        <span className="municipality-picker__chosen-label" id={`${listId}-chosen`}>
          {t('segments.builder.municipality.chosen')}
        </span>
        {values.length ? (
          <ul className="municipality-picker__chips" aria-labelledby={`${listId}-chosen`}>
            {values.map((name) => (
              <li key={name} className="municipality-picker__chip">
                <span>{name}</span>
                <button type="button" className="municipality-picker__remove" aria-label={t('segments.builder.municipality.removeValue', { name })} onClick={() => toggle(name, false)}>
                  <Icon name="close" size={14} />
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <span className="municipality-picker__none">{t('segments.builder.municipality.none')}</span>
        )}
      </div>
      <TextField
        type="search"
        label={t('segments.builder.municipality.search')}
        hint={full ? t('segments.builder.row.tooManyValues', { max: SEGMENT_LIMITS.maxValues }) : t('segments.builder.municipality.searchHint')}
        autoComplete="off"
        value={search}
        aria-controls={listId}
        onChange={(event) => setSearch(event.target.value)}
        className="municipality-picker__search"
      />
      <div className="municipality-picker__list" id={listId}>
        {filtered.length === 0 ? <p className="municipality-picker__empty">{t('segments.builder.municipality.noMatch')}</p> : null}
        {filtered.map((group) => (
          <fieldset key={group.province} className="municipality-picker__group">
            <legend className="municipality-picker__province">{group.provinceLabel}</legend>
            {group.municipalities.map((name) => {
              const checked = values.includes(name);
              return <Checkbox key={name} label={name} value={name} checked={checked} disabled={!checked && full} onChange={(event) => toggle(name, event.target.checked)} />;
            })}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
