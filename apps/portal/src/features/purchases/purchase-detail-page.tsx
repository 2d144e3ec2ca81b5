import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OfferStats, PurchaseDetail } from '@dd/contract';
import { Alert, Badge, Button, ConfirmDialog, formatAmount, Icon, PageHeader } from '@dd/ui';
import { formatDate, formatDateTime } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { useSignedInViewer } from '../../app/use-viewer';
import { OfferCard } from '../offers/offer-card';
import { formatUnitPrice } from '../billing/billing-format';
import { audienceText, breakdownLabel, countText, failureText, marketplaceFailureText } from './marketplace-text';
import { PurchaseStatusBadge } from './purchase-status-badge';
import { CreatedAlert, useCreatedNotice } from './purchases-page';
import { ReportSection } from './report-section';
import { StatusSteps } from './status-steps';
import './purchases.css';

/** `/advertiser/purchases/:id`: one request from review to results. */
export function PurchaseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('purchases');
  const trpc = useTRPC();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const detail = useQuery(trpc.advertiser.purchases.get.queryOptions({ id, locale }, { placeholderData: keepPreviousData }));
  const created = useCreatedNotice();
  usePageTitle(detail.data ? detail.data.title : t('titles.detail'));

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <PageLoadError error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />;
  return <PurchaseDetailView purchase={detail.data} locale={locale} created={created} />;
}

