import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatIban, parseEuroAmount, requestPayoutInput, type EarningsSummary, type PayoutDto } from '@dd/contract';
import { Alert, Button, Card, formatAmount, RadioCards, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { formatDate } from '../../app/format';
import { useTRPC } from '../../app/trpc';
import { useSignedInViewer } from '../../app/use-viewer';
import { FormAlert } from '../auth/form-alert';
import { serverFormErrors, validateFields, type FieldErrors } from '../auth/form-errors';
import { payoutReasonText } from './payout-text';

const FIELDS = ['amount', 'iban', 'accountHolder'] as const;
type Field = (typeof FIELDS)[number];
type Mode = 'all' | 'part';

/** Why no payout can be requested right now, if so: the form is replaced by the reason. */
function blocked(summary: EarningsSummary): 'tooNew' | 'open' | 'cap' | 'below' | null {
  const { rules } = summary;
  if (rules.eligibleFrom) return 'tooNew';
  if (summary.hasOpenRequest) return 'open';
  if (rules.capLeftCents < rules.minimumCents) return 'cap';
  if (summary.availableCents < rules.minimumCents) return 'below';
  return null;
}

/** Request a payout: everything available or a part, to an IBAN, with the account holder's name. */
export function PayoutPanel({ summary }: { summary: EarningsSummary }) {
  const { t, i18n } = useTranslation('earnings');
  const reason = blocked(summary);
  const { rules } = summary;
  const [done, setDone] = useState<PayoutDto | null>(null);

  let body;
  if (reason === 'tooNew') {
    body = (
      <Alert tone="info" title={t('form.tooNewTitle', { date: formatDate(rules.eligibleFrom!, i18n.language) })}>
        {t('form.tooNewBody', { days: rules.minAccountAgeDays })}
      </Alert>
    );
  } else if (reason === 'open') {
    body = (
      <Alert tone="info" title={t('form.openTitle')}>
        {t('form.openBody')}
      </Alert>
    );
  } else if (reason === 'cap') {
    body = (
      <Alert tone="info" title={t('form.capTitle')}>
        {t('form.capBody', { cap: formatAmount(rules.monthlyCapCents) })}
      </Alert>
    );
  } else if (reason === 'below') {
    body = (
      <Alert tone="info" title={t('form.belowTitle')}>
        {t('form.belowBody', { minimum: formatAmount(rules.minimumCents), available: formatAmount(summary.availableCents) })}
      </Alert>
    );
  } else {
    body = <PayoutForm summary={summary} onRequested={setDone} />;
  }

  return (
    <Card as="section" icon="banknote" headingLevel={2} title={t('form.title')} className="payout-panel">
      {done ? (
        <Alert tone="success">
          {done.status === 'in_review'
            ? t('form.requestedReview', { amount: formatAmount(done.amountCents) })
            : t('form.requested', { amount: formatAmount(done.amountCents), iban: formatIban(done.iban) })}
        </Alert>
      ) : null}
      {reason === null ? <p>{t('form.intro')}</p> : null}
      {body}
    </Card>
  );
}

function PayoutForm({ summary, onRequested }: { summary: EarningsSummary; onRequested: (payout: PayoutDto) => void }) {
  const { t, i18n } = useTranslation('earnings');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useSignedInViewer();
  const { rules } = summary;
  const allCents = Math.min(summary.availableCents, rules.capLeftCents);
  const [mode, setMode] = useState<Mode>('all');
  const [amount, setAmount] = useState('');
  const [iban, setIban] = useState(summary.lastAccount ? formatIban(summary.lastAccount.iban) : '');
  const [holder, setHolder] = useState(summary.lastAccount?.accountHolder ?? viewer.displayName);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const request = useMutation(
    trpc.earnings.requestPayout.mutationOptions({
      onSuccess: (payout) => {
        void queryClient.invalidateQueries({ queryKey: trpc.earnings.pathKey() });
        onRequested(payout);
      },
      onError: (error) => {
        const described = describeError(error);
        const reasonText = described.reason ? payoutReasonText(t, i18n.language, described.reason) : null;
        const mapped = serverFormErrors(error, FIELDS);
        // An amount problem comes with its numbers: say it under the amount, in the reader's language.
        if (mapped.fieldErrors.amount && reasonText) mapped.fieldErrors.amount = reasonText;
        setErrors(mapped.fieldErrors);
        setFormMessage(mapped.formMessageKey ? (reasonText ?? `${t('form.failed')} ${tc(mapped.formMessageKey as 'errors.unknown')}`) : null);
        setFocusRequest((n) => n + 1);
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormMessage(null);
    const cents = mode === 'all' ? 'all' : parseEuroAmount(amount);
    const problems: FieldErrors<Field> = {};
    if (cents === null) problems.amount = amount.trim() === '' ? 'earnings:validation.amountRequired' : 'earnings:validation.amountInvalid';
    else if (cents !== 'all' && cents < rules.minimumCents)
      problems.amount = t('errors.belowMinimum', { minimum: formatAmount(rules.minimumCents), available: formatAmount(summary.availableCents) });
    else if (cents !== 'all' && cents > summary.availableCents) problems.amount = t('errors.moreThanAvailable', { available: formatAmount(summary.availableCents) });
    else if (cents !== 'all' && cents > rules.capLeftCents)
      problems.amount = t('errors.overMonthlyCap', { cap: formatAmount(rules.monthlyCapCents), left: formatAmount(rules.capLeftCents) });
    const result = validateFields(requestPayoutInput, { amount: cents ?? 1, iban, accountHolder: holder }, FIELDS);
    const all = { ...(result.ok ? {} : result.fieldErrors), ...problems };
    setErrors(all);
    if (Object.keys(all).length > 0 || !result.ok) {
      setFocusRequest((n) => n + 1);
      return;
    }
    request.mutate({ amount: cents!, iban, accountHolder: holder });
  };

  const errorText = (field: Field) => {
    const value = errors[field];
    return value ? fieldErrorText(tc, i18n, value) : undefined;
  };
  const clear = (field: Field) => setErrors((current) => ({ ...current, [field]: undefined }));

  return (
    <form ref={formRef} className="payout-form" noValidate onSubmit={submit}>
      <FormAlert message={formMessage} />
      <RadioCards<Mode>
        legend={t('form.amountLegend')}
        name="mode"
        value={mode}
        onChange={(next) => {
          setMode(next);
          clear('amount');
        }}
        options={[
          {
            value: 'all',
            label: t('form.all'),
            description:
              allCents < summary.availableCents
                ? t('form.allDescriptionCapped', { amount: formatAmount(allCents) })
                : t('form.allDescription', { amount: formatAmount(allCents) }),
          },
          { value: 'part', label: t('form.part'), description: t('form.partDescription') },
        ]}
      />
      {mode === 'part' ? (
        <TextField
          label={t('form.amountLabel')}
          hint={t('form.amountHint', { minimum: formatAmount(rules.minimumCents), cap: formatAmount(rules.monthlyCapCents), left: formatAmount(rules.capLeftCents) })}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          className="payout-form__short"
          value={amount}
          onChange={(event) => {
            setAmount(event.target.value);
            clear('amount');
          }}
          error={errorText('amount')}
        />
      ) : errors.amount ? (
        <p className="payout-form__error" role="alert">
          {errorText('amount')}
        </p>
      ) : null}
      <TextField
        label={t('form.iban')}
        hint={t('form.ibanHint')}
        name="iban"
        autoComplete="off"
        spellCheck={false}
        value={iban}
        onChange={(event) => {
          setIban(event.target.value);
          clear('iban');
        }}
        error={errorText('iban')}
      />
      <TextField
        label={t('form.holder')}
        hint={t('form.holderHint')}
        name="accountHolder"
        autoComplete="name"
        maxLength={70}
        value={holder}
        onChange={(event) => {
          setHolder(event.target.value);
          clear('accountHolder');
        }}
        error={errorText('accountHolder')}
      />
      <div>
        <Button type="submit" loading={request.isPending}>
          {t('form.submit')}
        </Button>
      </div>
    </form>
  );
}
