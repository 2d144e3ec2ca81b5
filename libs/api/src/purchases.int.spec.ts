import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { invoiceAmounts } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { CreatePurchaseInput, PurchaseSummary } from '@dd/contract';
import { sql } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { accountBalance, auditLedger } from '@dd/ledger';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { canonicalKey, canonicalise } from '@dd/segments';
import { createAppServices, type AppServices } from './services';
import { rejection, signedInAdmin, signedUpAdvertiser } from './testing/actors';
import { createTestClient } from './testing/test-context';

const K = 10;
// A large epsilon keeps the noise near zero, so amounts are predictable; the threshold still applies.
const privacy: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimateEpsilonMicro: 10_000_000, estimateMonthlyEpsilonMicro: 1_000_000_000, audienceEpsilonMicro: 10_000_000, memberMonthlyEpsilonMicro: 1_000_000_000, advertiserMonthlyEpsilonMicro: 1_000_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000 };

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy });
  const grants = [...PROFILE_CATEGORY_CODES, 'groceries'].flatMap((category) => [{ category, purpose: 'insights' as const }, { category, purpose: 'offers' as const }]);
  for (let i = 0; i < 40; i++) {
    await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-UT', interests: ['travel'], spendBands: { groceries: (i % 5) + 1 } }, grants });
  }
}, 60_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});


async function advertiser(options: { verified?: boolean; topUpCents?: number } = {}) {
  const world = { db: tdb.db, queues: redis.queues, services };
  const { client, organisationId } = await signedUpAdvertiser(world, { verified: options.verified ?? true, depositCents: options.topUpCents });
  const purchases = async () => (await client.call()).advertiser.purchases;
  const failed = async (path: string, call: Promise<unknown>) => client.errorShape(await rejection(call), path);
  return { client, organisationId, purchases, failed };
}

async function admin() {
  return (await signedInAdmin({ db: tdb.db, queues: redis.queues, services })).client;
}

const balances = async (organisationId: string) => ({
  balance: await accountBalance(tdb.db, 'advertiser_balance', organisationId),
  reserved: await accountBalance(tdb.db, 'advertiser_reserved', organisationId),
});

/** What was written for an organisation: its requests, its marketplace audit entries, its reservations. */
async function written(organisationId: string) {
  const requests = await tdb.db.selectFrom('purchase_requests').select('id').where('organisation_id', '=', organisationId).execute();
  const audit = await tdb.db.selectFrom('audit_log').select('id').where('action', 'like', 'purchase.%').where(sql<boolean>`details->>'organisationId' = ${organisationId}`).execute();
  const reservedAccounts = await tdb.db.selectFrom('ledger_accounts').select('id').where('kind', '=', 'advertiser_reserved').where('owner_id', '=', organisationId).execute();
  return { requests: requests.length, audit: audit.length, reservedAccounts: reservedAccounts.length };
}

const utrecht = { op: 'all', of: [{ field: 'interest', in: ['travel', 'travel'] }, { field: 'province', in: ['NL-UT'] }] };
const report = (overrides: Partial<Extract<CreatePurchaseInput, { product: 'insight_report' }>> = {}): CreatePurchaseInput => ({
  product: 'insight_report',
  title: 'Reizigers in Utrecht',
  purposeStatement: 'Inzicht in de leeftijd van reizigers in Utrecht voor onze reisfolder.',
  segment: utrecht,
  breakdowns: ['ageBand'],
  ...overrides,
});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The reservation for a noisy estimate: max members (estimate + 10%) × price, plus 21% VAT. */
const expectedReservation = (summary: PurchaseSummary, priceCents: number) => {
  if (summary.estimate.kind !== 'about') throw new Error('expected an estimate');
  return invoiceAmounts(Math.ceil((summary.estimate.value * 11) / 10) * priceCents, 2_100).totalCents;
};