function PurchaseDetailView({ purchase, locale, created }: { purchase: PurchaseDetail; locale: 'nl' | 'en'; created: boolean }) {
  const { t, i18n } = useTranslation('purchases');
  const viewer = useSignedInViewer();
  const { labels } = useReferenceLabels();
  const [cancelled, setCancelled] = useState(false);
  const language = i18n.language;

  return (
    <div className="page dd-container purchase-detail">
      <Link to="/advertiser/purchases" className="purchase-detail__back">
        <Icon name="arrowRight" size={16} className="purchase-detail__back-icon" />
        {t('detail.back')}
      </Link>
      <PageHeader eyebrow={t(`products.${purchase.product}`)} title={purchase.title} actions={<PurchaseStatusBadge status={purchase.status} />} />
      <div aria-live="polite">
        {created ? <CreatedAlert /> : null}
        {cancelled ? (
          <Alert tone="success" className="purchases-notice">
            {t('detail.cancelled')}
          </Alert>
        ) : null}
      </div>

      <div className="purchase-detail__grid">
        <section className="page-section purchase-detail__status" aria-labelledby="purchase-status-title">
          <h2 id="purchase-status-title" className="page-section__title">
            {t('detail.timelineTitle')}
          </h2>
          <StatusSteps status={purchase.status} createdAt={purchase.createdAt} deliveredAt={purchase.deliveredAt} />
          <StatusExplanation purchase={purchase} onCancelled={() => setCancelled(true)} />
        </section>

        <section className="page-section purchase-detail__facts" aria-labelledby="purchase-facts-title">
          <h2 id="purchase-facts-title" className="page-section__title">
            {t('detail.factsTitle')}
          </h2>
          <dl className="fact-list">
            <div>
              <dt>{t('detail.product')}</dt>
              <dd>{t(`products.${purchase.product}`)}</dd>
            </div>
            <div>
              <dt>{t('detail.requested')}</dt>
              <dd>{formatDateTime(purchase.createdAt, language)}</dd>
            </div>
            <div className="fact-list__wide">
              <dt>{t('detail.segment')}</dt>
              <dd>{purchase.description}</dd>
            </div>
            <div className="fact-list__wide">
              <dt>{t('detail.purposeStatement')}</dt>
              <dd className="fact-list__quote">{purchase.purposeStatement}</dd>
            </div>
            {purchase.categories.length ? (
              <div className="fact-list__wide">
                <dt>{t('detail.categories')}</dt>
                <dd>
                  <ul className="badge-row">
                    {purchase.categories.map((code) => (
                      <li key={code}>
                        <Badge tone="neutral">{labels ? labels.category(code) : code}</Badge>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {purchase.product === 'insight_report' && purchase.breakdowns.length ? (
              <div className="fact-list__wide">
                <dt>{t('detail.breakdowns')}</dt>
                <dd>{purchase.breakdowns.map((code) => breakdownLabel(t, code, labels)).join(', ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('detail.estimate')}</dt>
              <dd>{audienceText(t, purchase.estimate, language)}</dd>
            </div>
            <div>
              <dt>{t('detail.pricePerMember')}</dt>
              <dd>{formatUnitPrice(purchase.pricePerMemberCents)}</dd>
            </div>
            <div>
              <dt>{t('detail.reserved')}</dt>
              <dd>{formatAmount(purchase.reservedCents)}</dd>
            </div>
            {purchase.chargedCents !== null ? (
              <div>
                <dt>{t('detail.charged')}</dt>
                <dd>{formatAmount(purchase.chargedCents)}</dd>
              </div>
            ) : null}
            {purchase.deliveredAt ? (
              <div>
                <dt>{t('detail.deliveredAt')}</dt>
                <dd>{formatDate(purchase.deliveredAt, language)}</dd>
              </div>
            ) : null}
            {purchase.invoiceId ? (
              <div>
                <dt>{t('detail.invoice')}</dt>
                <dd>
                  <Link to={`/advertiser/billing/invoices/${purchase.invoiceId}`}>{t('detail.invoiceLink')}</Link>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      </div>

      {purchase.status === 'delivered' && purchase.report ? <ReportSection purchaseId={purchase.id} report={purchase.report} locale={locale} /> : null}
      {purchase.status === 'delivered' && purchase.offerStats ? <OfferResults stats={purchase.offerStats} /> : null}

      {purchase.offer ? (
        <section className="page-section purchase-detail__offer" aria-labelledby="purchase-offer-title">
          <h2 id="purchase-offer-title" className="page-section__title">
            {t('detail.offerTitle')}
          </h2>
          <p className="page-section__note">{t('detail.offerNote')}</p>
          <OfferCard advertiser={viewer.organisation?.name ?? t('form.previewAdvertiser')} offer={purchase.offer} purposeStatement={purchase.purposeStatement} mode="preview" headingLevel={3} />
        </section>
      ) : null}
    </div>
  );
}

/** What the status means for the advertiser: the admin's reason, why it failed, or that it can still be cancelled. */
function StatusExplanation({ purchase, onCancelled }: { purchase: PurchaseDetail; onCancelled: () => void }) {
  const { t, i18n } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.advertiser.purchases.cancel.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.advertiser.purchases.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() }),
        ]);
        setConfirming(false);
        onCancelled();
      },
    }),
  );

  if (purchase.status === 'rejected') {
    return (
      <Alert tone="warning" title={t('detail.rejectedTitle')}>
        {purchase.decisionReason ? (
          <>
            <p>{t('detail.rejectedReason')}</p>
            <blockquote className="purchase-detail__reason">{purchase.decisionReason}</blockquote>
          </>
        ) : null}
        <p>{t('detail.rejectedRefund')}</p>
      </Alert>
    );
  }
  if (purchase.status === 'failed') {
    return (
      <Alert tone="warning" title={t('detail.failedTitle')}>
        <p>{purchase.failure ? failureText(t, i18n, purchase.failure) : t('failures.unknown')}</p>
        <p>{t('detail.failedRefund')}</p>
      </Alert>
    );
  }
  if (purchase.status !== 'pending_review') return null;
  return (
    <div className="purchase-detail__pending">
      <p>{t('detail.pendingNote')}</p>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t('detail.cancel')}
      </Button>
      <ConfirmDialog
        open={confirming}
        tone="danger"
        title={t('detail.cancelTitle', { title: purchase.title })}
        confirmLabel={t('detail.cancelConfirm')}
        cancelLabel={t('detail.cancelKeep')}
        confirming={cancel.isPending}
        error={cancel.isError ? marketplaceFailureText(tc, i18n, cancel.error) : undefined}
        onConfirm={() => cancel.mutate({ id: purchase.id })}
        onCancel={() => {
          cancel.reset();
          setConfirming(false);
        }}
      >
        <p>{t('detail.cancelBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * A campaign's results: only noised, thresholded totals, as the privacy accountant released them.
 * Opened and clicked come on a schedule (a day after delivery, a week after, at the end), so the
 * page says when the shown counts were taken and when the next ones come.
 */
function OfferResults({ stats }: { stats: OfferStats }) {
  const { t, i18n } = useTranslation('purchases');
  const language = i18n.language;
  const items = [
    { key: 'delivered', label: t('detail.delivered'), value: stats.delivered },
    { key: 'opened', label: t('detail.opened'), value: stats.opened },
    { key: 'clicked', label: t('detail.clicked'), value: stats.clicked },
  ] as const;
  return (
    <section className="page-section offer-results" aria-labelledby="offer-results-title">
      <h2 id="offer-results-title" className="page-section__title">
        {t('detail.resultsTitle')}
      </h2>
      <dl className="offer-results__stats">
        {items.map((item) => (
          <div key={item.key} className="offer-results__stat">
            <dt>{item.label}</dt>
            <dd>{item.value ? countText(t, item.value, language) : t('detail.notYetCounted')}</dd>
          </div>
        ))}
      </dl>
      <p className="page-section__note">
        {stats.releasedAt ? t('detail.countedAt', { when: formatDateTime(stats.releasedAt, language) }) : null}{' '}
        {stats.nextReleaseAt ? t('detail.nextCount', { when: formatDateTime(stats.nextReleaseAt, language) }) : stats.releasedAt ? t('detail.finalCount') : null}
      </p>
      <p className="page-section__note">{t('detail.resultsNote')}</p>
    </section>
  );
}
