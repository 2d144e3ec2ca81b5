import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The hand-kept schema: the single source of table types, updated together with each migration.
 * Timestamps read as Date and are written as Date or ISO text; money is integer cents.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'customer' | 'advertiser' | 'admin';
export type OrganisationStatus = 'unverified' | 'verified' | 'rejected';
export type VerificationEndCause = 'detailsChanged' | 'withdrawn';
export type Locale = 'nl' | 'en';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kvk_number: string | null;
  vat_number: string | null;
  contact_email: string | null;
  contact_name: string | null;
  industry: string | null;
  status: Generated<OrganisationStatus>;
  created_at: CreatedAt;
  /** When and by which admin the organisation was verified or rejected; the reason of a rejection. */
  decided_at: Timestamp | null;
  decided_by: string | null;
  rejection_reason: string | null;
  /** Set when a verification ended (details changed after it, or an admin withdrew it); cleared by the next decision. */
  verification_ended_at: Timestamp | null;
  verification_end_cause: VerificationEndCause | null;
  /** Postal address (street and number, postcode, city, ISO country code); null for organisations from before it was asked. */
  address_street: string | null;
  address_postcode: string | null;
  address_city: string | null;
  address_country: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: Role;
  display_name: string;
  organisation_id: string | null;
  locale: Generated<Locale>;
  created_at: CreatedAt;
  erasure_requested_at: Timestamp | null;
  /** Stable small integer addressing the person in audience bitmaps and stored member sets. */
  member_no: ColumnType<number, never, never>;
  /** When the holder followed the verification link; null only after a sign-up, until then (other accounts default to verified). */
  email_verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type AccountTokenPurpose = 'email_verification' | 'password_reset' | 'email_change';

/** Single-use tokens mailed to an account's address; owned by libs/accounts. Only the SHA-256 is stored. */
export interface AccountTokensTable {
  token_hash: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  /** The address the token was mailed to: it proves that address only (for `email_change`, the new address). */
  email: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** An admin's confirmed authenticator; owned by libs/accounts. The secret is AES-256-GCM encrypted. */
export interface TwoFactorCredentialsTable {
  user_id: string;
  secret_ciphertext: string;
  /** The last TOTP time step a code was accepted for: codes of that step and earlier are refused. */
  last_used_step: number;
  confirmed_at: CreatedAt;
}

/** Single-use recovery codes of an authenticator, SHA-256 only; owned by libs/accounts. */
export interface TwoFactorRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: CreatedAt;
  used_at: Timestamp | null;
}

export type TwoFactorChallengeKind = 'verify' | 'set_up';

