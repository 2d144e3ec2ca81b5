import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { estimatedPriceCents, type AudienceEstimate, type AudienceEstimateAnswer, type ProductPrices, type PurposeCode } from '@dd/contract';
import { Alert, Badge, Button, formatAmount, Icon } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatCount } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { segmentProblemOf } from './segment-error-text';
import type { useSegmentEstimate } from './use-segment-estimate';

interface EstimatePanelProps {
  estimate: ReturnType<typeof useSegmentEstimate>;
  /** False while nothing is chosen yet. */
  hasCriteria: boolean;
  purpose: PurposeCode;
  onPurpose: (purpose: PurposeCode) => void;
  prices: ProductPrices;
  labels: ReferenceLabels;
}

/**
 * Beside the builder (below it on phones): the plain-language description, the privacy-safe
 * estimate and what each product would cost. Results are announced politely in one live region;
 * the "updating" hint is not, so a screen reader hears each answer once.
 */
export function EstimatePanel({ estimate, hasCriteria, purpose, onPurpose, prices, labels }: EstimatePanelProps) {
  const { t, i18n } = useTranslation();
  const { query, segment, settling } = estimate;
  const shown = hasCriteria && segment !== null ? query.data : undefined;
  const busy = hasCriteria && (settling || query.isFetching);

  return (
    <section className="estimate-panel" aria-labelledby="estimate-panel-title">
      <div className="estimate-panel__head">
        <h2 id="estimate-panel-title" className="estimate-panel__title">
          {t('segments.estimate.title')}
        </h2>
        {busy && shown ? (
          <span className="estimate-panel__updating" aria-hidden="true">
            <span className="dd-spinner dd-spinner--sm">
              <span className="dd-spinner__circle" />
            </span>
            {t('segments.estimate.updating')}
          </span>
        ) : null}
      </div>

      <div className="estimate-panel__live" aria-live="polite" aria-atomic="true" aria-busy={busy || undefined}>
        <EstimateBody shown={shown} hasCriteria={hasCriteria} busy={busy} estimate={estimate} purpose={purpose} labels={labels} />
      </div>

      <div className="estimate-panel__prices">
        <h3 className="estimate-panel__subtitle">{t('segments.estimate.prices')}</h3>
        <dl className="price-list">
          {prices.products.map((product) => {
            const name = i18n.language === 'en' ? product.label.en : product.label.nl;
            const perMember = t('segments.estimate.perMember', { amount: formatAmount(product.pricePerMemberCents) });
            const total = shown && product.purpose === purpose ? estimatedPriceCents(shown.estimate, product.pricePerMemberCents) : null;
            return (
              <div key={product.product} className="price-list__item">
                <dt className="price-list__product">{name}</dt>
                <dd className="price-list__value">
                  {product.purpose !== purpose ? (
                    <>
                      <span className="price-list__note">
                        {t('segments.estimate.priceOtherPurpose', { product: name.toLocaleLowerCase(), purpose: t(`segments.purposes.${product.purpose}`) })}
                      </span>
                      <Button variant="ghost" size="sm" onClick={() => onPurpose(product.purpose)}>
                        {t('segments.estimate.showFor', { purpose: t(`segments.purposes.${product.purpose}`) })}
                      </Button>
                    </>
                  ) : total !== null ? (
                    <span className="price-list__amount">{t('segments.estimate.priceAbout', { amount: formatAmount(total) })}</span>
                  ) : shown?.estimate.kind === 'fewer-than' ? (
                    <span className="price-list__note">{t('segments.estimate.priceTooSmall')}</span>
                  ) : (
                    <span className="price-list__note">–</span>
                  )}
                  <span className="price-list__rate">{perMember}</span>
                </dd>
              </div>
            );
          })}
        </dl>
        <p className="estimate-panel__note">{t('segments.estimate.priceNote')}</p>
      </div>
    </section>
  );
}

interface EstimateBodyProps {
  shown: AudienceEstimateAnswer | undefined;
  hasCriteria: boolean;
  busy: boolean;
  estimate: ReturnType<typeof useSegmentEstimate>;
  purpose: PurposeCode;
  labels: ReferenceLabels;
}

