import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useSignedInViewer } from '../../app/use-viewer';
import { StepList, type Step } from './step-list';
import './home.css';

const STEPS = [
  { id: 'upload', icon: 'upload' },
  { id: 'consent', icon: 'sliders' },
  { id: 'transparency', icon: 'eye' },
  { id: 'earn', icon: 'wallet' },
] as const;

const RIGHTS = ['access', 'rectify', 'erase', 'export', 'withdraw'] as const;

export function CustomerHomePage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  usePageTitle(t('titles.customerHome'));

  const steps: Step[] = STEPS.map(({ id, icon }) => ({
    id,
    icon,
    title: t(`home.customer.steps.${id}.title`),
    body: t(`home.customer.steps.${id}.body`),
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
        </Card>
      </div>
    </div>
  );
}
