import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, EmptyState } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';

/** Public: shown right after erasure, when the session no longer exists. */
export function AccountErasedPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.accountErased'));
  return (
    <div className="page dd-container">
      <EmptyState
        headingLevel={1}
        icon="success"
        title={t('accountErased.title')}
        description={
          <>
            <p>{t('accountErased.body')}</p>
            <p>{t('accountErased.pending')}</p>
            <p>{t('accountErased.again')}</p>
          </>
        }
        actions={
          <Link to="/" className={buttonClassName('primary')}>
            {t('accountErased.toStart')}
          </Link>
        }
      />
    </div>
  );
}
