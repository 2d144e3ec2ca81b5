import { useTranslation } from 'react-i18next';
import { SEGMENT_FIELDS, type SegmentField } from '@dd/contract';
import { Badge, Button, Checkbox, cx, FieldError, Icon, SelectField } from '@dd/ui';
import type { BuilderOptions } from './builder-options';
import { emptyCriterion, isComplete, type Criterion, type CriterionRow, type GroupRow, type Match } from './builder-state';
import { ChoiceValues } from './choice-values';
import { MunicipalityPicker } from './municipality-picker';
import { SpendFields } from './spend-fields';

interface MatchChoiceProps {
  legend: string;
  name: string;
  value: Match;
  onChange: (match: Match) => void;
}

/** "Match all / match any" as two radio buttons, with what the choice does to the group. */
export function MatchChoice({ legend, name, value, onChange }: MatchChoiceProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="match-choice">
      <legend className="match-choice__legend">{legend}</legend>
      <div className="match-choice__options">
        {(['all', 'any'] as const).map((match) => (
          <label key={match} className="match-choice__option">
            <input type="radio" name={name} value={match} checked={value === match} onChange={() => onChange(match)} />
            <span>{t(`segments.builder.criteria.${match}`)}</span>
          </label>
        ))}
      </div>
      <p className="match-choice__hint">{t(`segments.builder.criteria.${value}Hint`)}</p>
    </fieldset>
  );
}

interface CriterionEditorProps {
  row: CriterionRow;
  number: number;
  options: BuilderOptions;
  /** A translated problem the server found with this criterion. */
  problem?: string | undefined;
  onChange: (row: CriterionRow) => void;
  onRemove: () => void;
}

/** One criterion: what it is about, its values, whether it excludes, and remove. No free text anywhere. */
export function CriterionEditor({ row, number, options, problem, onChange, onRemove }: CriterionEditorProps) {
  const { t } = useTranslation();
  const { criterion } = row;
  const complete = isComplete(criterion);
  const setCriterion = (next: Criterion) => onChange({ ...row, criterion: next });

  return (
    <li className={cx('criterion-row', row.exclude && 'criterion-row--excluded', problem && 'criterion-row--invalid')} data-row={row.id}>
      <fieldset className="criterion-row__fieldset">
        <legend className="dd-visually-hidden">{t('segments.builder.row.legend', { number })}</legend>
        <div className="criterion-row__top">
          {/* The legend names the fieldset for assistive technology; this is its visible twin, laid out with the actions. */}
          <span className="criterion-row__number" aria-hidden="true">
            {t('segments.builder.row.legend', { number })}
          </span>
          {row.exclude ? (
            <Badge tone="danger" dot>
              {t('segments.builder.row.excluded')}
            </Badge>
          ) : null}
          <Button variant="ghost" size="sm" className="criterion-row__remove" aria-label={t('segments.builder.row.removeLabel', { number })} onClick={onRemove}>
            <Icon name="trash" size={16} />
            <span className="criterion-row__remove-text">{t('segments.builder.row.remove')}</span>
          </Button>
        </div>
        <div className="criterion-row__head">
          <SelectField
            id={`${row.id}-field`}
            label={t('segments.builder.row.field')}
            className="criterion-row__field"
            value={criterion.field}
            onChange={(event) => setCriterion(emptyCriterion(event.target.value as SegmentField))}
          >
            {SEGMENT_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(`segments.builder.fields.${field}`)}
              </option>
            ))}
          </SelectField>
          <Checkbox
            className="criterion-row__exclude"
            label={t('segments.builder.row.exclude')}
            checked={row.exclude}
            onChange={(event) => onChange({ ...row, exclude: event.target.checked })}
          />
        </div>
        <ValuesEditor row={row} options={options} onChange={setCriterion} />
        {!complete ? (
          <p className="criterion-row__incomplete">
            <Icon name="info" size={16} />
            <span>{criterion.field === 'spend' ? t('segments.builder.row.incompleteSpend') : t('segments.builder.row.incomplete')}</span>
          </p>
        ) : null}
        {problem ? <FieldError message={problem} /> : null}
      </fieldset>
    </li>
  );
}

function ValuesEditor({ row, options, onChange }: { row: CriterionRow; options: BuilderOptions; onChange: (criterion: Criterion) => void }) {
  const { t } = useTranslation();
  const { criterion } = row;
  switch (criterion.field) {
    case 'spend':
      return <SpendFields criterion={criterion} options={options} idPrefix={row.id} onChange={onChange} />;
    case 'municipality':
      return <MunicipalityPicker groups={options.municipalities} values={criterion.values} onChange={(values) => onChange({ ...criterion, values })} />;
    default:
      return (
        <ChoiceValues
          legend={t(`segments.builder.values.${criterion.field}`)}
          choices={options[criterion.field]}
          values={criterion.values}
          onChange={(values) => onChange({ ...criterion, values })}
        />
      );
  }
}

interface GroupEditorProps {
  group: GroupRow;
  number: number;
  /** The number of the group's first criterion, so criteria are numbered through the whole segment. */
  firstCriterion: number;
  options: BuilderOptions;
  canAdd: boolean;
  problems: ReadonlyMap<string, string>;
  onMatch: (match: Match) => void;
  onChangeRow: (row: CriterionRow) => void;
  onRemoveRow: (id: string) => void;
  onAdd: () => void;
  onRemove: () => void;
}

/** One nested group: its own all/any over criteria; it counts as one row of the segment. */
export function GroupEditor({ group, number, firstCriterion, options, canAdd, problems, onMatch, onChangeRow, onRemoveRow, onAdd, onRemove }: GroupEditorProps) {
  const { t } = useTranslation();
  return (
    <li className="criteria-group">
      <fieldset className="criteria-group__fieldset">
        <legend className="criteria-group__legend">{t('segments.builder.group.legend', { number })}</legend>
        <MatchChoice legend={t('segments.builder.group.matchLegend')} name={`${group.id}-match`} value={group.match} onChange={onMatch} />
        <ol className="criteria-list criteria-list--nested">
          {group.rows.map((row, index) => (
            <CriterionEditor
              key={row.id}
              row={row}
              number={firstCriterion + index}
              options={options}
              problem={problems.get(row.id)}
              onChange={onChangeRow}
              onRemove={() => onRemoveRow(row.id)}
            />
          ))}
        </ol>
        <div className="criteria-group__actions">
          <Button variant="secondary" size="sm" onClick={onAdd} disabled={!canAdd}>
            <Icon name="list" size={16} />
            {t('segments.builder.group.add', { number })}
          </Button>
          <Button variant="ghost" size="sm" onClick={onRemove}>
            <Icon name="trash" size={16} />
            {t('segments.builder.group.remove', { number })}
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