function EstimateBody({ shown, hasCriteria, busy, estimate, purpose, labels }: EstimateBodyProps) {
  const { t, i18n } = useTranslation();
  const { query } = estimate;
  if (!hasCriteria) return <p className="estimate-panel__empty">{t('segments.estimate.none')}</p>;

  if (query.isError && !busy) {
    const described = describeError(query.error);
    const retry = (
      <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
        {t('segments.estimate.retry')}
      </Button>
    );
    // Estimates are for verified organisations: a new account builds and saves segments, but sees no numbers yet.
    if (described.reason?.code === 'estimateOrganisationNotVerified') {
      return (
        <Alert tone="info" title={t('segments.estimate.notVerifiedTitle')}>
          {t('segments.estimate.notVerified')}
        </Alert>
      );
    }
    if (described.code === 'TOO_MANY_ATTEMPTS') {
      // The month's estimate budget is spent: new questions wait for next month, asked ones still answer.
      if (described.reason?.code === 'estimateBudgetSpent') {
        return (
          <Alert tone="warning" title={t('segments.estimate.budgetSpentTitle')}>
            {t('segments.estimate.budgetSpent')}
          </Alert>
        );
      }
      // The cap of new questions in 24 hours: retrying now would not help.
      if (described.reason?.code === 'estimateDailyLimit') {
        return (
          <Alert tone="warning" title={t('segments.estimate.dailyLimitTitle')}>
            {t('segments.estimate.dailyLimit', { limit: described.reason.params['limit'] ?? '' })}
          </Alert>
        );
      }
      const seconds = described.reason?.code === 'estimateRateLimited' ? described.reason.params['retryAfterSeconds'] : undefined;
      return (
        <Alert tone="warning" title={t('segments.estimate.rateLimitedTitle')} action={retry}>
          {seconds === undefined ? t('segments.estimate.rateLimited') : t('segments.estimate.rateLimitedFor', { seconds })}
        </Alert>
      );
    }
    const problem = segmentProblemOf(query.error, t, i18n);
    if (problem) {
      return (
        <Alert tone="warning" title={t('segments.estimate.invalidTitle')}>
          {problem.message}
        </Alert>
      );
    }
    return (
      <Alert tone="warning" title={t('segments.estimate.failedTitle')} action={retry}>
        {t(described.messageKey)}
      </Alert>
    );
  }

  if (!shown) {
    return (
      <p className="estimate-panel__loading">
        <span className="dd-spinner dd-spinner--sm" aria-hidden="true">
          <span className="dd-spinner__circle" />
        </span>
        {t('segments.estimate.estimating')}
      </p>
    );
  }

  const { estimate: audience, description, categories } = shown;
  return (
    <div className={busy ? 'estimate-panel__result estimate-panel__result--stale' : 'estimate-panel__result'}>
      <div className="estimate-panel__block">
        <h3 className="estimate-panel__subtitle">{t('segments.estimate.description')}</h3>
        <p className="estimate-panel__description">{description}</p>
      </div>
      <div className="estimate-panel__block">
        <h3 className="estimate-panel__subtitle">{t('segments.estimate.audience')}</h3>
        <p className="estimate-panel__count">
          <Icon name="users" size={22} />
          <span>{audienceText(t, audience, i18n.language)}</span>
        </p>
        <p className="estimate-panel__hint">{audience.kind === 'about' ? t('segments.estimate.aboutHint') : t('segments.estimate.fewerHint')}</p>
        <p className="estimate-panel__hint">{t('segments.estimate.counted', { purpose: t(`segments.purposes.${purpose}`) })}</p>
      </div>
      {categories.length ? (
        <div className="estimate-panel__block">
          <h3 className="estimate-panel__subtitle">{t('segments.estimate.categories')}</h3>
          <ul className="estimate-panel__categories">
            {categories.map((code) => (
              <li key={code}>
                <Badge tone="neutral">{labels.category(code)}</Badge>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function audienceText(t: TFunction, audience: AudienceEstimate, language: string): string {
  return audience.kind === 'about'
    ? t('segments.estimate.about', { people: formatCount(audience.value, language) })
    : t('segments.estimate.fewer', { k: formatCount(audience.k, language) });
}

/**
 * On a phone the panel sits below the criteria: this bar keeps the latest estimate in view while
 * scrolling through them and jumps to the panel. Not a live region: the panel announces once.
 */
export function EstimateSummary({ estimate, hasCriteria }: { estimate: ReturnType<typeof useSegmentEstimate>; hasCriteria: boolean }) {
  const { t, i18n } = useTranslation();
  if (!hasCriteria) return null;
  const shown = estimate.segment !== null ? estimate.query.data : undefined;
  const text = shown ? audienceText(t, shown.estimate, i18n.language) : t('segments.estimate.estimating');
  return (
    <a href="#estimate-panel-title" className="estimate-summary">
      <Icon name="users" size={18} />
      <span className="estimate-summary__text">{text}</span>
      <span className="estimate-summary__more">{t('segments.estimate.showPanel')}</span>
    </a>
  );
}
