import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  createPurchaseInput,
  PURCHASE_TITLE_MAX,
  PURPOSE_STATEMENT_MAX,
  PURPOSE_STATEMENT_MIN,
  REPORT_BREAKDOWNS_MAX,
  type BillingSummary,
  type ProductPrices,
  type PurchaseProductCode,
  type Viewer,
} from '@dd/contract';
import { Alert, Button, Checkbox, FieldError, Icon, RadioCards, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import type { ReferenceLabels } from '../../app/reference-labels';
import { useTRPC } from '../../app/trpc';
import { segmentProblemOf } from '../segments/segment-error-text';
import { useSegmentEstimate } from '../segments/use-segment-estimate';
import { breakdownCategory, breakdownChoices, breakdownLabel, marketplaceErrorText, marketplaceFailureText, PURPOSE_OF } from './marketplace-text';
import { OfferFields, emptyOffer, offerFieldOf, type OfferState } from './offer-fields';
import type { PurchaseDraft } from './purchase-draft';
import { BudgetMeter } from './budget-meter';
import { PurchaseCheckPanel } from './purchase-check';
import { PurchaseCost } from './purchase-cost';
import type { CreatedNotice } from './purchases-page';
import { TextAreaField } from './text-area-field';
import { usePurchaseCheck } from './use-purchase-check';

interface PurchaseFormProps {
  source: PurchaseDraft;
  labels: ReferenceLabels;
  prices: ProductPrices;
  billing: BillingSummary | undefined;
  viewer: Viewer;
  locale: 'nl' | 'en';
}

type Errors = Record<string, string>;

/** Where each field's error is shown and focus goes: the error's path → the element's id. */
const FIELD_IDS: Record<string, string> = {
  title: 'purchase-title',
  purposeStatement: 'purchase-purpose',
  breakdowns: 'purchase-breakdowns',
  'offer.title': 'offer-title',
  'offer.body': 'offer-body',
  'offer.url': 'offer-url',
  'offer.code': 'offer-code',
  'offer.endsOn': 'offer-ends-on',
};
const FIELD_ORDER = Object.keys(FIELD_IDS);

export function PurchaseForm({ source, labels, prices, billing, viewer, locale }: PurchaseFormProps) {
  const { t, i18n } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const [product, setProduct] = useState<PurchaseProductCode>(source.product ?? 'insight_report');
  const [title, setTitle] = useState(source.name ?? '');
  const [purposeStatement, setPurposeStatement] = useState('');
  const [breakdowns, setBreakdowns] = useState<string[]>(['ageBand']);
  const [offer, setOffer] = useState<OfferState>(emptyOffer);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [segmentProblem, setSegmentProblem] = useState<string | undefined>();
  const [focusId, setFocusId] = useState<{ id: string } | null>(null);

  const purpose = PURPOSE_OF[product];
  const estimate = useSegmentEstimate(source.segment, purpose, locale);
  const categories = estimate.query.data?.categories ?? [];
  const choices = breakdownChoices(categories, labels);
  const price = prices.products.find((item) => item.product === product);
  const status = viewer.organisation?.status ?? 'unverified';
  const canBuy = status === 'verified';
  // The same rules fulfilment decides by, asked before anything is sent or reserved.
  const check = usePurchaseCheck(
    { product, segment: source.segment, breakdowns: product === 'insight_report' ? breakdowns : [], endsOn: product === 'offer_campaign' && /^\d{4}-\d{2}-\d{2}$/.test(offer.endsOn) ? offer.endsOn : undefined, locale },
    canBuy,
  );

  useEffect(() => {
    if (focusId) document.getElementById(focusId.id)?.focus();
  }, [focusId]);

  const clearError = (field: string) => {
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
    setFormError(undefined);
  };

  const showErrors = (next: Errors) => {
    setErrors(next);
    const first = FIELD_ORDER.find((field) => field in next);
    if (first) setFocusId({ id: FIELD_IDS[first]! });
  };

  const create = useMutation(
    trpc.advertiser.purchases.create.mutationOptions({
      onSuccess: async (created) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.advertiser.purchases.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() }),
        ]);
        void navigate(`/advertiser/purchases/${created.id}`, { state: { created: true } satisfies CreatedNotice });
      },
      onError: (error) => {
        const described = describeError(error);
        const next: Errors = {};
        for (const [field, messages] of Object.entries(described.fieldErrors)) {
          const message = messages[0];
          if (!message) continue;
          // The API reports an offer's problems under `offer`: the key says which part it is about.
          const path = field === 'offer' ? offerFieldOf(message) : field;
          if (path && path in FIELD_IDS) next[path] = marketplaceErrorText(tc, i18n, message, described.reason?.params);
        }
        // Criteria problems: the segment validator's keys, or the marketplace's own (`audienceBelowMinimum` {k}).
        const criteriaKey = described.fieldErrors['criteria']?.[0];
        const problem = criteriaKey?.startsWith('marketplace.errors.')
          ? { message: marketplaceErrorText(tc, i18n, criteriaKey, described.reason?.params) }
          : segmentProblemOf(error, tc, i18n);
        setSegmentProblem(problem?.message);
        if (Object.keys(next).length) {
          setFormError(t('form.fixErrors'));
          showErrors(next);
        } else if (!problem) {
          setFormError(`${t('form.submitFailed')} ${marketplaceFailureText(tc, i18n, error)}`);
        }
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(undefined);
    setSegmentProblem(undefined);
    const common = { title, purposeStatement, segment: source.segment, savedSegmentId: source.savedSegmentId, locale };
    const input =
      product === 'insight_report'
        ? { ...common, product, breakdowns }
        : {
            ...common,
            product,
            offer: { title: offer.title, body: offer.body, url: offer.url.trim() || undefined, code: offer.code.trim() || undefined, endsOn: offer.endsOn },
          };
    const parsed = createPurchaseInput.safeParse(input);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        const field = path in FIELD_IDS ? path : path.startsWith('breakdowns') ? 'breakdowns' : undefined;
        if (field && !(field in next)) next[field] = marketplaceErrorText(tc, i18n, issue.message);
      }
      setFormError(t('form.fixErrors'));
      showErrors(next);
      return;
    }
    create.mutate(parsed.data);
  };

  const toggleBreakdown = (code: string, checked: boolean) => {
    setBreakdowns((current) => (checked ? [...current, code] : current.filter((item) => item !== code)));
    clearError('breakdowns');
  };

  const segmentLine = source.savedSegmentId && source.name ? t('form.segmentSaved', { name: source.name }) : t('form.segmentUnsaved');

  return (
    <form className="purchase-form" noValidate onSubmit={submit} aria-label={t('form.title')}>
      <div className="purchase-form__main">
        {!canBuy ? (
          <Alert tone="warning" title={t('form.unverifiedTitle')}>
            <p>{status === 'rejected' ? t('form.rejectedOrgBody') : t('form.unverifiedBody')}</p>
            <p>
              <Link to="/advertiser/organisation">{t('form.toOrganisation')}</Link>
            </p>
          </Alert>
        ) : null}

        <section className="page-section" aria-labelledby="purchase-segment-title">
          <h2 id="purchase-segment-title" className="page-section__title">
            {t('form.segmentTitle')}
          </h2>
          <p className="purchase-form__segment-source">{segmentLine}</p>
          {estimate.query.data ? <p className="purchase-form__segment">{estimate.query.data.description}</p> : null}
        </section>

        <section className="page-section">
          <RadioCards
            legend={t('form.productLegend')}
            name="product"
            value={product}
            onChange={(next) => {
              setProduct(next);
              setErrors({});
              setFormError(undefined);
            }}
            options={[
              { value: 'insight_report', label: t('products.insight_report'), description: t('products.insight_reportBody'), icon: 'chart' },
              { value: 'offer_campaign', label: t('products.offer_campaign'), description: t('products.offer_campaignBody'), icon: 'inbox' },
            ]}
          />
        </section>

        <section className="page-section purchase-form__fields">
          <TextField
            id="purchase-title"
            label={t('form.titleLabel')}
            hint={t('form.titleHint')}
            name="title"
            autoComplete="off"
            maxLength={PURCHASE_TITLE_MAX + 20}
            value={title}
            error={errors['title']}
            onChange={(event) => {
              setTitle(event.target.value);
              clearError('title');
            }}
          />
          <TextAreaField
            id="purchase-purpose"
            label={t('form.purposeLabel')}
            hint={
              <>
                <span>{t('form.purposeHint', { min: PURPOSE_STATEMENT_MIN })}</span>{' '}
                <span className="purchase-form__counter">{t('form.characters', { count: purposeStatement.trim().length, max: PURPOSE_STATEMENT_MAX })}</span>
              </>
            }
            name="purposeStatement"
            rows={4}
            maxLength={PURPOSE_STATEMENT_MAX + 50}
            value={purposeStatement}
            error={errors['purposeStatement']}
            onChange={(event) => {
              setPurposeStatement(event.target.value);
              clearError('purposeStatement');
            }}
          />
        </section>

        {product === 'insight_report' ? (
          <section className="page-section">
            <fieldset
              id="purchase-breakdowns"
              className="purchase-form__breakdowns"
              tabIndex={-1}
              aria-describedby={errors['breakdowns'] ? 'purchase-breakdowns-error purchase-breakdowns-hint' : 'purchase-breakdowns-hint'}
            >
              <legend className="purchase-form__legend">{t('form.breakdownsLegend')}</legend>
              <p id="purchase-breakdowns-hint" className="page-section__note">
                {t('form.breakdownsHint', { max: REPORT_BREAKDOWNS_MAX })}
              </p>
              <div className="purchase-form__checks">
                {choices.map((code) => (
                  <Checkbox
                    key={code}
                    name="breakdowns"
                    value={code}
                    label={breakdownLabel(t, code, labels)}
                    checked={breakdowns.includes(code)}
                    onChange={(event) => toggleBreakdown(code, event.target.checked)}
                  />
                ))}
              </div>
              {choices.length === 3 ? <p className="page-section__note">{t('form.breakdownsSpendNone')}</p> : null}
              {errors['breakdowns'] ? <FieldError id="purchase-breakdowns-error" message={errors['breakdowns']} /> : null}
            </fieldset>
          </section>
        ) : (
          <OfferFields
            offer={offer}
            errors={errors}
            advertiser={viewer.organisation?.name ?? t('form.previewAdvertiser')}
            onChange={(field, value) => {
              setOffer((current) => ({ ...current, [field]: value }));
              clearError(`offer.${field}`);
              // "A link or a code" is reported on the link: typing a code answers it as well.
              if (field === 'code') clearError('offer.url');
            }}
          />
        )}
      </div>

      <aside className="purchase-form__aside">
        <PurchaseCost
          estimate={estimate}
          purpose={purpose}
          price={price}
          billing={billing}
          labels={labels}
          extraCategories={product === 'insight_report' ? breakdowns.map(breakdownCategory).filter((code): code is string => code !== undefined) : []}
          buyable={check.query.data?.audience}
        />
        {canBuy ? <PurchaseCheckPanel check={check} /> : null}
        <BudgetMeter />
      </aside>

      <section className="page-section purchase-form__submit" aria-label={t('form.submit')}>
        {formError ? (
          <p className="purchase-form__error" role="alert">
            <Icon name="warning" size={16} />
            <span>{formError}</span>
          </p>
        ) : null}
        {segmentProblem ? (
          <Alert tone="danger" title={t('form.segmentProblem')}>
            {segmentProblem}
          </Alert>
        ) : null}
        <div className="purchase-form__actions">
          {canBuy ? (
            <Button type="submit" loading={create.isPending}>
              {t('form.submit')}
            </Button>
          ) : (
            <p className="page-section__note">{t('form.unverifiedTitle')}</p>
          )}
          <Button variant="ghost" onClick={() => void navigate(source.savedSegmentId ? `/advertiser/segments/${source.savedSegmentId}` : '/advertiser/segments')}>
            {t('form.cancel')}
          </Button>
        </div>
      </section>
    </form>
  );
}
