import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, formatAmount, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { useSignedInViewer } from '../../app/use-viewer';
import { HistorySection } from './history-section';
import { InvoicesSection } from './invoices-section';
import { TopUpCard } from './top-up-card';
import './billing.css';

/** The advertiser's money: the balance, how to top it up, its history and the invoices. */
export function BillingPage() {
  const { t } = useTranslation('billing');
  const viewer = useSignedInViewer();
  const trpc = useTRPC();
  usePageTitle(t('title'));
  const summary = useQuery(trpc.billing.summary.queryOptions());

  if (summary.isPending) return <PageLoading />;
  if (summary.isError) return <PageLoadError error={summary.error} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />;

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={viewer.organisation?.name ?? t('eyebrowFallback')} title={t('title')} description={t('description')} />
      <div className="dd-stack dd-stack--lg">
        <div className="billing-overview">
          <Card as="section" icon="wallet" headingLevel={2} title={t('balance.title')} className="billing-balance">
            <p className="billing-balance__label">{t('balance.label')}</p>
            <p className="billing-balance__amount">{formatAmount(summary.data.balanceCents)}</p>
            {summary.data.reservedCents > 0 && <p className="billing-balance__reserved">{t('balance.reserved', { amount: formatAmount(summary.data.reservedCents) })}</p>}
            <p className="billing-balance__note">{t('balance.note')}</p>
          </Card>
          <TopUpCard summary={summary.data} />
        </div>
        <HistorySection history={summary.data.history} />
        <InvoicesSection />
      </div>
    </div>
  );
}
