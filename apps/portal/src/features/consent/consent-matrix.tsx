import { useTranslation } from 'react-i18next';
import { PURPOSES, type CategoryDto, type ConsentCell, type PurposeCode } from '@dd/contract';
import { TableScroll, Badge, SelectField, Switch, TextField } from '@dd/ui';
import { formatDate } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { cellKey, DURATION_PRESETS, durationChoice, type CellDraft, type CellProblem, type DurationChoice } from './consent-draft';

export interface ConsentMatrixProps {
  labels: ReferenceLabels;
  /** The server's cells, for what the draft cannot know (expired grants). */
  cells: readonly ConsentCell[];
  draft: Readonly<Record<string, CellDraft>>;
  baseline: Readonly<Record<string, CellDraft>>;
  durations: Readonly<Record<string, DurationChoice>>;
  problems: Readonly<Record<string, CellProblem>>;
  today: string;
  disabled: boolean;
  onToggle: (key: string, granted: boolean) => void;
  onDuration: (key: string, choice: DurationChoice) => void;
  onDate: (key: string, day: string) => void;
}

interface ConsentGroupProps {
  /** The rows: profile facts or sellable spending categories. */
  categories: readonly CategoryDto[];
  caption: string;
  categoryHeader: string;
  /** Shows each category's one-sentence explanation under its name (and ties it to its switches). */
  describe?: boolean;
}

/** Rows are categories of one group, columns the two purposes; every cell starts off. */
export function ConsentMatrix(props: ConsentMatrixProps & ConsentGroupProps) {
  const { t } = useTranslation();
  const { labels, categories, caption, categoryHeader, describe = false } = props;
  return (
    <TableScroll className="consent-matrix-wrap" label={caption}>
      <table className="consent-matrix">
        <caption className="dd-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryHeader}</th>
            {PURPOSES.map((purpose) => (
              <th key={purpose} scope="col">
                {t(`consent.purposes.${purpose}.title`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category.code}>
              <th scope="row" className="consent-matrix__category">
                {labels.category(category.code)}
                {describe ? (
                  <span className="consent-matrix__description" id={descriptionId(category.code)}>
                    {labels.categoryDescription(category.code)}
                  </span>
                ) : null}
              </th>
              {PURPOSES.map((purpose) => (
                <td key={purpose} data-purpose={t(`consent.purposes.${purpose}.title`)}>
                  <CellControl {...props} category={category.code} purpose={purpose} describedBy={describe ? descriptionId(category.code) : undefined} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One group of rows (facts about you, or spending) under its own heading; hidden when the group is empty. */
export function ConsentGroup({ id, title, intro, matrix }: { id: string; title: string; intro: string; matrix: ConsentMatrixProps & ConsentGroupProps }) {
  if (matrix.categories.length === 0) return null;
  return (
    <div className="consent-group" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="consent-group__title">
        {title}
      </h3>
      <p className="consent-group__intro">{intro}</p>
      <ConsentMatrix {...matrix} />
    </div>
  );
}

const descriptionId = (category: string) => `consent-explanation-${category}`;

function CellControl({
  labels,
  cells,
  draft,
  baseline,
  durations,
  problems,
  today,
  disabled,
  onToggle,
  onDuration,
  onDate,
  category,
  purpose,
  describedBy,
}: ConsentMatrixProps & { category: string; purpose: PurposeCode; describedBy: string | undefined }) {
  const { t, i18n } = useTranslation();
  const key = cellKey(category, purpose);
  const cell = draft[key] ?? { granted: false, until: null };
  const before = baseline[key] ?? { granted: false, until: null };
  const server = cells.find((c) => c.category === category && c.purpose === purpose);
  const names = { category: labels.category(category), purpose: t(`consent.purposes.${purpose}.title`) };
  const changed = cell.granted !== before.granted || (cell.granted && cell.until !== before.until);
  const problem = problems[key];

  return (
    <div className={changed ? 'consent-cell consent-cell--changed' : 'consent-cell'}>
      <Switch
        label={t('consent.cellLabel', names)}
        labelHidden
        stateText={{ on: t('consent.on'), off: t('consent.off') }}
        checked={cell.granted}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onToggle(key, event.target.checked)}
      />
      {cell.granted && !disabled ? (
        <div className="consent-cell__duration">
          <SelectField
            label={t('consent.durationLabel', names)}
            labelHidden
            value={durationChoice(cell, durations[key])}
            onChange={(event) => onDuration(key, event.target.value as DurationChoice)}
          >
            <option value="none">{t('consent.durations.none')}</option>
            {DURATION_PRESETS.map((months) => (
              <option key={months} value={String(months)}>
                {t(`consent.durations.months${months}`)}
              </option>
            ))}
            <option value="date">{t('consent.durations.date')}</option>
          </SelectField>
          {cell.until !== null ? (
            <TextField
              type="date"
              label={t('consent.untilLabel', names)}
              labelHidden
              min={today}
              value={cell.until}
              onChange={(event) => onDate(key, event.target.value)}
              error={problem ? t(problem) : undefined}
            />
          ) : null}
        </div>
      ) : null}
      {cell.granted && disabled && cell.until ? <span className="consent-cell__note">{t('consent.until', { date: formatDate(cell.until, i18n.language) })}</span> : null}
      {!cell.granted && server?.expired && server.expiresAt ? (
        <Badge tone="neutral">{t('consent.expired', { date: formatDate(server.expiresAt, i18n.language) })}</Badge>
      ) : null}
    </div>
  );
}