describe('advertiser.purchases.create', () => {
  it('reserves the maximum cost from the balance in one balanced ledger transaction, and stores the canonical segment', async () => {
    const { organisationId, purchases } = await advertiser({ topUpCents: 10_000 });
    const summary = await (await purchases()).create(report({ breakdowns: ['ageBand', 'spend:groceries'] }));

    expect(Object.keys(summary).sort()).toEqual(['chargedCents', 'createdAt', 'decisionReason', 'estimate', 'failure', 'id', 'product', 'purpose', 'reservedCents', 'status', 'title'].sort());
    expect(summary).toMatchObject({ status: 'pending_review', product: 'insight_report', purpose: 'insights', chargedCents: null, decisionReason: null, failure: null });
    expect(summary.estimate).toMatchObject({ kind: 'about', value: expect.any(Number) });
    if (summary.estimate.kind === 'about') expect(Math.abs(summary.estimate.value - 40)).toBeLessThanOrEqual(5);
    expect(summary.reservedCents).toBe(expectedReservation(summary, 2));

    expect(await balances(organisationId)).toEqual({ balance: 10_000 - summary.reservedCents, reserved: summary.reservedCents });
    expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
    const posted = await tdb.db.selectFrom('ledger_transactions').select(['kind']).where('idempotency_key', '=', `purchase:${summary.id}:reserve`).execute();
    expect(posted).toEqual([{ kind: 'purchase.reserve' }]);

    const row = await tdb.db.selectFrom('purchase_requests').select(['segment', 'canonical_key', 'categories', 'breakdowns', 'max_members', 'price_per_member_cents', 'created_by']).where('id', '=', summary.id).executeTakeFirstOrThrow();
    const tree = canonicalise({ op: 'all', of: [{ field: 'interest', in: ['travel'] }, { field: 'province', in: ['NL-UT'] }] });
    expect(row).toMatchObject({ segment: tree, canonical_key: canonicalKey(tree), breakdowns: ['ageBand', 'spend:groceries'], price_per_member_cents: 2 });
    expect(row.categories).toEqual(['groceries', 'profile_age', 'profile_interests', 'profile_region']);
    const entry = await tdb.db.selectFrom('audit_log').select(['action', 'actor_role']).where('subject_id', '=', summary.id).execute();
    expect(entry).toEqual([{ action: 'purchase.requested', actor_role: 'advertiser' }]);
  });

  it('an offer campaign: purpose offers, the campaign price, the offer as given, a saved segment of its own linked', async () => {
    const { client, organisationId, purchases } = await advertiser({ topUpCents: 100_000 });
    const saved = await (await client.call()).advertiser.segments.save({ name: 'Reizigers', segment: utrecht });
    const summary = await (await purchases()).create({
      product: 'offer_campaign',
      title: 'Najaarsactie',
      purposeStatement: 'Reizigers in Utrecht korting geven op een fietsonderhoudsbeurt.',
      segment: utrecht,
      savedSegmentId: saved.id,
      offer: { title: '20% korting', body: 'Op elke onderhoudsbeurt deze maand.', url: 'https://spaak.example/actie', code: '', endsOn: inDays(30) },
    });
    expect(summary).toMatchObject({ product: 'offer_campaign', purpose: 'offers' });
    expect(summary.reservedCents).toBe(expectedReservation(summary, 15));
    const detail = await (await purchases()).get({ id: summary.id, locale: 'nl' });
    expect(detail).toMatchObject({
      offer: { title: '20% korting', body: 'Op elke onderhoudsbeurt deze maand.', url: 'https://spaak.example/actie', code: null, endsOn: inDays(30) },
      pricePerMemberCents: 15,
      description: 'Mensen in Utrecht die interesse hebben in reizen',
      report: null,
      offerStats: null,
      invoiceId: null,
    });
    const row = await tdb.db.selectFrom('purchase_requests').select('saved_segment_id').where('id', '=', summary.id).executeTakeFirstOrThrow();
    expect(row.saved_segment_id).toBe(saved.id);

    // Another organisation's saved segment is not linked.
    const other = await advertiser({ topUpCents: 100_000 });
    const foreign = await (await other.purchases()).create(report({ savedSegmentId: saved.id }));
    expect((await tdb.db.selectFrom('purchase_requests').select('saved_segment_id').where('id', '=', foreign.id).executeTakeFirstOrThrow()).saved_segment_id).toBeNull();
    expect(await balances(organisationId)).toEqual({ balance: 100_000 - summary.reservedCents, reserved: summary.reservedCents });
  });

  it('refuses when the balance does not cover the reservation, telling them to top up, and writes nothing', async () => {
    const { organisationId, purchases, failed } = await advertiser({ topUpCents: 50 });
    const shape = await failed('advertiser.purchases.create', (await purchases()).create(report()));
    expect(shape.message).toMatch(/Top up/);
    expect(shape.data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'insufficientBalance', params: { balanceCents: 50 } } });
    expect(await written(organisationId)).toEqual({ requests: 0, audit: 0, reservedAccounts: 0 });
    expect(await balances(organisationId)).toEqual({ balance: 50, reserved: 0 });
  });

  it('refuses an organisation that is not verified yet', async () => {
    const { organisationId, purchases, failed } = await advertiser({ verified: false, topUpCents: 10_000 });
    const shape = await failed('advertiser.purchases.create', (await purchases()).create(report()));
    expect(shape.data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'organisationNotVerified', params: { status: 'unverified' } } });
    expect(shape.message).toMatch(/verified/);
    expect(await written(organisationId)).toEqual({ requests: 0, audit: 0, reservedAccounts: 0 });
  });

  it('refuses special categories with the segment validator’s translatable error', async () => {
    const { organisationId, purchases, failed } = await advertiser({ topUpCents: 10_000 });
    const health = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'spend', category: 'health', min: 1, max: 5 }] };
    const shape = await failed('advertiser.purchases.create', (await purchases()).create(report({ segment: health })));
    expect(shape.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { criteria: ['segment.restricted'] }, reason: { code: 'segment.restricted', params: { subject: 'Health' } } });
    expect(await written(organisationId)).toEqual({ requests: 0, audit: 0, reservedAccounts: 0 });
  });

  it('refuses an audience estimated below k', async () => {
    const { organisationId, purchases, failed } = await advertiser({ topUpCents: 10_000 });
    const shape = await failed('advertiser.purchases.create', (await purchases()).create(report({ segment: { field: 'province', in: ['NL-FR'] } })));
    expect(shape.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', fieldErrors: { criteria: ['marketplace.errors.audienceBelowMinimum'] }, reason: { code: 'audienceBelowMinimum', params: { k: K } } });
    expect(await written(organisationId)).toEqual({ requests: 0, audit: 0, reservedAccounts: 0 });
  });

  it('refuses unknown or repeated breakdowns and offers that end in the past or too late', async () => {
    const { organisationId, purchases, failed } = await advertiser({ topUpCents: 10_000 });
    const unknown = await failed('advertiser.purchases.create', (await purchases()).create(report({ breakdowns: ['ageBand', 'spend:health'] })));
    expect(unknown.data).toMatchObject({ fieldErrors: { breakdowns: ['marketplace.errors.breakdownUnknown'] } });
    const twice = await failed('advertiser.purchases.create', (await purchases()).create(report({ breakdowns: ['province', 'province'] })));
    expect(twice.data).toMatchObject({ fieldErrors: { breakdowns: ['marketplace.errors.breakdownsDuplicate'] } });
    const offer = (endsOn: string): CreatePurchaseInput => ({
      product: 'offer_campaign',
      title: 'Actie',
      purposeStatement: 'Reizigers in Utrecht korting geven op onderhoud.',
      segment: utrecht,
      offer: { title: 'Korting', body: 'Tien procent.', code: 'SPAAK10', endsOn },
    });
    expect((await failed('advertiser.purchases.create', (await purchases()).create(offer(inDays(-2))))).data).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerEndsInPast'] } });
    expect((await failed('advertiser.purchases.create', (await purchases()).create(offer(inDays(92))))).data).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerEndsTooLate'] } });
    expect(await written(organisationId)).toEqual({ requests: 0, audit: 0, reservedAccounts: 0 });
  });

  it('refuses an offer moderation could never approve, a link that breaks the rules and markup, before anything is reserved', async () => {
    const { organisationId, purchases, failed } = await advertiser({ topUpCents: 10_000 });
    const campaign = (offer: Partial<Extract<CreatePurchaseInput, { product: 'offer_campaign' }>['offer']>): CreatePurchaseInput => ({
      product: 'offer_campaign',
      title: 'Actie',
      purposeStatement: 'Reizigers in Utrecht korting geven op onderhoud.',
      segment: utrecht,
      offer: { title: 'Korting', body: 'Tien procent korting op onderhoud.', url: 'https://spaak.example/actie', endsOn: inDays(30), ...offer },
    });
    const create = async (offer: Parameters<typeof campaign>[0]) => (await failed('advertiser.purchases.create', (await purchases()).create(campaign(offer)))).data;

    // Evasions the old screening let through: a soft hyphen, spaced letters, a Cyrillic а.
    expect(await create({ body: 'Zwa\u00ADnger? Stuur ons je B S N.' })).toMatchObject({
      domainCode: 'VALIDATION_FAILED',
      fieldErrors: { offer: ['marketplace.errors.offerBodyScreened'] },
      reason: { code: 'offerScreened', params: { words: 'zwanger, bsn' } },
    });
    expect(await create({ title: 'Voor het zwаngerschapsverlof' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerTitleScreened'] } });

    expect(await create({ url: 'https://user:pass@spaak.example/' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerUrlUserinfo'] } });
    expect(await create({ url: 'https://spaak.example\\@evil.example/' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerUrlBackslash'] } });
    expect(await create({ url: 'https://spaak.example/\u202Efdp.exe' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerUrlHiddenCharacters'] } });
    expect(await create({ url: 'http://spaak.example/' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerUrlNotHttps'] } });
    expect(await create({ url: 'javascript:alert(1)' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerUrlNotHttps'] } });
    expect(await create({ body: 'Klik <a href="https://spaak.example">hier</a>' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerBodyMarkup'] } });
    expect(await create({ title: '<script>alert(1)</script>' })).toMatchObject({ fieldErrors: { offer: ['marketplace.errors.offerTitleMarkup'] } });
    expect(await written(organisationId)).toEqual({ requests: 0, audit: 0, reservedAccounts: 0 });
    expect(await balances(organisationId)).toEqual({ balance: 10_000, reserved: 0 });

    // An international domain name is accepted and stored as punycode, as members and moderators see it.
    const created = await (await purchases()).create(campaign({ url: 'https://pаypal.example/actie' }));
    expect((await (await purchases()).get({ id: created.id })).offer?.url).toBe('https://xn--pypal-4ve.example/actie');
  });
});

describe('advertiser.purchases list, get and cancel', () => {
  it('lists the own requests newest first, filtered by status', async () => {
    const { purchases } = await advertiser({ topUpCents: 10_000 });
    const first = await (await purchases()).create(report({ title: 'Eerste' }));
    const second = await (await purchases()).create(report({ title: 'Tweede' }));
    await (await purchases()).cancel({ id: first.id });
    expect((await (await purchases()).list({})).map((p) => p.title)).toEqual(['Tweede', 'Eerste']);
    expect((await (await purchases()).list({ status: 'cancelled' })).map((p) => p.id)).toEqual([first.id]);
    expect((await (await purchases()).list({ status: 'pending_review' })).map((p) => p.id)).toEqual([second.id]);
  });

  it('cancel releases the reservation once; cancelling again, or after a decision, is a conflict', async () => {
    const { organisationId, purchases, failed } = await advertiser({ topUpCents: 10_000 });
    const created = await (await purchases()).create(report());
    const cancelled = await (await purchases()).cancel({ id: created.id });
    expect(cancelled).toMatchObject({ id: created.id, status: 'cancelled', reservedCents: created.reservedCents });
    expect(await balances(organisationId)).toEqual({ balance: 10_000, reserved: 0 });
    expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0 });
    const actions = await tdb.db.selectFrom('audit_log').select('action').where('subject_id', '=', created.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['purchase.requested', 'purchase.cancelled']);

    const again = await failed('advertiser.purchases.cancel', (await purchases()).cancel({ id: created.id }));
    expect(again.data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'notCancellable', params: { status: 'cancelled' } } });
    expect(await balances(organisationId)).toEqual({ balance: 10_000, reserved: 0 });

    const decided = await (await purchases()).create(report());
    await (await (await admin()).call()).admin.moderation.decide({ id: decided.id, decision: 'approve' });
    const afterDecision = await failed('advertiser.purchases.cancel', (await purchases()).cancel({ id: decided.id }));
    expect(afterDecision.data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'notCancellable', params: { status: 'approved' } } });
    expect(await balances(organisationId)).toEqual({ balance: 10_000 - decided.reservedCents, reserved: decided.reservedCents });
  });

  it('another organisation gets NOT_FOUND for get and cancel, and sees none of it in its list', async () => {
    const owner = await advertiser({ topUpCents: 10_000 });
    const created = await (await owner.purchases()).create(report());
    const other = await advertiser({ topUpCents: 10_000 });
    expect((await rejection((await other.purchases()).get({ id: created.id }))).code).toBe('NOT_FOUND');
    expect((await rejection((await other.purchases()).cancel({ id: created.id }))).code).toBe('NOT_FOUND');
    expect(await (await other.purchases()).list({})).toEqual([]);
    expect((await (await owner.purchases()).get({ id: created.id })).status).toBe('pending_review');
    expect((await rejection((await owner.purchases()).get({ id: randomUUID() }))).code).toBe('NOT_FOUND');
  });

  it('get returns the strict detail: description in the asked language, nothing more', async () => {
    const { purchases } = await advertiser({ topUpCents: 10_000 });
    const created = await (await purchases()).create(report());
    const detail = await (await purchases()).get({ id: created.id, locale: 'en' });
    expect(detail).toEqual({
      ...created,
      purposeStatement: 'Inzicht in de leeftijd van reizigers in Utrecht voor onze reisfolder.',
      description: 'People in Utrecht who are interested in travel',
      categories: ['profile_age', 'profile_interests', 'profile_region'],
      breakdowns: ['ageBand'],
      offer: null,
      pricePerMemberCents: 2,
      invoiceId: null,
      deliveredAt: null,
      report: null,
      offerStats: null,
    });
  });

  it('is for advertisers only', async () => {
    const adminClient = await admin();
    expect((await rejection((await adminClient.call()).advertiser.purchases.list({}))).code).toBe('FORBIDDEN');
    const signedOut = createTestClient(tdb.db, redis.queues, undefined, { services });
    expect((await rejection((await signedOut.call()).advertiser.purchases.create(report()))).code).toBe('UNAUTHORIZED');
  });
});
