import { useTranslation } from 'react-i18next';
import { Alert, Button, EmptyState, LoadingBlock } from '@dd/ui';
import { describeError } from './api-error';
import { usePageTitle } from './page-title';

export function PageLoading() {
  const { t } = useTranslation();
  usePageTitle(t('titles.loading'));
  return <LoadingBlock label={t('common.loading')} className="page-loading" />;
}

interface RetryProps {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}

/** The whole page depends on the failed request: explain, and offer to try again. */
export function PageLoadError({ error, onRetry, retrying }: RetryProps) {
  const { t } = useTranslation();
  usePageTitle(t('titles.error'));
  const { messageKey } = describeError(error);
  return (
    <EmptyState
      headingLevel={1}
      icon="cloudOff"
      title={t('app.loadErrorTitle')}
      description={<p role="alert">{t(messageKey)}</p>}
      actions={
        <Button onClick={onRetry} loading={retrying}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** Public pages still render without the API; this tells the visitor why forms will fail. */
export function ConnectionNotice({ onRetry, retrying }: Omit<RetryProps, 'error'>) {
  const { t } = useTranslation();
  return (
    <div className="dd-container connection-notice">
      <Alert
        tone="warning"
        title={t('app.connectionTitle')}
        action={
          <Button variant="secondary" size="sm" onClick={onRetry} loading={retrying}>
            {t('common.retry')}
          </Button>
        }
      >
        {t('app.connectionText')}
      </Alert>
    </div>
  );
}

/** One part of a page failed to load: say which, and offer to try again, while the rest stays usable. */
export function SectionLoadError({ title, error, onRetry, retrying }: RetryProps & { title: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="danger"
      title={title}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry} loading={retrying}>
          {t('common.retry')}
        </Button>
      }
    >
      {t(describeError(error).messageKey)}
    </Alert>
  );
}

/** One part of a page is still loading. */
export function SectionLoading() {
  const { t } = useTranslation();
  return <LoadingBlock label={t('common.loading')} className="section-loading" />;
}
