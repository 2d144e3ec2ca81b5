import { verifyPassword } from '@dd/accounts';
import { CONSENT_POLICY, CONSENT_POLICY_HASH } from '@dd/consent';
import { postalAddressSchema } from '@dd/contract';
import { sql } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from './demo-accounts';
import { MARKET_ADVERTISERS } from './market.data';
import { SEED_EMAIL_DOMAIN, UNUSABLE_PASSWORD_HASH } from './ids';
import type { SeedOptions } from './seed.options';
import { SeedConflictError, runSeed, type SeedSummary } from './seed.runner';

const options: SeedOptions = { customers: 200, seed: 42, months: 2, until: '2026-11', reset: false };
const quiet = { concurrency: 2, log: () => {} };

describe('npm run seed', () => {
  let test: TestDatabase;
  let first: SeedSummary;

  beforeAll(async () => {
    test = await createTestDatabase();
    first = await runSeed(test.db, options, quiet);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(test.db)).rows[0]?.n;

  it('writes the customers, their profiles and their bookings', async () => {
    expect(first.customers).toBe(200);
    expect(first.insertedCustomers).toBe(200);
    expect(first.insertedTransactions).toBe(first.transactions);
    expect(first.transactions).toBeGreaterThan(200 * 2 * 30);
    expect(first.transactions).toBeLessThan(200 * 2 * 60);

    const seeded = `%@${SEED_EMAIL_DOMAIN}`;
    expect(await count(sql`select count(*)::int as n from users where email like ${seeded} and role = 'customer'`)).toBe(200);
    expect(await count(sql`select count(*)::int as n from users where email like ${seeded} and password_hash <> ${UNUSABLE_PASSWORD_HASH}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from customer_profiles p join users u on u.id = p.user_id where u.email like ${seeded}`)).toBe(200);
    expect(await count(sql`select count(*)::int as n from transactions t join users u on u.id = t.customer_id where u.email like ${seeded}`)).toBe(first.transactions);
    expect(await count(sql`select count(distinct province)::int as n from customer_profiles`)).toBeGreaterThanOrEqual(10);
    expect(await count(sql`select count(*)::int as n from transactions where category is null or amount_cents = 0`)).toBe(0);
    const months = await sql<{ month: string }>`select distinct to_char(booked_on, 'YYYY-MM') as month from transactions order by 1`.execute(test.db);
    expect(months.rows.map((r) => r.month)).toEqual(['2026-09', '2026-10']);
  });

  it('derives the segment features of every seeded customer, with spend bands from the seeded months', async () => {
    const seeded = `%@${SEED_EMAIL_DOMAIN}`;
    // 200 seeded customers and the demo customer.
    expect(first.featuresDerived).toBe(201);
    expect(await count(sql`select count(*)::int as n from customer_features f join users u on u.id = f.customer_id where u.email like ${seeded}`)).toBe(200);
    expect(await count(sql`select count(*)::int as n from customer_features where spend_bands <> '{}'::jsonb`)).toBeGreaterThan(150);
    expect(await count(sql`select count(*)::int as n from customer_features where is_adult and age_band is not null`)).toBeGreaterThan(150);
  });

  it('adds nothing when run again with the same options', async () => {
    const before = await count(sql`select count(*)::int as n from transactions`);
    const again = await runSeed(test.db, options, quiet);
    expect(again.insertedCustomers).toBe(0);
    expect(again.insertedTransactions).toBe(0);
    expect(again.insertedConsentDecisions).toBe(0);
    expect(again.insertedIndustryExclusions).toBe(0);
    expect(again.demo.every((login) => !login.created)).toBe(true);
    expect(await count(sql`select count(*)::int as n from transactions`)).toBe(before);
  });

  it('records consent decisions and industry exclusions the way the consent centre does', async () => {
    expect(first.insertedConsentDecisions).toBeGreaterThan(200 * 10);
    expect(first.insertedIndustryExclusions).toBeGreaterThan(0);
    const seeded = `%@${SEED_EMAIL_DOMAIN}`;
    const policies = await sql<{ policy_version: string; policy_text_hash: string; source: string }>`
      select distinct policy_version, policy_text_hash, source from consent_decisions`.execute(test.db);
    expect(policies.rows).toEqual([{ policy_version: CONSENT_POLICY.version, policy_text_hash: CONSENT_POLICY_HASH, source: 'seed' }]);
    expect(await count(sql`select count(*)::int as n from consent_decisions where customer_id <> ${DEMO_ACCOUNTS[0]!.id}`)).toBe(first.insertedConsentDecisions);
    // Customers born in 2008 or later were minors whenever they signed up: the consent centre refuses them.
    expect(await count(sql`select count(*)::int as n from consent_decisions d join customer_profiles p on p.user_id = d.customer_id where p.birth_year >= 2008`)).toBe(0);
    const granting = await count(sql`
      select count(distinct c.customer_id)::int as n from consent_current c join users u on u.id = c.customer_id
      where u.email like ${seeded} and c.granted and c.purpose = 'insights'`);
    expect(granting).toBeGreaterThan(200 * 0.7);
    expect(granting).toBeLessThan(200 * 0.97);
    expect(await count(sql`select count(*)::int as n from consent_current where granted and expires_at is not null`)).toBeGreaterThan(0);
    expect(await count(sql`select count(distinct customer_id)::int as n from industry_exclusions_current`)).toBeGreaterThan(5);
    // The demo customer starts from the choices the README names (seed.market.int.spec.ts checks which).
    expect(await count(sql`select count(*)::int as n from consent_current where customer_id = ${DEMO_ACCOUNTS[0]!.id} and granted`)).toBe(14);
  });

  it('creates demo logins that sign in with the printed passwords', async () => {
    expect(first.demo.map((l) => l.role)).toEqual(['customer', 'advertiser', 'admin']);
    for (const login of first.demo) {
      const user = await test.db.selectFrom('users').select(['password_hash', 'role', 'organisation_id']).where('email', '=', login.email).executeTakeFirstOrThrow();
      expect(user.role).toBe(login.role);
      expect(login.password).toBe(DEMO_ACCOUNTS.find((a) => a.email === login.email)?.password);
      expect(await verifyPassword(user.password_hash, login.password ?? '')).toBe(true);
      expect(user.organisation_id).toBe(login.role === 'advertiser' ? DEMO_ORGANISATION.id : null);
    }
    const org = await test.db
      .selectFrom('organisations')
      .select(['name', 'kvk_number', 'status', 'address_street', 'address_postcode', 'address_city', 'address_country'])
      .where('id', '=', DEMO_ORGANISATION.id)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({
      name: 'Demo Adverteerder B.V.',
      kvk_number: expect.stringMatching(/^\d{8}$/),
      status: 'verified',
      address_street: 'Vredenburg 40',
      address_postcode: '3511 BD',
      address_city: 'Utrecht',
      address_country: 'NL',
    });
    // Every seeded advertiser has an address that passes the contract's rules, so its invoices name it.
    const addresses = await test.db
      .selectFrom('organisations')
      .select(['address_street as street', 'address_postcode as postcode', 'address_city as city', 'address_country as country'])
      .where('id', 'in', [DEMO_ORGANISATION.id, ...MARKET_ADVERTISERS.map((a) => a.id)])
      .execute();
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(postalAddressSchema.parse(address)).toEqual(address);
    const demo = DEMO_ACCOUNTS[0]!;
    expect(await count(sql`select count(*)::int as n from customer_profiles where user_id = ${demo.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from transactions where customer_id = ${demo.id}`)).toBeGreaterThan(50);
  });

  it('takes every booking from an imported ING statement upload and dates accounts at their sign-up', async () => {
    expect(await count(sql`select count(*)::int as n from transactions where upload_id is null`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from uploads where status = 'imported' and format = 'ing-csv'`)).toBe(201);
    expect(await count(sql`select count(distinct date_trunc('month', created_at))::int as n from users where email like ${`%@${SEED_EMAIL_DOMAIN}`}`)).toBeGreaterThanOrEqual(12);
    // Utilities are not rent: water is energy, municipal tax is taxes.
    expect(await count(sql`select count(*)::int as n from transactions where category = 'housing' and (counterparty_name ~ '^(Vitens|Evides|Dunea|PWN|WML|WMD|Brabant Water|Waterbedrijf)' or counterparty_name like 'Gemeente %')`)).toBe(0);
  });

  it('writes no market history for a population too small for k = 100', async () => {
    expect(first.market).toEqual({ sales: 0, tooSmall: 300, alreadyThere: false });
    expect(first.payouts.requests).toBe(0);
    expect(await count(sql`select count(*)::int as n from sales`)).toBe(0);
  });

  it('includes special-category counterparties that must never be sold', async () => {
    const rows = await sql<{ category: string; n: number }>`
      select category, count(*)::int as n from transactions
      where category in ('health', 'religion', 'politics', 'trade_union', 'pregnancy_baby') group by category`.execute(test.db);
    expect(rows.rows.map((r) => r.category).sort()).toEqual(['health', 'politics', 'pregnancy_baby', 'religion', 'trade_union']);
    expect(await count(sql`select count(*)::int as n from transactions where counterparty_name ~ '^(Zilveren Kruis|VGZ|CZ|Menzis)'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from transactions where counterparty_name in ('FNV', 'CNV Vakmensen')`)).toBeGreaterThan(0);
  });

  it('refuses to mix in customers of another seed unless asked to reset', async () => {
    const other = { ...options, customers: 20, seed: 7 };
    await expect(runSeed(test.db, other, quiet)).rejects.toBeInstanceOf(SeedConflictError);
    const replaced = await runSeed(test.db, { ...other, reset: true }, quiet);
    expect(replaced.deletedCustomers).toBe(200);
    expect(replaced.insertedCustomers).toBe(20);
    expect(await count(sql`select count(*)::int as n from users where email like ${`%@${SEED_EMAIL_DOMAIN}`}`)).toBe(20);
    // The demo accounts are not seeded customers: a reset leaves them alone.
    expect(await count(sql`select count(*)::int as n from users where id in (${sql.join(DEMO_ACCOUNTS.map((a) => a.id))})`)).toBe(3);
  });
});
