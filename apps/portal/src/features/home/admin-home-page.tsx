import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useSignedInViewer } from '../../app/use-viewer';
import { PlatformStats } from './platform-stats';
import { StepList, type Step } from './step-list';
import './home.css';

const TASKS = [
  { id: 'verify', icon: 'building' },
  { id: 'moderate', icon: 'checkSquare' },
  { id: 'payments', icon: 'card' },
  { id: 'payouts', icon: 'banknote' },
  { id: 'operations', icon: 'activity' },
  { id: 'audit', icon: 'list' },
] as const;

export function AdminHomePage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  usePageTitle(t('titles.adminHome'));

  const tasks: Step[] = TASKS.map(({ id, icon }) => ({
    id,
    icon,
    title: t(`home.admin.tasks.${id}.title`),
    body: t(`home.admin.tasks.${id}.body`),
  }));

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('home.admin.eyebrow')} title={t('home.greeting', { name: viewer.displayName })} description={t('home.admin.description')} />
      <PlatformStats />
      <StepList title={t('home.admin.tasksTitle')} steps={tasks} numbered={false} />
      <Card as="section" tone="muted" icon="shield" headingLevel={2} title={t('home.admin.noteTitle')} className="home-note">
        <p>{t('home.admin.noteBody')}</p>
      </Card>
    </div>
  );
}
