import { countWithSql } from '@dd/audience';
import { sql } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { auditLedger } from '@dd/ledger';
import { DEFAULT_PAYOUT_SETTINGS, checkPain001, earningsFigures } from '@dd/payouts';
import { validateSegment } from '@dd/segments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CONSENT_CATEGORIES, DEMO_ORGANISATION } from './demo-accounts';
import { README_EXAMPLE_SEGMENT } from './market.data';
import type { SeedOptions } from './seed.options';
import { runSeed, type SeedSummary } from './seed.runner';

// The README's journey: `npm run seed -- --customers 2000` with the default window.
const options: SeedOptions = { customers: 2000, seed: 42, months: 6, until: '2026-11', reset: false };
const quiet = { concurrency: 2, log: () => {} };
const DAY_MS = 86_400_000;
const demoCustomer = DEMO_ACCOUNTS.find((a) => a.role === 'customer')!;

describe('npm run seed -- --customers 2000: demo data that tells the story', () => {
  let test: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    test = await createTestDatabase();
    summary = await runSeed(test.db, options, quiet);
  }, 240_000);
  afterAll(async () => {
    await test?.drop();
  });

  const one = async <T>(query: { execute: (db: TestDatabase['db']) => Promise<{ rows: T[] }> }) => (await query.execute(test.db)).rows[0]!;

  it('spreads the accounts’ ages over the past months, most older than the 30 days a first payout needs', async () => {
    const ages = await one(sql<{ months: number; old: number; all: number }>`
      select count(distinct date_trunc('month', created_at))::int as months,
             count(*) filter (where created_at < now() - make_interval(days => ${DEFAULT_PAYOUT_SETTINGS.minAccountAgeDays}))::int as old,
             count(*)::int as "all"
      from users where role = 'customer'`);
    expect(ages.months).toBeGreaterThanOrEqual(12);
    expect(ages.old / ages.all).toBeGreaterThan(0.9);
  });

  it('gives the demo customer the consents the README names, recorded through the consent service', async () => {
    const rows = await sql<{ category: string; purpose: string }>`
      select c.category, c.purpose from consent_current c where c.customer_id = ${demoCustomer.id} and c.granted order by 1, 2`.execute(test.db);
    expect(rows.rows).toEqual(DEMO_CONSENT_CATEGORIES.flatMap((category) => ['insights', 'offers'].map((purpose) => ({ category, purpose }))).sort((a, b) => `${a.category}|${a.purpose}`.localeCompare(`${b.category}|${b.purpose}`)));
  });

  it('lets the demo customer request a payout: old enough, at least the minimum available, after one paid payout', async () => {
    const user = await one(sql<{ created_at: Date }>`select created_at from users where id = ${demoCustomer.id}`);
    expect(Date.now() - user.created_at.getTime()).toBeGreaterThan(DEFAULT_PAYOUT_SETTINGS.minAccountAgeDays * DAY_MS);
    const figures = await earningsFigures(test.db, demoCustomer.id, DEFAULT_PAYOUT_SETTINGS, new Date());
    expect(figures.availableCents).toBeGreaterThanOrEqual(DEFAULT_PAYOUT_SETTINGS.minimumCents);
    expect(figures.paidCents).toBe(DEFAULT_PAYOUT_SETTINGS.minimumCents);
    const receipts = await one(sql<{ n: number; shares: number }>`
      select count(*)::int as n, sum(share_cents)::int as shares from data_use_receipts where customer_id = ${demoCustomer.id}`);
    expect(receipts.n).toBeGreaterThan(100);
    expect(receipts.shares).toBe(figures.earnedCents);
  });

  it('writes past sales through the ledger, which stays balanced', async () => {
    expect(summary.market.sales).toBeGreaterThan(250);
    const sales = await one(sql<{ n: number; pending: number; months: number }>`
      select count(*)::int as n, count(*) filter (where status <> 'distributed')::int as pending,
             count(distinct date_trunc('month', created_at))::int as months
      from sales where idempotency_key like 'seed-sale:%'`);
    expect(sales).toEqual({ n: summary.market.sales, pending: 0, months: 6 });
    const audit = await auditLedger(test.db);
    expect(audit.unbalancedTransactions).toBe(0);
    expect(audit.balanceMismatches).toBe(0);
    expect(audit.unsettledSales).toBe(0);
    expect(Number(audit.sumCents)).toBe(0);
  });

  it('leaves a paid payout batch and one ready for the admin to download, each with a valid pain.001 file', async () => {
    const batches = await sql<{ status: string; content: string | null; payout_count: number }>`
      select b.status, f.content, b.payout_count from payout_batches b left join payout_batch_files f on f.batch_id = b.id order by b.created_at`.execute(test.db);
    expect(batches.rows.map((b) => b.status)).toEqual(['paid', 'ready']);
    for (const batch of batches.rows) {
      expect(batch.payout_count).toBeGreaterThan(0);
      expect(checkPain001(batch.content!)).toEqual([]);
    }
    const paid = await one(sql<{ n: number }>`select count(*)::int as n from payout_requests where customer_id = ${demoCustomer.id} and status = 'paid'`);
    expect(paid.n).toBe(1);
  });

  it('makes the README’s example segment buyable for the demo advertiser: true audience ≥ 200 for both purposes', async () => {
    const { tree, categories } = validateSegment(README_EXAMPLE_SEGMENT);
    for (const purpose of ['insights', 'offers'] as const) {
      expect(await countWithSql(test.db, { tree, categories, purpose, industry: DEMO_ORGANISATION.industry })).toBeGreaterThanOrEqual(200);
    }
  });

  it('takes every booking from an imported upload; the demo customer’s through the real import', async () => {
    const orphans = await one(sql<{ n: number }>`select count(*)::int as n from transactions where upload_id is null`);
    expect(orphans.n).toBe(0);
    const mismatched = await one(sql<{ n: number }>`
      select count(*)::int as n from uploads u left join (select upload_id, count(*)::int as rows from transactions group by upload_id) t on t.upload_id = u.id
      where u.status <> 'imported' or u.format <> 'ing-csv' or u.rows_imported <> coalesce(t.rows, 0)`);
    expect(mismatched.n).toBe(0);
    const demo = await one(sql<{ n: number; by_rule: number }>`
      select count(*)::int as n, count(*) filter (where rule_id is not null)::int as by_rule from transactions where customer_id = ${demoCustomer.id}`);
    expect(demo.n).toBeGreaterThan(100);
    expect(demo.by_rule).toBeGreaterThan(demo.n / 2);
  });
});
