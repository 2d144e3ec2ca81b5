import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { OrganisationForm } from './organisation-form';
import { OrganisationStatusPanel, OrganisationStatusTag } from './organisation-status';
import { useIndustries } from './use-industries';
import './organisation.css';

/** The advertiser's organisation: its verification status, the admin's reason after a rejection, and its details. */
export function OrganisationPage() {
  const { t } = useTranslation('organisation');
  usePageTitle(t('title'));
  const trpc = useTRPC();
  const organisation = useQuery(trpc.advertiser.organisation.queryOptions());
  const industries = useIndustries();

  let body;
  if (organisation.isPending || industries.isPending) body = <SectionLoading />;
  else if (organisation.isError || industries.isError) {
    const failed = organisation.isError ? organisation : industries;
    body = <SectionLoadError title={t('loadError')} error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />;
  } else
    body = (
      <>
        <OrganisationStatusPanel organisation={organisation.data} />
        <OrganisationForm organisation={organisation.data} industries={industries.data} />
      </>
    );

  return (
    <div className="page dd-container organisation-page">
      <PageHeader
        eyebrow={organisation.data?.name ?? t('eyebrow')}
        title={t('title')}
        description={t('description')}
        actions={
          organisation.data ? (
            <div className="status-summary">
              <span className="status-summary__label">{t('status.label')}</span>
              <OrganisationStatusTag organisation={organisation.data} />
            </div>
          ) : null
        }
      />
      {body}
    </div>
  );
}
