import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationItem } from '@dd/contract';
import { Alert, Badge, Button, EmptyState, PageHeader } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatDateTime } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import './notifications.css';

const PAGE_SIZE = 20;

/** `/notifications`, for every signed-in role: what happened, newest first, each with a link to where it happened. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  const { t: tc } = useTranslation();
  usePageTitle(t('title'));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const [announcement, setAnnouncement] = useState('');

  const list = useInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({ limit: PAGE_SIZE, locale }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() }),
    ]);
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: () => void refresh() }));

  let body;
  if (list.isPending) body = <SectionLoading />;
  else if (list.isError && !list.data) body = <SectionLoadError title={t('loadError')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (items.length === 0)
    body = (
      <EmptyState
        title={t('emptyTitle')}
        icon="bell"
        description={t('emptyBody')}
        actions={
          <Link to="/account#notification-settings">
            {t('toSettings')}
          </Link>
        }
      />
    );
  else
    body = (
      <>
        <ul className="notification-list" aria-label={t('listLabel')}>
          {items.map((item) => (
            <NotificationRow key={item.id} item={item} language={i18n.language} onOpen={() => (item.read ? undefined : markRead.mutate({ id: item.id }))} />
          ))}
        </ul>
        {list.hasNextPage ? (
          <div className="page-section__more">
            <Button variant="secondary" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('more')}
            </Button>
          </div>
        ) : null}
      </>
    );

  const anyUnread = items.some((item) => !item.read);
  return (
    <div className="page dd-container">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          anyUnread ? (
            <Button
              variant="secondary"
              size="sm"
              loading={markRead.isPending && 'all' in markRead.variables}
              onClick={() => markRead.mutate({ all: true }, { onSuccess: () => setAnnouncement(t('allRead')) })}
            >
              {t('markAllRead')}
            </Button>
          ) : null
        }
      />
      {markRead.isError ? <Alert tone="danger">{tc(describeError(markRead.error).messageKey)}</Alert> : null}
      <p className="dd-visually-hidden" role="status">
        {announcement}
      </p>
      {body}
    </div>
  );
}

function NotificationRow({ item, language, onOpen }: { item: NotificationItem; language: string; onOpen: () => void }) {
  const { t } = useTranslation('notifications');
  return (
    <li className={item.read ? 'notification-list__item' : 'notification-list__item notification-list__item--unread'}>
      <div className="notification-list__head">
        <h2 className="notification-list__title">{item.title}</h2>
        {item.read ? null : <Badge tone="brand">{t('unread')}</Badge>}
      </div>
      <p className="notification-list__body">{item.body}</p>
      <p className="notification-list__meta">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
        <Link to={item.link} aria-label={t('openLabel', { title: item.title })} onClick={onOpen}>
          {t('open')}
        </Link>
      </p>
    </li>
  );
}
