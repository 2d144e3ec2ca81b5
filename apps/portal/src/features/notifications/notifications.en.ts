import type { TranslationShape } from '../../i18n/translation-shape';
import type { notificationsNl } from './notifications.nl';

export const notificationsEn: TranslationShape<typeof notificationsNl> = {
  title: 'Notifications',
  description: 'What happened to your account, your data and your money. Choose which ones you also get by email on your account page.',
  listLabel: 'Your notifications',
  loadError: 'Your notifications could not be loaded',
  emptyTitle: 'No notifications yet',
  emptyBody: 'As soon as something happens that you should know about, you will see it here.',
  markAllRead: 'Mark all read',
  allRead: 'All notifications are read.',
  unread: 'Unread',
  open: 'View',
  openLabel: 'View: {{title}}',
  more: 'More notifications',
  toSettings: 'Notification settings',
  settings: {
    heading: 'Notifications',
    description: 'You see every notification in the portal. Choose which ones you also get by email.',
    loadError: 'Your notification settings could not be loaded',
    none: 'There are no notifications to set for your kind of account.',
    mailLabel: '{{kind}}: also by email',
    on: 'On',
    off: 'Off',
    saved: 'Saved.',
    mandatory: {
      money: 'Always by email: the law requires us to tell you about your money.',
      account: 'Always by email: the law requires us to tell you about your account.',
    },
  },
  kinds: {
    gdpr: {
      exportReady: 'Your data export is ready',
    },
    offers: {
      received: 'New offer in your inbox',
    },
    sales: {
      weeklyDigest: 'Weekly summary of sales you were part of',
    },
    payouts: {
      sent: 'Payout sent',
      returned: 'Payout returned',
    },
    purchases: {
      approved: 'Purchase approved',
      rejected: 'Purchase rejected',
      delivered: 'Purchase delivered',
    },
    organisation: {
      verified: 'Organisation verified',
      rejected: 'Organisation not verified',
    },
    billing: {
      lowBalance: 'Balance running low',
    },
  },
};
