import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { accountBalance, auditLedger, distributeSale } from '@dd/ledger';
import { createTestQueues } from '@dd/queue/testing';
import {
  approvedRequest, excludeIndustry, fulfilmentDeps, fundedOrganisation, inTown, K, MAX_MEMBERS, PRICE_CENTS, RESERVED_CENTS, seedTown, TEST_PRIVACY, TOWNS, withdrawConsent,
} from './fulfilment.fixtures';
import { fulfilPurchase, type FulfilmentDeps } from './fulfilment.service';
import { createOffersInboxService } from './offers-inbox.service';
import { createPurchaseResultsService } from './purchase-results.service';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
/** Cohorts by town: 4 × 30 + 24 + 6 = 154 consenting adults. */
const cohorts: string[][] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  for (const [i, size] of [30, 30, 30, 30, 24, 6].entries()) cohorts.push(await seedTown(db, TOWNS[i]!, size));
}, 120_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const fulfil = (requestId: string, overrides: Partial<FulfilmentDeps> = {}) => fulfilPurchase(fulfilmentDeps(db, redis.queues, overrides), requestId);

async function request(id: string) {
  return db.selectFrom('purchase_requests').select(['status', 'failure_code', 'failure_params', 'billed_members', 'sale_id', 'report_id', 'delivered_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

async function receipts(requestId: string) {
  return db.selectFrom('data_use_receipts').select(['customer_id', 'share_cents', 'audience_size', 'advertiser_name', 'product', 'purpose', 'categories', 'purpose_statement']).where('reference', '=', `purchase:${requestId}`).execute();
}

async function saleMembers(saleId: string) {
  return (await db.selectFrom('sale_members').select('customer_id').where('sale_id', '=', saleId).execute()).map((r) => r.customer_id);
}

describe('fulfilling an insight report', () => {
  it('delivers to the members eligible now, charges the noised count once and writes receipts the distribution honours', async () => {
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS, 'Fietsenwinkel De Spaak');
    const id = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[0]!) });
    const [withdrawn, ...others] = cohorts[0]!;
    await withdrawConsent(db, withdrawn!, 'insights');

    const outcome = await fulfil(id);
    expect(outcome).toMatchObject({ status: 'delivered', requestId: id, reportId: expect.any(String) });
    const row = await request(id);
    expect(row).toMatchObject({ status: 'delivered', failure_code: null, delivered_at: expect.any(Date) });
    expect(row.billed_members).toBeGreaterThan(0);
    expect(row.billed_members).toBeLessThanOrEqual(MAX_MEMBERS);

    // The frozen member set: everyone in town but the member who withdrew, in the report, the sale and the receipts.
    const members = await saleMembers(row.sale_id!);
    expect(members.sort()).toEqual([...others].sort());
    // Each of them was charged the report's whole cost (audience and tables) in the accountant's ledger.
    const charged = await db
      .selectFrom('member_release_charges as c')
      .innerJoin('privacy_releases as r', 'r.id', 'c.release_id')
      .select(['c.customer_id', 'c.epsilon_micro'])
      .where('r.kind', '=', 'audience')
      .where('r.release_key', '=', `purchase:${id}`)
      .execute();
    expect(charged.map((c) => c.customer_id).sort()).toEqual([...others].sort());
    expect(new Set(charged.map((c) => Number(c.epsilon_micro)))).toEqual(new Set([TEST_PRIVACY.audienceEpsilonMicro + 2 * TEST_PRIVACY.tableEpsilonMicro]));
    // What the advertiser is billed for is the released audience, capped by the reservation.
    const audience = await db.selectFrom('privacy_releases').select('value').where('kind', '=', 'audience').where('release_key', '=', `purchase:${id}`).executeTakeFirstOrThrow();
    expect(row.billed_members).toBe(Math.min(audience.value as number, MAX_MEMBERS));
    const sale = await db.selectFrom('sales').select(['amount_cents']).where('id', '=', row.sale_id!).executeTakeFirstOrThrow();
    expect(sale.amount_cents).toBe(row.billed_members! * PRICE_CENTS);

    const written = await receipts(id);
    expect(written.map((r) => r.customer_id).sort()).toEqual([...others].sort());
    expect(written[0]).toMatchObject({ advertiser_name: 'Fietsenwinkel De Spaak', product: 'insight_report', purpose: 'insights', audience_size: others.length });
    // The advertiser's purpose in its own words goes with every receipt: what the purchase form promised members see.
    expect(new Set(written.map((r) => r.purpose_statement))).toEqual(new Set(['We want to understand who rides a bike to work in this town.']));
    expect(written[0]!.categories).toEqual(['profile_age', 'profile_household', 'profile_region']);
    // The receipts promise exactly what the distribution then credits, cent for cent.
    await distributeSale(db, row.sale_id!);
    for (const receipt of written) expect(await accountBalance(db, 'member_earnings', receipt.customer_id)).toBe(receipt.share_cents);
    expect(await accountBalance(db, 'member_earnings', withdrawn!)).toBe(0);

    // Reservation released, net + VAT charged: what is left is the reservation minus the invoice.
    const invoice = await db.selectFrom('invoices').select(['id', 'total_cents', 'description']).where('sale_id', '=', row.sale_id!).executeTakeFirstOrThrow();
    expect(invoice.description).toBe(
      'Inzichtrapport / insight report "Fietsers in Utrecht" (gefactureerd publiek, privacybeschermd aantal / billed audience, privacy-protected count)',
    );
    expect(await accountBalance(db, 'advertiser_reserved', organisationId)).toBe(0);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(RESERVED_CENTS - invoice.total_cents);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });

    const results = createPurchaseResultsService({ db, settings: TEST_PRIVACY });
    const shown = await results.results(organisationId, id);
    expect(shown).toMatchObject({ invoiceId: invoice.id, offerStats: null, report: { epsilon: '2' } });
    expect(shown.report!.tables.map((t) => t.breakdown)).toEqual(['ageBand', 'householdBand']);
    const other = await fundedOrganisation(db, 0);
    await expect(results.results(other, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { csv, fileName } = await results.reportCsv(organisationId, id, 'nl');
    expect(fileName).toBe('inzichtrapport-fietsers-in-utrecht.csv');
    expect(csv.split('\n')[0]).toBe('Uitsplitsing,Groep,Aantal (met ruis),Opmerking,Epsilon');

    const audit = await db.selectFrom('audit_log').select(['action']).where('subject_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('purchase.delivered');
  });
});

