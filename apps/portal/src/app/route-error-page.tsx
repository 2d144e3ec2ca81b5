import { useTranslation } from 'react-i18next';
import { Button, EmptyState } from '@dd/ui';
import { usePageTitle } from './page-title';

/** Shown when rendering a route throws: a calm message instead of a blank page or a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.error'));
  return (
    <main className="page dd-container" id="main">
      <EmptyState
        headingLevel={1}
        icon="warning"
        title={t('app.routeErrorTitle')}
        description={<p>{t('app.routeErrorText')}</p>}
        actions={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
      />
    </main>
  );
}
