import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConsentState } from '@dd/contract';
import { Alert, Badge, buttonClassName, PageHeader } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { LeaveGuard } from '../../app/leave-guard';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import type { ReferenceLabels } from '../../app/reference-labels';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import {
  applyDuration,
  consentChanges,
  countChanges,
  draftFromState,
  draftProblems,
  industryChange,
  localDate,
  setCell,
  setExcluded,
  type ConsentDraft,
  type DurationChoice,
} from './consent-draft';
import { ConsentHistory } from './consent-history';
import { ConsentGroup, type ConsentMatrixProps } from './consent-matrix';
import { IndustryExclusions } from './industry-exclusions';
import { PurposeExplainer } from './purpose-explainer';
import { SaveBar } from './save-bar';
import { WithdrawAll } from './withdraw-all';
import './consent.css';

export function ConsentPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.consent'));
  const trpc = useTRPC();
  const consent = useQuery(trpc.consent.get.queryOptions());
  const { query: reference, labels } = useReferenceLabels();

  if (consent.isPending || reference.isPending) return <PageLoading />;
  if (consent.isError) return <PageLoadError error={consent.error} onRetry={() => void consent.refetch()} retrying={consent.isFetching} />;
  if (reference.isError || !labels) return <PageLoadError error={reference.error} onRetry={() => void reference.refetch()} retrying={reference.isFetching} />;
  return <ConsentCentre state={consent.data} labels={labels} />;
}

function ConsentCentre({ state, labels }: { state: ConsentState; labels: ReferenceLabels }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const baseline = useMemo(() => draftFromState(state), [state]);
  // Null while nothing was touched: the page then simply shows what the server holds.
  const [edited, setEdited] = useState<ConsentDraft | null>(null);
  const [durations, setDurations] = useState<Record<string, DurationChoice>>({});
  const [showProblems, setShowProblems] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = edited ?? baseline;
  const today = localDate(new Date());
  const count = countChanges(baseline, draft);
  const dirty = count > 0;
  const problems = draftProblems(draft, today);
  const disabled = !state.canConsent;

  const save = useMutation(
    trpc.consent.update.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.consent.get.queryKey(), next);
        void queryClient.invalidateQueries({ queryKey: trpc.consent.history.queryKey() });
        setEdited(null);
        setDurations({});
        setShowProblems(false);
        setNotice(t('consent.saveBar.saved'));
      },
    }),
  );

  const edit = (next: ConsentDraft) => {
    setEdited(next);
    setNotice(null);
    save.reset();
  };

  const discard = () => {
    setEdited(null);
    setDurations({});
    setShowProblems(false);
    save.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      setShowProblems(true);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate({ changes: consentChanges(baseline, draft), excludedIndustries: industryChange(baseline, draft) });
  };

  const matrix: ConsentMatrixProps = {
    labels,
    cells: state.cells,
    draft: draft.cells,
    baseline: baseline.cells,
    durations,
    problems: showProblems ? problems : {},
    today,
    disabled,
    onToggle: (key, granted) => edit(setCell(draft, key, granted ? { granted } : { granted, until: null })),
    onDuration: (key, choice) => {
      setDurations((current) => ({ ...current, [key]: choice }));
      edit(setCell(draft, key, applyDuration(draft.cells[key] ?? { granted: true, until: null }, choice, today)));
    },
    onDate: (key, day) => {
      setDurations((current) => ({ ...current, [key]: 'date' }));
      edit(setCell(draft, key, { until: day }));
    },
  };

  const saveError = save.isError ? saveErrorText(t, i18n, save.error) : showProblems && Object.keys(problems).length > 0 ? t('consent.saveBar.fixDates') : null;

  return (
    <div className="page dd-container consent-page">
      <PageHeader
        eyebrow={t('consent.eyebrow')}
        title={t('consent.title')}
        description={t('consent.description')}
        actions={<Badge tone="neutral">{t('consent.policyVersion', { version: state.policyVersion })}</Badge>}
      />
      <div className="dd-stack dd-stack--lg">
        {disabled ? <BlockedNotice reason={state.blockedReason} /> : null}
        <PurposeExplainer />

        <form ref={formRef} className="consent-form" noValidate onSubmit={submit}>
          <section className="page-section" aria-labelledby="consent-matrix-title">
            <div className="page-section__intro">
              <h2 id="consent-matrix-title" className="page-section__title">
                {t('consent.matrixTitle')}
              </h2>
              <p>{t('consent.specialNote')}</p>
            </div>
            <ConsentGroup
              id="consent-profile"
              title={t('consent.groups.profile.title')}
              intro={t('consent.groups.profile.intro')}
              matrix={{
                ...matrix,
                categories: labels.profileCategories,
                caption: t('consent.groups.profile.caption'),
                categoryHeader: t('consent.groups.profile.header'),
                describe: true,
              }}
            />
            <ConsentGroup
              id="consent-spending"
              title={t('consent.groups.spending.title')}
              intro={t('consent.groups.spending.intro')}
              matrix={{ ...matrix, categories: labels.sellableCategories, caption: t('consent.matrixCaption'), categoryHeader: t('consent.categoryHeader') }}
            />
          </section>

          <section className="page-section" aria-labelledby="consent-industries-title">
            <div className="page-section__intro">
              <h2 id="consent-industries-title" className="page-section__title">
                {t('consent.industriesTitle')}
              </h2>
              <p>{t('consent.industriesIntro')}</p>
            </div>
            <IndustryExclusions labels={labels} excluded={draft.excluded} disabled={disabled} onChange={(code, on) => edit(setExcluded(draft, code, on))} />
          </section>

          {notice && !dirty ? (
            <Alert tone="success" className="consent-notice">
              {notice}
            </Alert>
          ) : null}
          {dirty ? <SaveBar count={count} saving={save.isPending} error={saveError} onDiscard={discard} /> : null}
        </form>

        <WithdrawAll
          state={state}
          onWithdrawn={() => {
            discard();
            setNotice(t('consent.withdraw.done'));
          }}
        />
        <ConsentHistory labels={labels} />
      </div>
      <LeaveGuard dirty={dirty} />
    </div>
  );
}

/** One change can touch many cells, so a server field error (an end date, say) is said in the save bar. */
function saveErrorText(t: TFunction, i18n: I18n, error: unknown): string {
  const described = describeError(error);
  const fieldKey = Object.values(described.fieldErrors).flat()[0];
  const detail = fieldKey ? fieldErrorText(t, i18n, fieldKey) : t(described.messageKey);
  return `${t('consent.saveBar.failed')} ${detail}`;
}

function BlockedNotice({ reason }: { reason: ConsentState['blockedReason'] }) {
  const { t } = useTranslation();
  const minor = reason === 'minor';
  return (
    <Alert tone="warning" title={minor ? t('consent.blocked.minorTitle') : t('consent.blocked.birthYearMissingTitle')}>
      <p>{minor ? t('consent.blocked.minor') : t('consent.blocked.birthYearMissing')}</p>
      <p className="consent-blocked__link">
        <Link to="/customer/profile" className={buttonClassName('secondary', 'sm')}>
          {t('consent.blocked.toProfile')}
        </Link>
      </p>
    </Alert>
  );
}
