import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { SpendingSection } from './spending-section';
import { TransactionsSection } from './transactions-section';
import { UploadList } from './upload-list';
import { UploadPanel } from './upload-panel';
import './my-data.css';

export function MyDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.customerData'));
  const { query, labels } = useReferenceLabels();
  const [months, setMonths] = useState(3);

  if (query.isPending) return <PageLoading />;
  if (query.isError || !labels) return <PageLoadError error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('data.eyebrow')} title={t('data.title')} description={t('data.description')} />
      <div className="dd-stack dd-stack--lg">
        <UploadPanel />
        <UploadList />
        <SpendingSection labels={labels} months={months} onMonthsChange={setMonths} />
        <TransactionsSection labels={labels} months={months} />
      </div>
    </div>
  );
}
