import { hashPassword, verifyPassword } from '@dd/accounts';
import type { Database, Kysely, Role } from '@dd/db';
import type { Month } from './calendar';
import { DEMO_EMAIL_DOMAIN, seededUuid } from './ids';
import { generateCustomer, type SeedCustomer } from './population.generator';
import { writeCustomerData, type WriterSchema } from './seed.writer';
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

async function ensureAccount(db: Kysely<Database>, account: DemoAccount): Promise<{ id: string; login: DemoLogin }> {
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
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { id: account.id, login: { role: account.role, email: account.email, password: account.password, created: true } };
}

/** Creates what is missing and leaves what exists; the demo customer also gets a profile and bookings. */
export async function ensureDemoAccounts(
  db: Kysely<Database>,
  schema: WriterSchema,
  months: readonly Month[],
): Promise<{ logins: DemoLogin[]; transactions: number; customerIds: string[] }> {
  await db.insertInto('organisations').values(DEMO_ORGANISATION).onConflict((oc) => oc.column('id').doNothing()).execute();
  const logins: DemoLogin[] = [];
  const customerIds: string[] = [];
  let transactions = 0;
  for (const account of DEMO_ACCOUNTS) {
    const { id, login } = await ensureAccount(db, account);
    logins.push(login);
    if (account.role !== 'customer') continue;
    customerIds.push(id);
    const customer = demoCustomer(id);
    const bookings = generateTransactions('demo', customer, months, { union: true, party: false, religion: false, pregnancy: false });
    const written = await db.transaction().execute((trx) => writeCustomerData(trx, schema, { customers: [customer], transactions: [bookings] }));
    transactions += written.transactions;
  }
  return { logins, transactions, customerIds };
}
