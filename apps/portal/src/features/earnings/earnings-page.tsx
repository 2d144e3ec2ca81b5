import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { EarningsChart } from './earnings-chart';
import { EarningsFigures } from './earnings-figures';
import { PayoutPanel } from './payout-form';
import { PayoutList } from './payout-list';
import './earnings.css';

/** What the customer earned, where that money is now, and cashing it out to their IBAN. */
export function EarningsPage() {
  const { t } = useTranslation('earnings');
  const { t: tc } = useTranslation();
  usePageTitle(tc('titles.earnings'));
  const trpc = useTRPC();
  const summary = useQuery(trpc.earnings.summary.queryOptions());

  if (summary.isPending) return <PageLoading />;
  if (summary.isError) return <PageLoadError error={summary.error} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />;

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <EarningsFigures summary={summary.data} />
      <div className="earnings-layout">
        <EarningsChart summary={summary.data} />
        <PayoutPanel summary={summary.data} />
      </div>
      <PayoutList />
    </div>
  );
}
