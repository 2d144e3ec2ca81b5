import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DataUseReceipt } from '@dd/contract';
import { Badge, Button, buttonClassName, EmptyState, formatAmount, PageHeader } from '@dd/ui';
import { formatCount, formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import type { ReferenceLabels } from '../../app/reference-labels';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { PrivacyBudgetPanel } from './privacy-budget-panel';
import './timeline.css';

/**
 * Receipts shown at first, and added per "show more". A long-standing member can have hundreds of sales; all of
 * them at once made the page heavy to render and to read (300 receipts: over 6,000 elements).
 */
export const RECEIPTS_PER_STEP = 50;

/** Every sale the customer's data was part of, newest first, with their share. */
export function TimelinePage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.timeline'));
  const trpc = useTRPC();
  const timeline = useQuery(trpc.privacy.timeline.queryOptions());
  const { query: reference, labels } = useReferenceLabels();
  const [shown, setShown] = useState(RECEIPTS_PER_STEP);

  if (timeline.isPending || reference.isPending) return <PageLoading />;
  if (timeline.isError) return <PageLoadError error={timeline.error} onRetry={() => void timeline.refetch()} retrying={timeline.isFetching} />;
  if (reference.isError || !labels) return <PageLoadError error={reference.error} onRetry={() => void reference.refetch()} retrying={reference.isFetching} />;

  const receipts = timeline.data;
  const total = receipts.reduce((sum, r) => sum + r.shareCents, 0);

  return (
    <div className="page dd-container">
      <PageHeader
        eyebrow={t('timeline.eyebrow')}
        title={t('timeline.title')}
        description={t('timeline.description')}
        actions={
          receipts.length > 0 ? (
            <div className="timeline-total">
              <span className="timeline-total__label">{t('timeline.totalEarned')}</span>
              <span className="timeline-total__amount">{formatAmount(total)}</span>
              <span className="timeline-total__count">{t('timeline.sales', { count: receipts.length })}</span>
            </div>
          ) : undefined
        }
      />
      {receipts.length === 0 ? (
        <div className="page-section timeline-empty">
          <EmptyState
            icon="eye"
            title={t('timeline.emptyTitle')}
            description={
              <>
                <p>{t('timeline.emptyBody')}</p>
                <p className="timeline-empty__consent">{t('timeline.emptyConsent')}</p>
              </>
            }
            actions={
              <Link to="/customer/consent" className={buttonClassName('secondary')}>
                {t('timeline.toConsent')}
              </Link>
            }
          />
        </div>
      ) : (
        <>
          <ol className="timeline">
            {receipts.slice(0, shown).map((receipt) => (
              <Receipt key={receipt.id} receipt={receipt} labels={labels} />
            ))}
          </ol>
          {receipts.length > shown ? (
            <div className="timeline__more">
              <p>{t('timeline.shown', { shown, total: receipts.length })}</p>
              <Button variant="secondary" onClick={() => setShown((count) => count + RECEIPTS_PER_STEP)}>
                {t('timeline.showMore', { count: Math.min(RECEIPTS_PER_STEP, receipts.length - shown) })}
              </Button>
            </div>
          ) : null}
        </>
      )}
      <PrivacyBudgetPanel />
    </div>
  );
}

function Receipt({ receipt, labels }: { receipt: DataUseReceipt; labels: ReferenceLabels }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <li className="timeline__item">
      <article className="receipt" aria-labelledby={`receipt-${receipt.id}`}>
        <header className="receipt__head">
          <time dateTime={receipt.occurredAt} className="receipt__date">
            {formatDate(receipt.occurredAt, language)}
          </time>
          <h2 id={`receipt-${receipt.id}`} className="receipt__advertiser">
            {receipt.advertiserName}
          </h2>
          <span className="receipt__share">{formatAmount(receipt.shareCents)}</span>
        </header>
        <dl className="receipt__facts">
          <div>
            <dt>{t('timeline.fields.product')}</dt>
            <dd>{t(`timeline.products.${receipt.product}`)}</dd>
          </div>
          <div>
            <dt>{t('timeline.fields.purpose')}</dt>
            <dd>{t(`consent.purposes.${receipt.purpose}.title`)}</dd>
          </div>
          {receipt.purposeStatement ? (
            <div className="receipt__statement">
              <dt>{t('timeline.fields.purposeStatement', { advertiser: receipt.advertiserName })}</dt>
              <dd>{receipt.purposeStatement}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('timeline.fields.audience')}</dt>
            <dd>{t('timeline.audienceSize', { size: formatCount(receipt.audienceSize, language) })}</dd>
          </div>
          <div>
            <dt>{t('timeline.fields.share')}</dt>
            <dd>{formatAmount(receipt.shareCents)}</dd>
          </div>
          <div className="receipt__categories">
            <dt>{t('timeline.fields.categories')}</dt>
            <dd>
              {receipt.categories.map((code) => (
                <Badge key={code} tone="brand">
                  {labels.category(code)}
                </Badge>
              ))}
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}