/** The pending second step after a correct password; owned by libs/accounts. Only the token's SHA-256 is stored. */
export interface TwoFactorChallengesTable {
  token_hash: string;
  user_id: string;
  kind: TwoFactorChallengeKind;
  /** A set-up challenge's new secret, encrypted like the credential's, until it is confirmed. */
  set_up_secret_ciphertext: string | null;
  set_up_confirmed_at: Timestamp | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

/** The transactional outbox of outgoing mail; owned by libs/mail. */
export interface MailOutboxTable {
  id: Generated<string>;
  /** Unique: the same business event never produces two messages. */
  message_key: string;
  kind: string;
  recipient: string;
  locale: Locale;
  /** The message's parameters, checked against its schema in the registry; emptied once sent. */
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

/** One thing a user was told about in the portal; owned by libs/notifications. */
export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  /** A kind of the notification registry: a persistent contract like a job name. */
  kind: string;
  /** Unique per user: the same event never notifies twice. */
  notification_key: string;
  /** Checked against the kind's schema in the registry. */
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

/** A user's choice to have a kind mailed or not; without a row the registry's default holds. Owned by libs/notifications. */
export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  mail: boolean;
  updated_at: Generated<Date>;
}

/** Why a session ended: signed out, ended from another session, a password or address change, inactivity. */
export type SessionEndReason = 'signed_out' | 'ended' | 'security' | 'idle';

export interface SessionsTable {
  /** SHA-256 of the cookie token: a database leak does not hand out live sessions. */
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  /** The opaque id the sessions list shows; the token's hash never leaves the server. */
  public_id: Generated<string>;
  /** Refreshed at most every few minutes of use; the idle timeout counts from it. */
  last_used_at: Generated<Date>;
  /** Browser and operating system families from the User-Agent at sign-in; null when not recognised. */
  device_browser: string | null;
  device_os: string | null;
  end_reason: SessionEndReason | null;
}

/** Browsers that signed in to an account before (OWASP device cookies); owned by libs/accounts. */
export interface KnownDevicesTable {
  /** SHA-256 of the device cookie's token. */
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_used_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  user_id: string;
  failed_at: CreatedAt;
}

export interface CustomerProfilesTable {
  user_id: string;
  birth_year: number | null;
  province: string | null;
  municipality: string | null;
  household_size: number | null;
  interests: Generated<string[]>;
  updated_at: Generated<Date>;
}

export interface TransactionsTable {
  id: Generated<number>;
  customer_id: string;
  booked_on: string;
  amount_cents: number;
  currency: Generated<string>;
  counterparty_name: string;
  counterparty_iban: string | null;
  description: string;
  bank_code: string | null;
  category: string | null;
  /** Stable fingerprint of the booking: re-importing the same statement adds nothing. */
  dedupe_key: string;
  created_at: CreatedAt;
  upload_id: string | null;
  /** 'customer' once the customer corrected the category (rectification); rules never overwrite it. */
  category_source: Generated<'rule' | 'customer'>;
  rule_id: string | null;
  special: Generated<boolean>;
  protected_life_event: Generated<boolean>;
  /** The bank booked this as the reversal of an earlier entry (CAMT.053 `RvslInd`); the amount's sign says which way. */
  is_reversal: Generated<boolean>;
}

/** A re-categorisation of rule-decided transactions after a rule change; owned by libs/data-import. */
export interface TransactionRecategorisationsTable {
  id: Generated<number>;
  /** The reference-data fingerprint (libs/categories) the run brings the transactions to. */
  fingerprint: string;
  /** Keyset cursor: every transaction with an id up to this one has been categorised again. */
  after_transaction_id: Generated<number>;
  changed: Generated<number>;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
}

/** Customers whose categories a run changed; `queued_at` once their features recompute is queued. */
export interface TransactionRecategorisationCustomersTable {
  run_id: number;
  customer_id: string;
  queued_at: Timestamp | null;
}

export type CategoryKindCode = 'sellable' | 'special' | 'protected_life_event' | 'internal' | 'profile';

export interface CategoriesTable {
  code: string;
  kind: CategoryKindCode;
}

export interface IndustriesTable {
  code: string;
  sensitive: Generated<boolean>;
}

export interface CategorisationRulesTable {
  id: string;
  priority: number;
  field: string;
  direction: Generated<'any' | 'debit' | 'credit'>;
  pattern: string;
  category: string;
  note: string | null;
}

export type UploadStatus = 'stored' | 'parsing' | 'imported' | 'failed';

export interface UploadsTable {
  id: Generated<string>;
  customer_id: string;
  file_name: string;
  byte_size: number;
  sha256: string;
  status: Generated<UploadStatus>;
  format: string | null;
  progress: Generated<number>;
  rows_total: number | null;
  rows_imported: number | null;
  rows_duplicate: number | null;
  error: Record<string, unknown> | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface UploadContentsTable {
  upload_id: string;
  bytes: Buffer;
}

export interface CustomerFeaturesTable {
  customer_id: string;
  is_adult: boolean;
  age_band: string | null;
  province: string | null;
  municipality: string | null;
  household_band: string | null;
  interests: Generated<string[]>;
  spend_bands: Generated<Record<string, number>>;
  computed_at: Generated<Date>;
}

export type Purpose = 'insights' | 'offers';

export interface ConsentDecisionsTable {
  id: Generated<number>;
  customer_id: string;
  change_id: string;
  category: string;
  purpose: Purpose;
  granted: boolean;
  expires_at: Timestamp | null;
  policy_version: string;
  policy_text_hash: string;
  source: string;
  recorded_at: Generated<Date>;
}

export interface IndustryExclusionsTable {
  id: Generated<number>;
  customer_id: string;
  change_id: string;
  industry: string;
  excluded: boolean;
  policy_version: string;
  recorded_at: Generated<Date>;
}

export interface DataUseReceiptsTable {
  id: Generated<number>;
  customer_id: string;
  occurred_at: Timestamp;
  advertiser_name: string;
  product: string;
  purpose: string;
  categories: string[];
  audience_size: number;
  share_cents: number;
  reference: string;
  /** The advertiser's purpose in its own words, copied at the sale (null for receipts without a purchase). */
  purpose_statement: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ExportStatus = 'requested' | 'building' | 'ready' | 'failed';

export interface DataExportsTable {
  id: Generated<string>;
  customer_id: string;
  status: Generated<ExportStatus>;
  requested_at: Generated<Date>;
  ready_at: Timestamp | null;
  expires_at: Timestamp | null;
  byte_size: number | null;
  error: string | null;
}

export interface DataExportFilesTable {
  export_id: string;
  bytes: Buffer;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_role: Role | 'system';
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: Generated<Record<string, unknown>>;
}

/** Derived by trigger from consent_decisions; never written by code. */
export interface ConsentCurrentTable {
  customer_id: string;
  category: string;
  purpose: Purpose;
  granted: boolean;
  expires_at: Date | null;
  recorded_at: Date;
  decision_id: number;
}

/** Derived by trigger from industry_exclusions: a row while the customer excludes the industry. */
export interface IndustryExclusionsCurrentTable {
  customer_id: string;
  industry: string;
}

/** Written by triggers: whose countable state changed, and in which transaction. */
export interface AudienceChangesTable {
  id: Generated<number>;
  member_no: number;
  tx: Generated<string>;
  changed_at: Generated<Date>;
}

export type PrivacyReportStatus = 'charged' | 'refused';

export interface PrivacyReportsTable {
  id: Generated<string>;
  job_key: string;
  organisation_id: string;
  period: string;
  title: string;
  epsilon_micro: number;
  status: PrivacyReportStatus;
  refusal: string | null;
  /** Why a refused report was refused: below_minimum, differencing or advertiser_budget. */
  refusal_code: 'below_minimum' | 'differencing' | 'advertiser_budget' | null;
  member_count: Generated<number>;
  result: unknown;
  created_at: CreatedAt;
}

export interface MemberPrivacySpendTable {
  customer_id: string;
  period: string;
  spent_micro: number;
}

export type PrivacyReleaseKind = 'estimate' | 'audience' | 'report' | 'campaign_schedule' | 'campaign_stats';
export type PrivacyBudgetPool = 'estimates' | 'purchases';

/** The privacy accountant's ledger (libs/privacy): every value released about members, append-only. */
export interface PrivacyReleasesTable {
  id: Generated<number>;
  /** "kvk:<number>" or "org:<id>": the legal entity whose budget paid. */
  budget_owner: string;
  organisation_id: string;
  pool: PrivacyBudgetPool;
  kind: PrivacyReleaseKind;
  release_key: string;
  period: string;
  epsilon_micro: number;
  prepaid_by: number | null;
  value: unknown;
  label: string | null;
  created_at: CreatedAt;
}

export interface MemberReleaseChargesTable {
  release_id: number;
  customer_id: string;
  epsilon_micro: number;
}

export interface PlatformSecretsTable {
  name: string;
  value: Buffer;
  created_at: CreatedAt;
}

/** Ledger accounts: owned per organisation or customer, or one of the platform's singletons. */
export type LedgerAccountKind =
  | 'advertiser_balance'
  | 'member_earnings'
  | 'advertiser_reserved'
  | 'platform_fee'
  | 'platform_bank'
  | 'payouts_in_transit'
  | 'unclaimed_earnings'
  | 'sales_clearing'
  | 'vat_payable';

/** Append-only; `owner_id` is an organisation or customer id without a foreign key (it outlives erasure). */
export interface LedgerAccountsTable {
  id: Generated<number>;
  kind: LedgerAccountKind;
  owner_id: string | null;
  created_at: CreatedAt;
}

/** Append-only; the database checks at commit that its postings balance. */
export interface LedgerTransactionsTable {
  id: Generated<number>;
  idempotency_key: string;
  kind: string;
  sale_id: string | null;
  content_hash: string;
  reference: string | null;
  metadata: Record<string, unknown> | null;
  created_at: CreatedAt;
  created_xid: ColumnType<string, never, never>;
}

/** Append-only; amount positive for a debit, negative for a credit, never zero. */
export interface LedgerPostingsTable {
  transaction_id: number;
  account_id: number;
  amount_cents: number;
  sale_id: string | null;
}

/** View: the sum of an account's postings (`net_cents`) and the same in its normal direction. */
export interface LedgerBalancesView {
  account_id: ColumnType<number, never, never>;
  kind: ColumnType<LedgerAccountKind, never, never>;
  owner_id: ColumnType<string | null, never, never>;
  net_cents: ColumnType<number, never, never>;
  balance_cents: ColumnType<number, never, never>;
}

export type SaleStatus = 'pending' | 'distributed';

/** Frozen once recorded, except the status moving once from pending to distributed. */
export interface SalesTable {
  id: Generated<string>;
  idempotency_key: string;
  organisation_id: string;
  amount_cents: number;
  member_share_bp: number;
  member_count: number;
  members_hash: string;
  batch_size: number;
  status: Generated<SaleStatus>;
  created_at: CreatedAt;
  distributed_at: Timestamp | null;
  created_xid: ColumnType<string, never, never>;
}

/** The frozen member set of a sale, written with it; customer ids outlive erasure here too. */
export interface SaleMembersTable {
  sale_id: string;
  customer_id: string;
}

export type PayoutRequestStatus = 'in_review' | 'approved' | 'rejected' | 'in_transit' | 'paid' | 'returned';

/** Why a payout request waits for an admin, with the values its text needs. */
export interface PayoutReviewReason {
  code: string;
  params: Record<string, string | number>;
}

/** A member's payout request: the reservation of their earnings until it is paid or rejected. Never deleted. */
export interface PayoutRequestsTable {
  id: Generated<string>;
  customer_id: string;
  amount_cents: number;
  iban: string;
  account_holder: string;
  status: PayoutRequestStatus;
  review_reasons: ColumnType<PayoutReviewReason[], string | undefined, string>;
  end_to_end_id: string;
  requested_at: CreatedAt;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_note: string | null;
  paid_at: Timestamp | null;
  /** Set when the bank sent the payout back (migration 20261123T203000): ISO 20022 reason code and note. */
  returned_at: Timestamp | null;
  return_reason: string | null;
  return_note: string | null;
}

export type PayoutBatchStatus = 'generating' | 'ready' | 'paid';
export type BatchFileFailureReason = 'fileTimedOut' | 'fileJobFailed';

/** One pain.001 file; fixed once created, except its status. */
export interface PayoutBatchesTable {
  id: Generated<string>;
  status: Generated<PayoutBatchStatus>;
  msg_id: string;
  pmt_inf_id: string;
  payout_count: number;
  total_cents: number;
  requested_execution_date: string;
  debtor_name: string;
  debtor_iban: string;
  debtor_bic: string;
  created_by: string;
  created_at: CreatedAt;
  file_ready_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  confirmed_by: string | null;
  created_xid: ColumnType<string, never, never>;
  /** When the current attempt at the file started (creation or "generate again"); its time limit counts from here. */
  file_attempt_at: Generated<Date>;
  /** Set while generating when the file was not written in time or its job failed for good; cleared by a new attempt. */
  file_failed_at: Timestamp | null;
  file_failure_reason: BatchFileFailureReason | null;
}

/** Append-only; a request is in at most one batch. */
export interface PayoutBatchItemsTable {
  batch_id: string;
  position: number;
  request_id: string;
}

/** Append-only: the file of a batch, written once. */
export interface PayoutBatchFilesTable {
  batch_id: string;
  content: string;
  sha256: string;
  created_at: CreatedAt;
}

/** An advertiser's payment reference ("DD" + 12 digits with ISO 7064 check digits); never changed once given out. */
export interface PaymentReferencesTable {
  organisation_id: string;
  reference: string;
  created_at: CreatedAt;
}

export type BankStatementStatus = 'stored' | 'processing' | 'imported' | 'failed';

/** An uploaded CAMT.053 statement of the platform's own bank account. */
export interface BankStatementsTable {
  id: Generated<string>;
  file_name: string;
  byte_size: number;
  sha256: string;
  expected_iban: string;
  account_iban: string | null;
  status: Generated<BankStatementStatus>;
  first_booked_on: string | null;
  last_booked_on: string | null;
  entries_total: number | null;
  entries_new: number | null;
  entries_duplicate: number | null;
  error: Record<string, unknown> | null;
  uploaded_by: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface BankStatementFilesTable {
  statement_id: string;
  bytes: Buffer;
}

/** booked/unmatched/dismissed: incoming credits (top-ups); open/reconciled: debits and returned payments. */
export type BankEntryStatus = 'booked' | 'unmatched' | 'dismissed' | 'open' | 'reconciled';

/** One booked entry of the platform's account, stored once whichever statements contain it. */
export interface BankStatementEntriesTable {
  id: Generated<number>;
  entry_key: string;
  statement_id: string;
  line: number;
  account_iban: string;
  booked_on: string;
  direction: 'credit' | 'debit';
  /** Positive cents; `direction` says which way. */
  amount_cents: number;
  currency: string;
  reversal: Generated<boolean>;
  counterparty_name: Generated<string>;
  counterparty_iban: string | null;
  remittance: Generated<string>;
  creditor_references: Generated<string[]>;
  payment_references: Generated<string[]>;
  bank_reference: string | null;
  end_to_end_id: string | null;
  bank_code: string | null;
  status: BankEntryStatus;
  reason: string | null;
  organisation_id: string | null;
  ledger_transaction_id: number | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface InvoiceNumberCountersTable {
  year: number;
  last_sequence: number;
}

/** Append-only; seller and buyer are copied at issue time so the invoice never changes afterwards. */
export interface InvoicesTable {
  id: Generated<string>;
  sale_id: string;
  organisation_id: string;
  year: number;
  sequence: number;
  number: string;
  issued_on: string;
  supplied_on: string;
  description: string;
  quantity: number;
  net_cents: number;
  vat_rate_bp: number;
  vat_cents: number;
  total_cents: number;
  seller: Record<string, unknown>;
  buyer: Record<string, unknown>;
  vat_transaction_id: number | null;
  created_at: CreatedAt;
}

/** An advertiser's saved segment: the canonical criteria tree (jsonb, read parsed) and its canonical key. */
export interface SavedSegmentsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  tree: ColumnType<unknown, string, string>;
  canonical_key: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type PurchaseProduct = 'insight_report' | 'offer_campaign';
export type PurchaseStatus = 'pending_review' | 'approved' | 'rejected' | 'cancelled' | 'fulfilling' | 'delivered' | 'failed';

/** An advertiser's purchase request, from review to delivery. The segment is the canonical tree (jsonb). */
export interface PurchaseRequestsTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: string | null;
  product: PurchaseProduct;
  purpose: Purpose;
  title: string;
  purpose_statement: string;
  segment: ColumnType<unknown, string, string>;
  canonical_key: string;
  saved_segment_id: string | null;
  categories: string[];
  breakdowns: Generated<string[]>;
  offer_title: string | null;
  offer_body: string | null;
  offer_url: string | null;
  offer_code: string | null;
  /** Date as text (YYYY-MM-DD). */
  offer_ends_on: string | null;
  estimated_members: number;
  max_members: number;
  price_per_member_cents: number;
  reserved_cents: number;
  status: Generated<PurchaseStatus>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  failure_code: string | null;
  failure_params: ColumnType<Record<string, string | number> | null, string | null, string | null>;
  billed_members: number | null;
  sale_id: string | null;
  report_id: string | null;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

/** One offer in one member's inbox; opens and clicks are only ever reported in aggregate. */
export interface OfferDeliveriesTable {
  request_id: string;
  customer_id: string;
  delivered_at: Generated<Date>;
  opened_at: Timestamp | null;
  clicked_at: Timestamp | null;
  dismissed_at: Timestamp | null;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  known_devices: KnownDevicesTable;
  account_tokens: AccountTokensTable;
  two_factor_credentials: TwoFactorCredentialsTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  two_factor_challenges: TwoFactorChallengesTable;
  mail_outbox: MailOutboxTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  customer_profiles: CustomerProfilesTable;
  transactions: TransactionsTable;
  transaction_recategorisations: TransactionRecategorisationsTable;
  transaction_recategorisation_customers: TransactionRecategorisationCustomersTable;
  audit_log: AuditLogTable;
  categories: CategoriesTable;
  industries: IndustriesTable;
  categorisation_rules: CategorisationRulesTable;
  uploads: UploadsTable;
  upload_contents: UploadContentsTable;
  customer_features: CustomerFeaturesTable;
  consent_decisions: ConsentDecisionsTable;
  industry_exclusions: IndustryExclusionsTable;
  data_use_receipts: DataUseReceiptsTable;
  data_exports: DataExportsTable;
  data_export_files: DataExportFilesTable;
  consent_current: ConsentCurrentTable;
  industry_exclusions_current: IndustryExclusionsCurrentTable;
  audience_changes: AudienceChangesTable;
  privacy_reports: PrivacyReportsTable;
  member_privacy_spend: MemberPrivacySpendTable;
  privacy_releases: PrivacyReleasesTable;
  member_release_charges: MemberReleaseChargesTable;
  platform_secrets: PlatformSecretsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
  ledger_balances: LedgerBalancesView;
  sales: SalesTable;
  sale_members: SaleMembersTable;
  payment_references: PaymentReferencesTable;
  bank_statements: BankStatementsTable;
  bank_statement_files: BankStatementFilesTable;
  bank_statement_entries: BankStatementEntriesTable;
  invoice_number_counters: InvoiceNumberCountersTable;
  invoices: InvoicesTable;
  payout_requests: PayoutRequestsTable;
  payout_batches: PayoutBatchesTable;
  payout_batch_items: PayoutBatchItemsTable;
  payout_batch_files: PayoutBatchFilesTable;
  saved_segments: SavedSegmentsTable;
  purchase_requests: PurchaseRequestsTable;
  offer_deliveries: OfferDeliveriesTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Session = Selectable<SessionsTable>;
export type CustomerProfile = Selectable<CustomerProfilesTable>;
export type Transaction = Selectable<TransactionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Upload = Selectable<UploadsTable>;
export type ConsentDecision = Selectable<ConsentDecisionsTable>;
export type CustomerFeatures = Selectable<CustomerFeaturesTable>;
