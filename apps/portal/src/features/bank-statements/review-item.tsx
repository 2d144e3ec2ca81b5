import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assignCreditInput, dismissCreditInput, type AdvertiserOption, type UnmatchedCredit } from '@dd/contract';
import { Alert, Badge, Button, SelectField, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { formatDate, formatMoney } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { formatIban, formatReference } from '../billing/billing-format';

export interface ReviewOutcome {
  tone: 'success' | 'warning';
  text: string;
}

type Mode = 'idle' | 'assign' | 'dismiss';

/** One credit waiting for review: what the bank says about it, and the two ways to resolve it. */
export function ReviewItem({ credit, advertisers, onResolved }: { credit: UnmatchedCredit; advertisers: AdvertiserOption[]; onResolved: (outcome: ReviewOutcome) => void }) {
  const { t, i18n } = useTranslation('bankStatements');
  // Shared texts (field errors from the contract, error codes) live in the default namespace.
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('idle');
  const [organisationId, setOrganisationId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const firstField = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const assignButton = useRef<HTMLButtonElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const amount = formatMoney(credit.amountCents, credit.currency);
  const payer = credit.counterpartyName || t('review.unknownPayer');
  const owners = new Map(advertisers.filter((a) => a.paymentReference).map((a) => [a.paymentReference!, a.name]));
  const headingId = `credit-${credit.id}`;

  useEffect(() => {
    if (mode !== 'idle') firstField.current?.focus();
  }, [mode]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.admin.billing.unmatched.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.billing.statements.queryKey() });
  };

  const onError = (error: unknown) => {
    const described = describeError(error);
    if (described.reason?.code === 'entryAlreadyResolved') {
      refresh();
      onResolved({ tone: 'warning', text: t('review.alreadyResolved') });
      return;
    }
    const fields: Record<string, string> = {};
    for (const [field, [first]] of Object.entries(described.fieldErrors)) if (first) fields[field] = fieldErrorText(tc, i18n, first);
    setErrors(fields);
    setFormError(
      described.reason?.code === 'entryNotAssignable'
        ? t('review.notAssignable')
        : Object.keys(fields).length === 0
          ? tc(described.messageKey)
          : null,
    );
  };

  const assign = useMutation(
    trpc.admin.billing.assign.mutationOptions({
      onSuccess: () => {
        refresh();
        const advertiser = advertisers.find((a) => a.id === organisationId)?.name ?? '';
        onResolved({ tone: 'success', text: t('review.assigned', { amount, advertiser }) });
      },
      onError,
    }),
  );
  const dismiss = useMutation(
    trpc.admin.billing.dismiss.mutationOptions({
      onSuccess: () => {
        refresh();
        onResolved({ tone: 'success', text: t('review.dismissed', { amount }) });
      },
      onError,
    }),
  );

  const open = (next: Mode) => {
    setMode(next);
    setErrors({});
    setFormError(null);
  };
  const cancel = () => {
    const was = mode;
    setMode('idle');
    setErrors({});
    setFormError(null);
    // Back to the button that opened the form, once it is rendered again.
    requestAnimationFrame(() => (was === 'assign' ? assignButton : dismissButton).current?.focus());
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed =
      mode === 'assign'
        ? assignCreditInput.safeParse({ entryId: credit.id, organisationId, note: note.trim() === '' ? undefined : note })
        : dismissCreditInput.safeParse({ entryId: credit.id, note });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '_form');
        fields[field] ??= fieldErrorText(tc, i18n, issue.message);
      }
      setErrors(fields);
      firstField.current?.focus();
      return;
    }
    setErrors({});
    if (mode === 'assign') assign.mutate({ entryId: credit.id, organisationId, note: note.trim() === '' ? undefined : note });
    else dismiss.mutate({ entryId: credit.id, note });
  };

  return (
    <li className="review-item" aria-labelledby={headingId}>
      <div className="review-item__head">
        <h3 id={headingId} className="review-item__title">
          <span className="review-item__amount">{amount}</span>
          <span className="review-item__payer">{payer}</span>
        </h3>
        <Badge tone={credit.reason === 'ambiguous' || credit.reason === 'invalidReference' ? 'warning' : 'neutral'}>{t(`review.reasons.${credit.reason}`)}</Badge>
      </div>
      <dl className="review-item__facts">
        <div>
          <dt>{t('review.date')}</dt>
          <dd>{formatDate(credit.bookedOn, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('review.from')}</dt>
          <dd>
            {payer}
            {credit.counterpartyIban ? <span className="review-item__code"> · {formatIban(credit.counterpartyIban)}</span> : null}
          </dd>
        </div>
        <div className="review-item__wide">
          <dt>{t('review.remittance')}</dt>
          <dd>{credit.remittance || <em>{t('review.noRemittance')}</em>}</dd>
        </div>
        {credit.references.length > 0 ? (
          <div className="review-item__wide">
            <dt>{t('review.references')}</dt>
            <dd>
              {credit.references.map((reference) => (
                <span key={reference} className="review-item__reference">
                  <span className="review-item__code">{formatReference(reference)}</span>
                  {owners.has(reference) ? ` (${owners.get(reference)})` : ''}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('review.statement')}</dt>
          <dd>{credit.fileName}</dd>
        </div>
      </dl>

      {mode === 'idle' ? (
        <div className="review-item__actions">
          {credit.currency === 'EUR' && credit.amountCents > 0 ? (
            <Button size="sm" onClick={() => open('assign')} ref={assignButton} aria-describedby={headingId}>
              {t('review.assign')}
            </Button>
          ) : null}
          <Button size="sm" variant="secondary" onClick={() => open('dismiss')} ref={dismissButton} aria-describedby={headingId}>
            {t('review.dismiss')}
          </Button>
        </div>
      ) : (
        <form className="review-item__form" noValidate onSubmit={submit} aria-label={t(mode === 'assign' ? 'review.assignFor' : 'review.dismissFor', { amount, name: payer })}>
          {mode === 'assign' ? (
            <>
              <SelectField
                ref={firstField}
                label={t('review.advertiser')}
                value={organisationId}
                onChange={(event) => setOrganisationId(event.target.value)}
                error={errors['organisationId']}
              >
                <option value="">{t('review.chooseAdvertiser')}</option>
                {advertisers.map((advertiser) => (
                  <option key={advertiser.id} value={advertiser.id}>
                    {advertiser.name}
                    {advertiser.paymentReference ? ` · ${formatReference(advertiser.paymentReference)}` : ''}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('review.noteOptional')}
                hint={t('review.noteHint')}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                error={errors['note']}
                maxLength={600}
              />
            </>
          ) : (
            <TextField
              ref={firstField}
              label={t('review.note')}
              hint={t('review.dismissNoteHint')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              error={errors['note']}
              maxLength={600}
            />
          )}
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <div className="review-item__actions">
            <Button type="submit" size="sm" variant={mode === 'dismiss' ? 'danger' : 'primary'} loading={assign.isPending || dismiss.isPending}>
              {t(mode === 'assign' ? 'review.confirmAssign' : 'review.confirmDismiss')}
            </Button>
            <Button size="sm" variant="ghost" onClick={cancel}>
              {t('review.cancel')}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
