import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { ErasePanel } from './erase-panel';
import { ExportPanel } from './export-panel';
import './privacy.css';

export function PrivacyPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.privacy'));
  const rights = [
    { id: 'correct', to: '/customer/profile' },
    { id: 'withdraw', to: '/customer/consent' },
    { id: 'see', to: '/customer/timeline' },
  ] as const;

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('privacy.eyebrow')} title={t('privacy.title')} description={t('privacy.description')} />
      <div className="privacy-layout">
        <ExportPanel />
        <Card as="section" icon="shield" headingLevel={2} title={t('privacy.rights.title')} tone="muted">
          <ul className="privacy-rights">
            {rights.map((right) => (
              <li key={right.id}>
                <Link to={right.to} className="privacy-rights__link">
                  {t(`privacy.rights.${right.id}`)}
                </Link>
                <p>{t(`privacy.rights.${right.id}Body`)}</p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <ErasePanel />
    </div>
  );
}
