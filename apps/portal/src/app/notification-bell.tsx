import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Icon } from '@dd/ui';
import { useTRPC } from './trpc';

/** How often the header asks for the unread count while the page is open; focusing the window asks at once. */
const POLL_MS = 60_000;

/**
 * The header's bell: a link to /notifications named with the unread count. It fetches only the count,
 * so the first page load carries none of the list's code or texts.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const count = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: POLL_MS, refetchOnWindowFocus: true }));
  const unread = count.data?.unread ?? 0;
  const label = unread > 0 ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications');

  return (
    <NavLink to="/notifications" className="notification-bell" aria-label={label} title={label}>
      <Icon name="bell" size={18} />
      {unread > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
