import { hashPassword, verifyPassword } from '@dd/accounts';
import { PURPOSES, createConsentService } from '@dd/consent';
import { runImport, uploadRepository } from '@dd/data-import';
import { QueueUnavailableError } from '@dd/queue';
import { sql, type Database, type Kysely, type Role } from '@dd/db';
import type { Month } from './calendar';
import { DEMO_EMAIL_DOMAIN, seededUuid } from './ids';
import { generateCustomer, type SeedCustomer } from './population.generator';
import { writeCustomerData, type WriterSchema } from './seed.writer';
import { ingCsvStatement } from './ing-csv.writer';
import { offlineQueues } from './payouts.step';
import { generateTransactions } from './transactions.generator';

/**
 * Three accounts to sign in with on a local install. The passwords are public on purpose: they
 * exist only for demos on a developer's machine and are printed by every seed run.
 */
export interface DemoAccount {
  role: Role;
  id: string;
  email: string;
  password: string;
  displayName: string;
}

export const DEMO_ORGANISATION = {
  id: seededUuid('demo', 'organisation', 1),
  name: 'Demo Adverteerder B.V.',
  kvk_number: '90123456',
  vat_number: 'NL001234560B01',
  contact_email: `advertiser@${DEMO_EMAIL_DOMAIN}`,
  contact_name: 'Thomas Bakker',
  industry: 'retail',
  status: 'verified',
  // Its invoices carry a buyer's address, as every advertiser's do once it gave one.
  address_street: 'Vredenburg 40',
  address_postcode: '3511 BD',
  address_city: 'Utrecht',
  address_country: 'NL',
} as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'customer', id: seededUuid('demo', 'user', 1), email: `customer@${DEMO_EMAIL_DOMAIN}`, password: 'demo-customer-2026!', displayName: 'Sanne de Vries' },
  { role: 'advertiser', id: seededUuid('demo', 'user', 2), email: `advertiser@${DEMO_EMAIL_DOMAIN}`, password: 'demo-advertiser-2026!', displayName: 'Thomas Bakker' },
  { role: 'admin', id: seededUuid('demo', 'user', 3), email: `admin@${DEMO_EMAIL_DOMAIN}`, password: 'demo-admin-2026!', displayName: 'Demo Beheerder' },
];

/** The demo customer is the same on every install: a fixed seed, and a profile chosen by hand. */
export function demoCustomer(id: string): SeedCustomer {
  const base = generateCustomer('demo', 1);
  return {
    ...base,
    id,
    email: `customer@${DEMO_EMAIL_DOMAIN}`,
    displayName: 'Sanne de Vries',
    locale: 'nl',
    birthYear: 1991,
    province: 'Utrecht',
    municipality: 'Utrecht',
    householdSize: 2,
    interests: ['travel', 'cooking', 'tech', 'music'],
  };
}

export interface DemoLogin {
  role: Role;
  email: string;
  /** null when someone changed the password since: it is left alone and not printed. */
  password: string | null;
  created: boolean;
}