describe('fulfilling an offer campaign', () => {
  it('puts the offer in the inboxes of members eligible now and reports only noised, thresholded counts', async () => {
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS + 10_000, 'Supermarkt Noord');
    const id = await approvedRequest(db, { organisationId, product: 'offer_campaign', segment: inTown(TOWNS[1]!) });
    const [withdrawn, excluder, ...others] = cohorts[1]!;
    await withdrawConsent(db, withdrawn!, 'offers');
    await excludeIndustry(db, excluder!, 'retail');
    const inbox = createOffersInboxService({ db });
    // Not before fulfilment: nothing is in anyone's inbox yet.
    expect(await inbox.inbox(others[0]!)).toEqual([]);

    expect(await fulfil(id)).toMatchObject({ status: 'delivered', reportId: null });
    const delivered = await db.selectFrom('offer_deliveries').select('customer_id').where('request_id', '=', id).execute();
    expect(delivered.map((d) => d.customer_id).sort()).toEqual([...others].sort());
    const row = await request(id);
    expect((await saleMembers(row.sale_id!)).sort()).toEqual([...others].sort());
    expect((await receipts(id)).map((r) => r.customer_id).sort()).toEqual([...others].sort());
    expect(await inbox.inbox(withdrawn!)).toEqual([]);
    expect(await inbox.inbox(excluder!)).toEqual([]);
    expect(await inbox.inbox(others[0]!)).toEqual([
      expect.objectContaining({ requestId: id, advertiser: 'Supermarkt Noord', openedAt: null, clickedAt: null, expired: false }),
    ]);
    expect(await accountBalance(db, 'advertiser_reserved', organisationId)).toBe(0);

    // Statistics come on a schedule: nothing about opens or clicks until a day after delivery, however often one asks.
    let clock = new Date();
    const results = createPurchaseResultsService({ db, settings: TEST_PRIVACY, now: () => clock });
    const stats = async () => (await results.results(organisationId, id)).offerStats!;
    const first = await stats();
    expect(first).toMatchObject({ delivered: { kind: 'about', value: others.length }, opened: null, clicked: null, releasedAt: null, nextReleaseAt: expect.any(String) });
    for (const [i, member] of others.slice(0, 12).entries()) {
      await inbox.open(member, id);
      if (i % 2 === 0) await inbox.click(member, id);
      // Polling after every event shows nothing new: the answer does not follow the true count.
      expect(await stats()).toEqual(first);
    }
    clock = new Date(Date.parse(first.nextReleaseAt!) + 1_000);
    const day1 = await stats();
    // A large statistic epsilon makes the noise almost surely zero, so the released counts are predictable.
    expect(day1).toMatchObject({ opened: { kind: 'about', value: 12 }, clicked: { kind: 'about', value: 6 }, releasedAt: first.nextReleaseAt });
    await inbox.open(others[12]!, id);
    expect(await stats()).toEqual(day1);
    const releases = await db.selectFrom('privacy_releases').select(['kind', 'epsilon_micro', 'prepaid_by']).where('release_key', 'like', `purchase:${id}%`).orderBy('id').execute();
    expect(releases.map((r) => r.kind)).toEqual(['audience', 'campaign_schedule', 'campaign_stats']);
    expect(releases[2]!.prepaid_by).not.toBeNull();
    // Only totals leave: no member id appears in what the advertiser reads.
    const advertiserView = JSON.stringify(await results.results(organisationId, id));
    for (const member of cohorts[1]!) expect(advertiserView).not.toContain(member);
  });
});

