import { useTranslation } from 'react-i18next';
import { PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { NewBatchPanel } from './new-batch-panel';
import { PayoutBatchesSection } from './payout-batches-section';
import { PayoutRequestsSection } from './payout-requests-section';
import './admin-payouts.css';

/** The admin's payouts: review requests, create a batch, download its pain.001 file, confirm it paid. */
export function AdminPayoutsPage() {
  const { t } = useTranslation('adminPayouts');
  const { t: tc } = useTranslation();
  usePageTitle(tc('titles.adminPayouts'));
  return (
    <div className="page dd-container admin-payouts">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <NewBatchPanel />
      <PayoutRequestsSection />
      <PayoutBatchesSection />
    </div>
  );
}
