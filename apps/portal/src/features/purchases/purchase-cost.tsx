import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AudienceEstimate, BillingSummary, ProductPriceDto, PurposeCode } from '@dd/contract';
import { Alert, Badge, Button, buttonClassName, formatAmount, Icon } from '@dd/ui';
import { describeError } from '../../app/api-error';
import type { ReferenceLabels } from '../../app/reference-labels';
import { formatRate, formatUnitPrice } from '../billing/billing-format';
import type { useSegmentEstimate } from '../segments/use-segment-estimate';
import { audienceText, reservationCents } from './marketplace-text';

interface PurchaseCostProps {
  estimate: ReturnType<typeof useSegmentEstimate>;
  purpose: PurposeCode;
  price: ProductPriceDto | undefined;
  billing: BillingSummary | undefined;
  labels: ReferenceLabels;
  /** Categories the product reads besides the criteria (a report's breakdowns); shown with them. */
  extraCategories?: readonly string[];
  /** The purchase check's audience (what the request will reserve for), once known; else the builder's estimate. */
  buyable?: AudienceEstimate | undefined;
}

/**
 * The privacy-safe estimate for the chosen product's purpose, the price per person, what will be
 * reserved (incl. VAT) and the balance it comes from. Results are announced once, politely.
 */
export function PurchaseCost({ estimate, purpose, price, billing, labels, extraCategories = [], buyable }: PurchaseCostProps) {
  const { t, i18n } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  const language = i18n.language;
  const { query } = estimate;
  const busy = estimate.settling || query.isFetching;
  const answer = query.data;
  const categories = answer ? [...new Set([...answer.categories, ...extraCategories])] : [];
  const vatRateBp = billing?.vatRateBp ?? 2_100;
  const reserve = answer && price ? reservationCents(buyable ?? answer.estimate, price.pricePerMemberCents, vatRateBp) : null;
  const short = reserve !== null && billing !== undefined && billing.balanceCents < reserve;

  return (
    <section className="page-section purchase-cost" aria-labelledby="purchase-cost-title">
      <h2 id="purchase-cost-title" className="page-section__title">
        {t('form.costTitle')}
      </h2>
      <div className="purchase-cost__live" aria-live="polite" aria-atomic="true" aria-busy={busy || undefined}>
        {query.isError && !busy ? (
          <Alert
            tone="warning"
            title={t('form.estimateFailed')}
            action={
              <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
                {t('form.estimateRetry')}
              </Button>
            }
          >
            {tc(describeError(query.error).messageKey)}
          </Alert>
        ) : !answer ? (
          <p className="purchase-cost__loading">{t('form.estimating')}</p>
        ) : (
          <>
          <dl className="fact-list fact-list--stacked">
            <div>
              <dt>{t('form.estimate')}</dt>
              <dd className="purchase-cost__audience">
                <Icon name="users" size={20} />
                <span>{audienceText(t, answer.estimate, language)}</span>
              </dd>
            </div>
            {categories.length ? (
              <div>
                <dt>{t('form.categories')}</dt>
                <dd>
                  <ul className="badge-row">
                    {categories.map((code) => (
                      <li key={code}>
                        <Badge tone="neutral">{labels.category(code)}</Badge>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {price ? (
              <div>
                <dt>{t('form.pricePerMember')}</dt>
                <dd>{formatUnitPrice(price.pricePerMemberCents)}</dd>
              </div>
            ) : null}
            {reserve !== null ? (
              <div>
                <dt>{t('form.reservation', { rate: formatRate(vatRateBp, language) })}</dt>
                <dd className="purchase-cost__amount">{t('form.reservationAbout', { amount: formatAmount(reserve) })}</dd>
              </div>
            ) : null}
          </dl>
          {answer.estimate.kind === 'fewer-than' ? <p className="purchase-cost__warning">{t('form.tooSmall')}</p> : null}
          <p className="page-section__note">{t('form.counted', { purpose: tc(`segments.purposes.${purpose}`) })}</p>
          </>
        )}
      </div>
      <p className="page-section__note">{t('form.reservationNote')}</p>
      {billing ? (
        <div className="purchase-cost__balance">
          <p>
            <span className="purchase-cost__balance-label">{t('form.balance')}</span> <strong>{formatAmount(billing.balanceCents)}</strong>
          </p>
          {short ? (
            <Alert tone="warning">
              <p>{t('form.balanceShort')}</p>
              <p>
                <Link to="/advertiser/billing" className={buttonClassName('secondary', 'sm')}>
                  <Icon name="wallet" size={16} />
                  {t('form.topUp')}
                </Link>
              </p>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