describe('refusals', () => {
  async function expectRefused(id: string, organisationId: string, deposit: number, code: string, params: Record<string, number>) {
    expect(await fulfil(id)).toEqual({ status: 'failed', requestId: id, failure: { code, params } });
    expect(await request(id)).toMatchObject({ status: 'failed', failure_code: code, failure_params: params, sale_id: null, delivered_at: null });
    // The whole reservation is back on the balance, once, and a retry changes nothing.
    expect(await accountBalance(db, 'advertiser_reserved', organisationId)).toBe(0);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(deposit);
    expect(await fulfil(id)).toMatchObject({ status: 'failed', failure: { code } });
    const releases = await db.selectFrom('ledger_transactions').select('id').where('idempotency_key', '=', `purchase:${id}:release`).execute();
    expect(releases).toHaveLength(1);
    expect(await receipts(id)).toEqual([]);
    const audit = await db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['purchase.failed']);
  }

  it('refuses an offer campaign below k and a report below k, and says why', async () => {
    const organisationId = await fundedOrganisation(db, 2 * RESERVED_CENTS);
    const offer = await approvedRequest(db, { organisationId, product: 'offer_campaign', segment: inTown(TOWNS[5]!) });
    await expectRefused(offer, organisationId, 2 * RESERVED_CENTS, 'audienceBelowMinimum', { k: K });
    expect(await db.selectFrom('offer_deliveries').select('customer_id').where('request_id', '=', offer).execute()).toEqual([]);
    const report = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[5]!) });
    await expectRefused(report, organisationId, 2 * RESERVED_CENTS, 'audienceBelowMinimum', { k: K });
  });

  it('delivers a report whose audience differs by a few people from an earlier one: no exact-set refusal, both paid for', async () => {
    const organisationId = await fundedOrganisation(db, 2 * RESERVED_CENTS);
    const first = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[2]!) });
    expect(await fulfil(first)).toMatchObject({ status: 'delivered' });
    // The same 30 plus the 6 of a small town: refusing it would tell the advertiser exactly that the sets differ.
    const second = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[2]!, TOWNS[5]!) });
    expect(await fulfil(second)).toMatchObject({ status: 'delivered' });
    const spent = await db.selectFrom('privacy_releases').select((eb) => eb.fn.sum<string>('epsilon_micro').as('total')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
    expect(Number(spent.total)).toBe(2 * (TEST_PRIVACY.audienceEpsilonMicro + 2 * TEST_PRIVACY.tableEpsilonMicro));
  });

  it('refuses a report the advertiser’s privacy budget cannot pay for', async () => {
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS);
    const id = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[3]!) });
    const tight = { privacy: { ...TEST_PRIVACY, advertiserMonthlyEpsilonMicro: TEST_PRIVACY.audienceEpsilonMicro } };
    expect(await fulfil(id, tight)).toEqual({ status: 'failed', requestId: id, failure: { code: 'privacyBudget', params: {} } });
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(RESERVED_CENTS);
  });

  it('does nothing for a request that is not approved, and refuses an unknown one for good', async () => {
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS);
    const id = await approvedRequest(db, { organisationId, product: 'offer_campaign', segment: inTown(TOWNS[4]!) });
    await sql`update purchase_requests set status = 'cancelled' where id = ${id}`.execute(db);
    expect(await fulfil(id)).toEqual({ status: 'cancelled', requestId: id });
    expect(await db.selectFrom('offer_deliveries').select('customer_id').where('request_id', '=', id).execute()).toEqual([]);
    const missing = await fulfil('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DomainError);
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
