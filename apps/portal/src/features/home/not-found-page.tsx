import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, EmptyState } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { homePath } from '../../app/role-home';
import { useViewerQuery } from '../../app/use-viewer';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.notFound'));
  const viewer = useViewerQuery().data;
  return (
    <div className="page dd-container">
      <EmptyState
        headingLevel={1}
        icon="search"
        title={t('notFound.title')}
        description={<p>{t('notFound.body')}</p>}
        actions={
          <Link to={viewer ? homePath(viewer.role) : '/'} className={buttonClassName('primary')}>
            {viewer ? t('notFound.toHome') : t('notFound.toStart')}
          </Link>
        }
      />
    </div>
  );
}
