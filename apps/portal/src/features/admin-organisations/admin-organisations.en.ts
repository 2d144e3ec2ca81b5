import type { TranslationShape } from '../../i18n/translation-shape';
import type { adminOrganisationsNl } from './admin-organisations.nl';

export const adminOrganisationsEn: TranslationShape<typeof adminOrganisationsNl> = {
  eyebrow: 'Administration',
  title: 'Advertisers',
  description: 'Check the details of new organisations and verify or reject them. Only verified organisations can buy; every decision goes into the audit log.',
  filterLabel: 'Show',
  filters: { unverified: 'Awaiting verification', verified: 'Verified', rejected: 'Rejected', all: 'All organisations' },
  loadError: 'The organisations cannot be loaded right now.',
  empty: 'No organisations in this list.',
  emptyWaiting: 'No organisations are waiting for verification.',
  statuses: { unverified: 'Awaiting verification', verified: 'Verified', rejected: 'Rejected' },
  details: {
    kvkNumber: 'KvK number',
    vatNumber: 'VAT number',
    industry: 'Industry',
    contact: 'Contact',
    registered: 'Registered',
    decided: 'Decision',
    accounts_one: '{{count}} account',
    accounts_other: '{{count}} accounts',
    notGiven: 'missing',
    reason: 'Reason: {{reason}}',
    missing: 'Not complete yet: {{missing}}. Verification needs every detail.',
  },
  missing: { kvkNumber: 'KvK number', vatNumber: 'VAT number', contactName: 'contact person', contactEmail: 'contact email', industry: 'industry' },
  actions: {
    verify: 'Verify',
    reject: 'Reject',
    for: 'organisation {{name}}',
  },
  paging: { previous: 'Previous page', next: 'Next page', label: 'Pages' },
  verifyDialog: {
    title: 'Verify organisation',
    body: 'You confirm that {{name}} exists with KvK number {{kvk}} and VAT number {{vat}}. It can buy from then on.',
    confirm: 'Verify',
    done: '{{name}} has been verified.',
  },
  rejectDialog: {
    title: 'Reject organisation',
    body: 'The advertiser sees your reason and can correct the details and submit them again.',
    reasonLabel: 'Reason for the advertiser',
    reasonHint: 'At least 10 and at most 1000 characters. Say what is wrong and what is needed.',
    confirm: 'Reject',
    done: '{{name}} has been rejected.',
  },
  failed: 'The decision was not saved.',
  validation: {
    reasonTooShort: 'Write a reason of at least 10 characters.',
    reasonTooLong: 'Keep the reason under 1000 characters.',
  },
  errors: {
    incomplete: 'The organisation still lacks details: {{missing}}.',
    alreadyDecided: 'This organisation has already been decided on. Reload the list.',
  },
};
