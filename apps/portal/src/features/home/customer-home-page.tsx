import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Icon, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useSignedInViewer } from '../../app/use-viewer';
import { StepList, type Step } from './step-list';
import './home.css';

// Each step links to the page where it happens.
const STEPS = [
  { id: 'upload', icon: 'upload', to: '/customer/data' },
  { id: 'consent', icon: 'sliders', to: '/customer/consent' },
  { id: 'transparency', icon: 'eye', to: '/customer/timeline' },
  { id: 'earn', icon: 'wallet', to: '/customer/earnings' },
] as const;

const RIGHTS = ['access', 'rectify', 'erase', 'export', 'withdraw'] as const;

export function CustomerHomePage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  usePageTitle(t('titles.customerHome'));

  const steps: Step[] = STEPS.map(({ id, icon, to }) => ({
    id,
    icon,
    title: t(`home.customer.steps.${id}.title`),
    body: t(`home.customer.steps.${id}.body`),
    footer: to ? <HomeLink to={to}>{t(`home.customer.links.${id}`)}</HomeLink> : undefined,
  }));

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('home.customer.eyebrow')} title={t('home.greeting', { name: viewer.displayName })} description={t('home.customer.description')} />
      <StepList title={t('home.customer.stepsTitle')} steps={steps} />
      <div className="home-pair">
        <Card as="section" tone="brand" icon="lock" headingLevel={2} title={t('home.customer.promiseTitle')}>
          <p>{t('home.customer.promiseBody')}</p>
        </Card>
        <Card as="section" icon="shield" headingLevel={2} title={t('home.customer.rightsTitle')}>
          <p>{t('home.customer.rightsIntro')}</p>
          <ul className="check-list">
            {RIGHTS.map((right) => (
              <li key={right}>{t(`home.customer.rights.${right}`)}</li>
            ))}
          </ul>
          <div className="home-links">
            <HomeLink to="/customer/privacy">{t('home.customer.links.privacy')}</HomeLink>
            <HomeLink to="/customer/profile">{t('home.customer.links.profile')}</HomeLink>
          </div>
        </Card>
      </div>
    </div>
  );
}

function HomeLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="home-link">
      {children}
      <Icon name="arrowRight" size={16} />
    </Link>
  );
}
