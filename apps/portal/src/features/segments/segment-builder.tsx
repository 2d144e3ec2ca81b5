import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SAVED_SEGMENT_NAME_MAX, SEGMENT_LIMITS, savedSegmentNameSchema, type ProductPrices, type PurposeCode, type SavedSegment } from '@dd/contract';
import { Alert, Button, Icon, RadioCards, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { LeaveGuard } from '../../app/leave-guard';
import type { ReferenceLabels } from '../../app/reference-labels';
import { useTRPC } from '../../app/trpc';
import type { BuilderOptions } from './builder-options';
import {
  addCriterion,
  addGroup,
  canAddCriterion,
  criterionRows,
  incompleteRows,
  removeRow,
  rowAtPath,
  setGroupMatch,
  treeFromState,
  updateRow,
  type BuilderState,
  type CriterionRow,
} from './builder-state';
import { NEW_PURCHASE_PATH, type PurchaseDraft } from '../purchases/purchase-draft';
import { CriterionEditor, GroupEditor, MatchChoice } from './criteria-rows';
import { BudgetMeter } from '../purchases/budget-meter';
import { EstimatePanel, EstimateSummary } from './estimate-panel';
import { segmentProblemOf, type SegmentServerProblem } from './segment-error-text';
import { useSegmentEstimate } from './use-segment-estimate';

interface SegmentBuilderProps {
  /** The segment being edited; absent for a new one. */
  saved?: SavedSegment | undefined;
  initial: BuilderState;
  options: BuilderOptions;
  prices: ProductPrices;
  labels: ReferenceLabels;
}

/** Where a list page shows the "saved" notice after the builder navigates back. */
export interface SavedNotice {
  saved: string;
}

const ADD_BUTTON_ID = 'segment-add-criterion';
const NAME_ID = 'segment-name';

/** Criteria are numbered through the whole segment (groups included), groups on their own. */
function numberRows(state: BuilderState): { row: BuilderState['rows'][number]; number: number; firstCriterion: number }[] {
  let criteria = 0;
  let groups = 0;
  return state.rows.map((row) => {
    if (row.kind === 'criterion') {
      criteria += 1;
      return { row, number: criteria, firstCriterion: criteria };
    }
    groups += 1;
    const firstCriterion = criteria + 1;
    criteria += row.rows.length;
    return { row, number: groups, firstCriterion };
  });
}

export function SegmentBuilder({ saved, initial, options, prices, labels }: SegmentBuilderProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const locale = i18n.language === 'en' ? 'en' : 'nl';

  const [state, setState] = useState<BuilderState>(initial);
  const [purpose, setPurpose] = useState<PurposeCode>('insights');
  const [name, setName] = useState(saved?.name ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [saveProblem, setSaveProblem] = useState<SegmentServerProblem | undefined>();
  // Focus moves to an element by id after the render that shows it (a new row's field, the name, the add button).
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const focus = (id: string) => setFocusRequest({ id });

  const tree = useMemo(() => treeFromState(state), [state]);
  const initialTree = useMemo(() => JSON.stringify(treeFromState(initial)), [initial]);
  const dirty = JSON.stringify(tree) !== initialTree || name !== (saved?.name ?? '');

  const estimate = useSegmentEstimate(tree, purpose, locale);
  const canAdd = canAddCriterion(state);
  const count = criterionRows(state).length;

  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  // A problem the server found, shown at its criterion: from the last save, or from the estimate once it has caught up.
  const estimateProblem = estimate.query.isError && !estimate.settling ? segmentProblemOf(estimate.query.error, t, i18n) : null;
  const problem = saveProblem ?? estimateProblem ?? undefined;
  const problemRow = problem?.path !== undefined ? rowAtPath(state, problem.path) : undefined;
  const problems = new Map(problemRow && problem ? [[problemRow, problem.message]] : []);

  const change = (next: BuilderState) => {
    setState(next);
    setSaveProblem(undefined);
    setFormError(undefined);
  };
  const changeRow = (row: CriterionRow) => change(updateRow(state, row.id, () => row));
  const remove = (id: string) => {
    change(removeRow(state, id));
    focus(ADD_BUTTON_ID);
  };
  const add = (groupId?: string) => {
    const result = addCriterion(state, groupId);
    change(result.state);
    if (result.added) focus(`${result.added}-field`);
  };
  const addNestedGroup = () => {
    const result = addGroup(state);
    change(result.state);
    if (result.added) focus(`${result.added}-field`);
  };

  const save = useMutation(
    trpc.advertiser.segments.save.mutationOptions({
      onSuccess: async (segment) => {
        // Refetch the (unmounted) list too before going there, so it never flashes the old list.
        await queryClient.invalidateQueries({ queryKey: trpc.advertiser.segments.pathKey(), refetchType: 'all' });
        void navigate('/advertiser/segments', { state: { saved: segment.name } satisfies SavedNotice });
      },
      onError: (error) => {
        const described = describeError(error);
        const nameKey = described.fieldErrors['name']?.[0];
        const criteria = segmentProblemOf(error, t, i18n);
        setNameError(nameKey ? fieldErrorText(t, i18n, nameKey) : undefined);
        setSaveProblem(criteria ?? undefined);
        setFormError(nameKey || criteria ? undefined : t(described.messageKey));
        if (nameKey) focus(NAME_ID);
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsedName = savedSegmentNameSchema.safeParse(name);
    setNameError(parsedName.success ? undefined : fieldErrorText(t, i18n, parsedName.error.issues[0]?.message ?? 'validation.invalid'));
    const incomplete = incompleteRows(state);
    const criteriaError = tree === null ? t('segments.builder.nothingChosen') : incomplete.length ? t('segments.builder.incompleteOnSave') : undefined;
    setFormError(criteriaError);
    if (criteriaError) {
      const first = incomplete[0];
      focus(first ? `${first.id}-field` : ADD_BUTTON_ID);
      return;
    }
    if (!parsedName.success || tree === null) {
      focus(NAME_ID);
      return;
    }
    save.mutate({ id: saved?.id, name: parsedName.data, segment: tree, locale });
  };

  // Buying needs complete criteria, like saving, but not a name: the form takes the segment as it is on screen.
  const buy = () => {
    const incomplete = incompleteRows(state);
    const criteriaError = tree === null ? t('segments.builder.nothingChosen') : incomplete.length ? t('segments.builder.incompleteOnSave') : undefined;
    setFormError(criteriaError);
    if (criteriaError || tree === null) {
      const first = incomplete[0];
      focus(first ? `${first.id}-field` : ADD_BUTTON_ID);
      return;
    }
    // The saved segment is only named when its criteria are unchanged.
    const unchanged = saved !== undefined && initialTree === JSON.stringify(tree);
    const draft: PurchaseDraft = {
      segment: tree,
      savedSegmentId: unchanged ? saved.id : undefined,
      name: unchanged ? saved.name : undefined,
      product: purpose === 'offers' ? 'offer_campaign' : 'insight_report',
    };
    void navigate(NEW_PURCHASE_PATH, { state: { draft } });
  };

  const numbered = numberRows(state);

  return (
    <form className="segment-builder" noValidate onSubmit={submit} aria-label={saved ? saved.name : t('segments.builder.newTitle')}>
      <div className="segment-builder__criteria">
        <section className="page-section">
          <RadioCards
            legend={t('segments.builder.purpose.legend')}
            name="purpose"
            value={purpose}
            onChange={setPurpose}
            options={[
              { value: 'insights', label: t('segments.builder.purpose.insights'), description: t('segments.builder.purpose.insightsBody'), icon: 'chart' },
              { value: 'offers', label: t('segments.builder.purpose.offers'), description: t('segments.builder.purpose.offersBody'), icon: 'inbox' },
            ]}
          />
        </section>

        <section className="page-section" aria-labelledby="segment-criteria-title">
          <div className="page-section__head">
            <h2 id="segment-criteria-title" className="page-section__title">
              {t('segments.builder.criteria.legend')}
            </h2>
            <span className="segment-builder__count">{t('segments.builder.criteria.count', { count, max: SEGMENT_LIMITS.maxPredicates })}</span>
          </div>
          <MatchChoice legend={t('segments.builder.criteria.matchLegend')} name="segment-match" value={state.match} onChange={(match) => change({ ...state, match })} />
          {state.rows.length === 0 ? <p className="page-section__empty">{t('segments.builder.criteria.none')}</p> : null}
          <ol className="criteria-list">
            {numbered.map(({ row, number, firstCriterion }) => {
              if (row.kind === 'criterion') {
                return (
                  <CriterionEditor
                    key={row.id}
                    row={row}
                    number={number}
                    options={options}
                    problem={problems.get(row.id)}
                    onChange={changeRow}
                    onRemove={() => remove(row.id)}
                  />
                );
              }
              return (
                <GroupEditor
                  key={row.id}
                  group={row}
                  number={number}
                  firstCriterion={firstCriterion}
                  options={options}
                  canAdd={canAdd}
                  problems={problems}
                  onMatch={(match) => change(setGroupMatch(state, row.id, match))}
                  onChangeRow={changeRow}
                  onRemoveRow={remove}
                  onAdd={() => add(row.id)}
                  onRemove={() => remove(row.id)}
                />
              );
            })}
          </ol>
          <div className="segment-builder__add">
            <Button id={ADD_BUTTON_ID} variant="secondary" onClick={() => add()} disabled={!canAdd}>
              <Icon name="list" size={18} />
              {t('segments.builder.criteria.add')}
            </Button>
            <Button variant="ghost" onClick={addNestedGroup} disabled={!canAdd}>
              <Icon name="sliders" size={18} />
              {t('segments.builder.criteria.addGroup')}
            </Button>
          </div>
          {canAdd ? (
            <p className="page-section__note">{t('segments.builder.criteria.groupHelp')}</p>
          ) : (
            <Alert tone="info">{t('segments.builder.criteria.limit', { max: SEGMENT_LIMITS.maxPredicates })}</Alert>
          )}
        </section>
        <EstimateSummary estimate={estimate} hasCriteria={tree !== null} />
      </div>

      <aside className="segment-builder__aside">
        <EstimatePanel estimate={estimate} hasCriteria={tree !== null} purpose={purpose} onPurpose={setPurpose} prices={prices} labels={labels} />
        {/* What the organisation can still buy and ask this month, before a purchase is even started. */}
        <BudgetMeter />
      </aside>

      <section className="page-section segment-builder__save" aria-labelledby="segment-save-title">
        <h2 id="segment-save-title" className="page-section__title">
          {t('segments.builder.saveTitle')}
        </h2>
        <TextField
          id={NAME_ID}
          label={t('segments.builder.name.label')}
          hint={t('segments.builder.name.hint')}
          name="name"
          autoComplete="off"
          maxLength={SAVED_SEGMENT_NAME_MAX + 20}
          value={name}
          error={nameError}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(undefined);
          }}
        />
        {formError ? (
          <p className="segment-builder__error" role="alert">
            <Icon name="warning" size={16} />
            <span>{formError}</span>
          </p>
        ) : null}
        {saveProblem ? (
          <Alert tone="danger" title={t('segments.builder.criteriaProblem')}>
            {saveProblem.message}
          </Alert>
        ) : null}
        <div className="segment-builder__actions">
          <Button type="submit" loading={save.isPending}>
            {saved ? t('segments.builder.saveChanges') : t('segments.builder.save')}
          </Button>
          <Button variant="secondary" onClick={buy}>
            <Icon name="report" size={18} />
            {t('segments.builder.buy')}
          </Button>
          <Button variant="ghost" onClick={() => void navigate('/advertiser/segments')}>
            {t('segments.builder.cancel')}
          </Button>
        </div>
        <p className="page-section__note">{t('segments.builder.buyHint')}</p>
      </section>
      {/* "Buy" takes the criteria along to the purchase form (as a draft); saving stored them (and says so). */}
      <LeaveGuard dirty={dirty} carriesWork={({ state }) => typeof state === 'object' && state !== null && ('draft' in state || 'saved' in state)} />
    </form>
  );
}
