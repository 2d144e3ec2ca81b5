import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, EmptyState, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { ModerationCard, QUEUE_LIST_ID } from './moderation-card';
import './moderation.css';

export interface ModerationNotice {
  tone: 'success' | 'danger';
  text: string;
}

/** The admin's queue of purchase requests waiting for a decision, oldest first. */
export function ModerationPage() {
  const { t, i18n } = useTranslation('moderation');
  usePageTitle(t('title'));
  const trpc = useTRPC();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const queue = useQuery(trpc.admin.moderation.queue.queryOptions({ locale }));
  const { labels } = useReferenceLabels();
  const [notice, setNotice] = useState<ModerationNotice | null>(null);

  // Oldest first, whatever order the answer comes in: nobody waits behind later requests.
  const items = queue.data ? [...queue.data].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : [];

  return (
    <div className="page dd-container moderation-page">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('title')}
        description={t('description')}
        actions={queue.data && items.length > 0 ? <p className="moderation-page__count">{t('count', { count: items.length })}</p> : undefined}
      />
      <div aria-live="polite" className="moderation-page__live">
        {notice ? (
          <Alert tone={notice.tone} className="moderation-page__notice">
            {notice.text}
          </Alert>
        ) : null}
      </div>
      {queue.isPending ? (
        <SectionLoading />
      ) : queue.isError ? (
        <SectionLoadError title={t('loadError')} error={queue.error} onRetry={() => void queue.refetch()} retrying={queue.isFetching} />
      ) : items.length === 0 ? (
        <div className="page-section">
          <EmptyState icon="checkSquare" title={t('emptyTitle')} description={<p>{t('emptyBody')}</p>} />
        </div>
      ) : (
        <ol className="moderation-queue" id={QUEUE_LIST_ID} aria-label={t('listLabel')} tabIndex={-1}>
          {items.map((item) => (
            <li key={item.id} className="moderation-queue__item">
              <ModerationCard item={item} labels={labels} locale={locale} onNotice={setNotice} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
