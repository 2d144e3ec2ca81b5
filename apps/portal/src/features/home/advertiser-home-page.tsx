import { useTranslation } from 'react-i18next';
import { Alert, Badge, Card, PageHeader, type AlertTone } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useSignedInViewer } from '../../app/use-viewer';
import { OrganisationStatusBadge, type OrganisationStatus } from './organisation-status-badge';
import { StepList, type Step } from './step-list';
import './home.css';

const STEPS = [
  { id: 'verify', icon: 'building' },
  { id: 'segment', icon: 'users' },
  { id: 'estimate', icon: 'gauge' },
  { id: 'topUp', icon: 'card' },
  { id: 'buy', icon: 'report' },
  { id: 'follow', icon: 'send' },
] as const;

const ALERT_TONE: Record<OrganisationStatus, AlertTone> = {
  unverified: 'warning',
  verified: 'success',
  rejected: 'danger',
};

export function AdvertiserHomePage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  usePageTitle(t('titles.advertiserHome'));
  const organisation = viewer.organisation;

  const statusBadge = organisation ? <OrganisationStatusBadge status={organisation.status} /> : <Badge>{t('home.advertiser.noOrganisation')}</Badge>;

  const steps: Step[] = STEPS.map(({ id, icon }) => ({
    id,
    icon,
    title: t(`home.advertiser.steps.${id}.title`),
    body: t(`home.advertiser.steps.${id}.body`),
    footer: id === 'verify' ? statusBadge : undefined,
  }));

  return (
    <div className="page dd-container">
      <PageHeader
        eyebrow={organisation?.name ?? t('roles.advertiser')}
        title={t('home.greeting', { name: viewer.displayName })}
        description={t('home.advertiser.description')}
        actions={
          <div className="status-summary">
            <span className="status-summary__label">{t('home.advertiser.statusLabel')}</span>
            {statusBadge}
          </div>
        }
      />
      {organisation ? (
        <Alert tone={ALERT_TONE[organisation.status]} title={t(`home.advertiser.status.${organisation.status}.title`)} className="home-status">
          {t(`home.advertiser.status.${organisation.status}.body`)}
        </Alert>
      ) : null}
      <StepList title={t('home.advertiser.stepsTitle')} steps={steps} />
      <Card as="section" tone="muted" icon="lock" headingLevel={2} title={t('home.advertiser.promiseTitle')} className="home-note">
        <p>{t('home.advertiser.promiseBody')}</p>
      </Card>
    </div>
  );
}
