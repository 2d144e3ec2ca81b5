import type { TranslationShape } from '../../i18n/translation-shape';
import type { adminAuditNl } from './admin-audit.nl';

export const adminAuditEn: TranslationShape<typeof adminAuditNl> = {
  eyebrow: 'Administration',
  title: 'Audit log',
  description: 'Every privileged action, recorded as it happened and never changed. Search by action, subject or text in the details.',
  filters: {
    title: 'Search',
    query: 'Search term',
    queryHint: 'Searches the action, subject, id and details.',
    action: 'Action',
    subjectType: 'Subject type',
    any: 'All',
    from: 'From',
    to: 'Up to and including',
    search: 'Search',
    clear: 'Clear',
  },
  table: {
    caption: 'Audit log, newest first',
    at: 'Time',
    actor: 'By',
    action: 'Action',
    subject: 'Subject',
    details: 'Details',
    system: 'system',
    erasedActor: 'erased account',
  },
  roles: { admin: 'admin', advertiser: 'advertiser', customer: 'customer', system: 'system' },
  empty: 'No entries match these filters.',
  loadError: 'The audit log cannot be loaded right now.',
  paging: { label: 'Pages', newer: 'Newer entries', older: 'Older entries', page: 'Page {{page}}' },
  validation: {
    dateInvalid: 'Enter a date.',
    rangeReversed: 'The end date is before the start date.',
    tooLong: 'This search term is too long.',
  },
};