async function ensureAccount(db: Kysely<Database>, account: DemoAccount, createdAt: Date): Promise<{ id: string; login: DemoLogin }> {
  const existing = await db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', account.email).executeTakeFirst();
  if (existing) {
    const unchanged = await verifyPassword(existing.password_hash, account.password);
    return { id: existing.id, login: { role: account.role, email: account.email, password: unchanged ? account.password : null, created: false } };
  }
  const passwordHash = await hashPassword(account.password);
  await db
    .insertInto('users')
    .values({
      id: account.id,
      email: account.email,
      password_hash: passwordHash,
      role: account.role,
      display_name: account.displayName,
      organisation_id: account.role === 'advertiser' ? DEMO_ORGANISATION.id : null,
      locale: 'nl',
      created_at: createdAt,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { id: account.id, login: { role: account.role, email: account.email, password: account.password, created: true } };
}

/** "About you" facts and the spending categories the demo customer shares, for both purposes (README, the marketplace journey). */
export const DEMO_CONSENT_CATEGORIES = ['profile_age', 'profile_region', 'profile_household', 'profile_interests', 'travel', 'dining', 'groceries'] as const;

/** The demo customer signed up 45 days before the seeded window began: old enough for a first payout. */
export const demoSignUp = (months: readonly Month[]): Date => {
  const first = months[0];
  const start = first ? Date.UTC(first.year, first.month - 1, 1) : Date.now();
  return new Date(start - 45 * 86_400_000 + 20 * 3_600_000 + 14 * 60_000);
};

/**
 * The demo customer's bank statement goes through the real import: an ING CSV file stored as an
 * upload and read by `runImport`, the worker's own job function (parser, categorisation rules, dedupe
 * keys). Only when she has no bookings yet, so a re-run (or an install seeded before) adds nothing.
 */
async function importDemoStatement(db: Kysely<Database>, customer: SeedCustomer, months: readonly Month[]): Promise<number> {
  const has = await db.selectFrom('transactions').select('id').where('customer_id', '=', customer.id).limit(1).executeTakeFirst();
  if (has) return 0;
  const bookings = generateTransactions('demo', customer, months, { union: true, party: false, religion: false, pregnancy: false });
  const file = ingCsvStatement(customer.id, bookings);
  const uploadId = await uploadRepository.insert(db, { customerId: customer.id, fileName: file.fileName, byteSize: file.bytes.length, sha256: file.sha256, bytes: file.bytes });
  try {
    const result = await runImport({ db, queues: offlineQueues() }, uploadId);
    return result.status === 'imported' ? (result.imported ?? 0) : 0;
  } catch (error) {
    // The import committed; only queuing the features job needs Redis. The seed derives features itself.
    if (error instanceof QueueUnavailableError) return file.rows;
    throw error;
  }
}

/** The consent choices the README's journey starts from, recorded through the consent service at sign-up. */
async function grantDemoConsent(db: Kysely<Database>, customerId: string, at: Date): Promise<void> {
  const has = await db.selectFrom('consent_decisions').select('id').where('customer_id', '=', customerId).limit(1).executeTakeFirst();
  if (has) return;
  const consent = createConsentService({ db, now: () => at });
  await consent.update(
    customerId,
    { changes: DEMO_CONSENT_CATEGORIES.flatMap((category) => PURPOSES.map((purpose) => ({ category, purpose, granted: true }))), excludedIndustries: ['gambling', 'credit_loans'] },
    'seed',
  );
}

/** Creates what is missing and leaves what exists; the demo customer also gets a profile, consent and an imported statement. */
export async function ensureDemoAccounts(
  db: Kysely<Database>,
  schema: WriterSchema,
  months: readonly Month[],
): Promise<{ logins: DemoLogin[]; transactions: number; customerIds: string[]; adminId: string | null; customer: { id: string; name: string } | null }> {
  await db.insertInto('organisations').values(DEMO_ORGANISATION).onConflict((oc) => oc.column('id').doNothing()).execute();
  const logins: DemoLogin[] = [];
  const customerIds: string[] = [];
  let transactions = 0;
  let adminId: string | null = null;
  let demo: { id: string; name: string } | null = null;
  const signUp = demoSignUp(months);
  for (const account of DEMO_ACCOUNTS) {
    const { id, login } = await ensureAccount(db, account, signUp);
    logins.push(login);
    if (account.role === 'admin') adminId = id;
    if (account.role !== 'customer') continue;
    customerIds.push(id);
    demo = { id, name: account.displayName };
    const customer = demoCustomer(id);
    // An account made by an earlier seed "today" is moved back to the sign-up date, so the payout rules see its real story.
    await sql`update users set created_at = ${signUp} where id = ${id} and created_at > ${signUp}`.execute(db);
    await db.transaction().execute((trx) => writeCustomerData(trx, schema, { customers: [customer], transactions: [[]] }));
    await grantDemoConsent(db, id, new Date(signUp.getTime() + 10 * 60_000));
    transactions += await importDemoStatement(db, customer, months);
  }
  return { logins, transactions, customerIds, adminId, customer: demo };
}
