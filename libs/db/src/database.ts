import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The hand-kept schema: the single source of table types, updated together with each migration.
 * Timestamps read as Date and are written as Date or ISO text; money is integer cents.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'customer' | 'advertiser' | 'admin';
export type OrganisationStatus = 'unverified' | 'verified' | 'rejected';
export type Locale = 'nl' | 'en';

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kvk_number: string | null;
  vat_number: string | null;
  contact_email: string | null;
  industry: string | null;
  status: Generated<OrganisationStatus>;
  created_at: CreatedAt;
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
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a database leak does not hand out live sessions. */
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
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

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  customer_profiles: CustomerProfilesTable;
  transactions: TransactionsTable;
  audit_log: AuditLogTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Session = Selectable<SessionsTable>;
export type CustomerProfile = Selectable<CustomerProfilesTable>;
export type Transaction = Selectable<TransactionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
