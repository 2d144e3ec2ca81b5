import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Button, EmptyState } from '@dd/ui';
import { usePageTitle } from './page-title';

/**
 * A page's chunk that did not arrive: a release replaced it since this tab loaded, or the
 * connection dropped. Chrome, Firefox and Safari each word the failed dynamic import differently.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message);
}

/** Shown when rendering a route throws: a calm message instead of a blank page or a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const chunkMissing = isChunkLoadError(useRouteError());
  usePageTitle(t('titles.error'));
  return (
    <main className="page dd-container" id="main">
      <EmptyState
        headingLevel={1}
        icon="warning"
        title={chunkMissing ? t('app.pageLoadFailedTitle') : t('app.routeErrorTitle')}
        description={<p>{chunkMissing ? t('app.pageLoadFailedText') : t('app.routeErrorText')}</p>}
        actions={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
      />
    </main>
  );
}
