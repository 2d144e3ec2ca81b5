/**
 * Which file of the export holds each customer-owned table, and why the rest are left out. A test
 * walks every foreign key to users.id (and every customer_id/user_id column) and fails when a table
 * is on neither list, so a new table cannot silently be missing from the customer's export.
 */
export const EXPORTED_TABLES: Readonly<Record<string, string>> = {
  users: 'account',
  customer_profiles: 'profile',
  customer_features: 'features',
  transactions: 'transactions',
  uploads: 'uploads',
  consent_decisions: 'consent-history',
  industry_exclusions: 'industry-exclusions',
  data_use_receipts: 'timeline',
  offer_deliveries: 'offers',
  sessions: 'sessions',
  known_devices: 'known-devices',
  sign_in_failures: 'sign-in-failures',
  payout_requests: 'payout-requests',
  member_privacy_spend: 'privacy-budget',
  member_release_charges: 'privacy-charges',
  notifications: 'notifications',
  notification_preferences: 'notification-settings',
};

/** `table` or `table.column` (for a reference that never points at a customer), with the reason. */
export const EXCLUDED_FROM_EXPORT: Readonly<Record<string, string>> = {
  data_exports: 'The export requests themselves: listed on the privacy page; a ZIP cannot contain its own file.',
  consent_current: 'Derived: the latest decision per category and purpose, all of which are in consent-history.',
  industry_exclusions_current: 'Derived: the latest choice per industry, all of which are in industry-exclusions.',
  transaction_recategorisation_customers: 'A work queue of a re-categorisation run (run id, queued time); the resulting categories are in transactions.',
  sale_members: 'The member set of each sale; every sale the customer was part of is in timeline, with their share.',
  account_tokens:
    'Single-use e-mail verification and password-reset links, kept only as a one-way hash until used or expired: a secret like the password, which says nothing about the customer.',
  two_factor_credentials: 'Admin accounts only: customers have no second sign-in step.',
  two_factor_recovery_codes: 'Admin accounts only: customers have no second sign-in step.',
  two_factor_challenges: 'Admin accounts only: customers have no second sign-in step.',
  'bank_statements.uploaded_by': 'Refers to the admin who uploaded a bank statement, never to a customer.',
  'bank_statement_entries.resolved_by': 'Refers to the admin who resolved a payment, never to a customer.',
  'organisations.decided_by': 'Refers to the admin who verified an advertiser, never to a customer.',
  'purchase_requests.created_by': 'Refers to the advertiser user who made a purchase, never to a customer.',
  'purchase_requests.decided_by': 'Refers to the admin who moderated a purchase, never to a customer.',
  'saved_segments.created_by': 'Refers to the advertiser user who saved a segment, never to a customer.',
  'payout_requests.decided_by': 'Refers to the admin who decided a payout, never to a customer.',
};
