import { useTranslation } from 'react-i18next';
import type { BillingSummary } from '@dd/contract';
import { Card } from '@dd/ui';
import { CopyButton } from './copy-button';
import { formatIban, formatRate, formatReference } from './billing-format';

/** How to top up: the platform's account and the advertiser's own reference, each ready to copy. */
export function TopUpCard({ summary }: { summary: BillingSummary }) {
  const { t, i18n } = useTranslation('billing');
  const { topUp } = summary;
  const referenceLabel = t('topUp.reference');
  return (
    <Card as="section" icon="card" headingLevel={2} title={t('topUp.title')} className="billing-top-up">
      <p>{t('topUp.intro')}</p>
      <dl className="billing-top-up__facts">
        <div>
          <dt>{t('topUp.iban')}</dt>
          <dd>
            <span className="billing-top-up__value billing-top-up__value--code">{formatIban(topUp.iban)}</span>
            <CopyButton value={topUp.iban} what={t('topUp.iban')} />
          </dd>
        </div>
        <div>
          <dt>{t('topUp.accountName')}</dt>
          <dd>
            <span className="billing-top-up__value">{topUp.accountName}</span>
            <CopyButton value={topUp.accountName} what={t('topUp.accountName')} />
          </dd>
        </div>
        {topUp.bic ? (
          <div>
            <dt>{t('topUp.bic')}</dt>
            <dd>
              <span className="billing-top-up__value billing-top-up__value--code">{topUp.bic}</span>
            </dd>
          </div>
        ) : null}
        <div className="billing-top-up__reference">
          <dt id="payment-reference-label">{referenceLabel}</dt>
          <dd>
            <span className="billing-top-up__value billing-top-up__value--code billing-top-up__value--strong" aria-describedby="payment-reference-hint">
              {formatReference(summary.paymentReference)}
            </span>
            <CopyButton value={summary.paymentReference} what={referenceLabel} />
          </dd>
        </div>
      </dl>
      <p id="payment-reference-hint" className="billing-top-up__hint">
        {t('topUp.referenceHint')}
      </p>
      <p className="billing-top-up__hint">{t('topUp.vat', { rate: formatRate(summary.vatRateBp, i18n.language) })}</p>
    </Card>
  );
}
