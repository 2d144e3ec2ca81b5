import { useTranslation } from 'react-i18next';
import { PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { GdprSection } from './gdpr-section';
import { JobsSection } from './jobs-section';
import './admin-operations.css';

/** "Beheer": the job queues with their failures, and the GDPR requests that are not finished. */
export function AdminOperationsPage() {
  const { t } = useTranslation('adminOperations');
  usePageTitle(t('title'));
  return (
    <div className="page dd-container admin-operations">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <JobsSection />
      <GdprSection />
    </div>
  );
}
