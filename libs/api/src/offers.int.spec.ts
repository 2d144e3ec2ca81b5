import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_BILLING_SETTINGS, dutchDate } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { Db, PurchaseProduct } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { recordDeposit } from '@dd/ledger';
import { fulfilPurchase, reserve } from '@dd/marketplace';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { knownMunicipalities, validateSegment } from '@dd/segments';
import { createAppServices, type AppServices } from './services';
import { rejection } from './testing/actors';
import { verifyMailedAddress } from './testing/mailed-links';
import { createTestClient } from './testing/test-context';

const PASSWORD = 'correct horse battery staple 42';
// k = 10 so a dozen members make an audience; a large estimate epsilon keeps the published counts predictable.
// Epsilons so large that the noise is almost surely zero: which side of k a small audience falls on is predictable.
const PRIVACY: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: 10, cellThreshold: 3, tableEpsilonMicro: 1_000_000, estimateEpsilonMicro: 20_000_000, audienceEpsilonMicro: 20_000_000, campaignStatEpsilonMicro: 20_000_000,
  estimateMonthlyEpsilonMicro: 1_000_000_000, advertiserMonthlyEpsilonMicro: 1_000_000_000, memberMonthlyEpsilonMicro: 1_000_000_000,
};
const TOWNS = [...knownMunicipalities().keys()].slice(0, 3);
const GRANTS = PROFILE_CATEGORY_CODES.flatMap((category) => (['insights', 'offers'] as const).map((purpose) => ({ category, purpose })));
const RESERVED_CENTS = 10_000;

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  services = createAppServices(db, redis.queues, { sessionTtlHours: 1, privacy: PRIVACY });
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});


/** A signed-up customer (address confirmed) who is also an adult audience member in `town` with every profile category granted. */
async function customer(town: string) {
  const client = createTestClient(db, redis.queues, undefined, { services });
  const email = `klant-${randomUUID()}@example.nl`;
  await (await client.call()).auth.signUpCustomer({ displayName: 'Eva Jansen', email, password: PASSWORD });
  // Only a member whose address is proven gets offers.
  await verifyMailedAddress(db, client, email);
  const id = (await (await client.call()).auth.me())!.id;
  const features = { is_adult: true, age_band: '35-44', province: 'NL-UT', municipality: town, household_band: 'two', interests: ['travel'], spend_bands: '{}' as unknown as Record<string, number> };
  await db.insertInto('customer_features').values({ customer_id: id, ...features }).onConflict((oc) => oc.column('customer_id').doUpdateSet(features)).execute();
  await db
    .insertInto('consent_decisions')
    .values(GRANTS.map((g) => ({ customer_id: id, change_id: randomUUID(), ...g, granted: true, policy_version: 'test', policy_text_hash: 'test', source: 'test' })))
    .execute();
  return { client, id };
}

async function advertiser(organisationName: string) {
  const client = createTestClient(db, redis.queues, undefined, { services });
  await (await client.call()).auth.signUpAdvertiser({ displayName: 'Sanne de Vries', email: `adv-${randomUUID()}@example.nl`, password: PASSWORD, organisationName, locale: 'nl' });
  const organisationId = (await (await client.call()).auth.me())!.organisation!.id;
  await recordDeposit(db, { organisationId, amountCents: 2 * RESERVED_CENTS, idempotencyKey: `deposit:${randomUUID()}` });
  // Fulfilment serves verified organisations only, as moderation approves only theirs.
  await db.updateTable('organisations').set({ status: 'verified' }).where('id', '=', organisationId).execute();
  return { client, organisationId };
}

async function others(town: string, count: number) {
  for (let i = 0; i < count; i++) {
    await insertAudienceMember(db, {
      features: { isAdult: true, ageBand: '25-34', province: 'NL-UT', municipality: town, householdBand: 'single', interests: [], spendBands: {} },
      grants: GRANTS,
    });
  }
}

/** An approved request with its reservation, as moderation leaves it, fulfilled by the worker's function. */
async function delivered(organisationId: string, product: PurchaseProduct, town: string) {
  const segment = { field: 'municipality', in: [town] };
  const offer = product === 'offer_campaign';
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('purchase_requests')
      .values({
        organisation_id: organisationId, product, purpose: offer ? 'offers' : 'insights', title: offer ? 'Voorjaarsactie' : 'Fietsers in Utrecht',
        purpose_statement: 'We want to understand who rides a bike to work here.', segment: JSON.stringify(segment),
        canonical_key: createHash('sha256').update(JSON.stringify(segment)).digest('hex'), categories: validateSegment(segment).categories,
        breakdowns: offer ? [] : ['ageBand', 'householdBand'], offer_title: offer ? '20% korting op een e-bike' : null, offer_body: offer ? 'Alleen deze maand.' : null,
        offer_url: offer ? 'https://example.nl/e-bike' : null, offer_ends_on: offer ? dutchDate(new Date(Date.now() + 7 * 86_400_000)) : null,
        estimated_members: 13, max_members: 20, price_per_member_cents: 50, reserved_cents: RESERVED_CENTS, status: 'approved',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await reserve(trx, { id, organisation_id: organisationId, reserved_cents: RESERVED_CENTS });
    return id;
  });
  const outcome = await fulfilPurchase({ db, queues: redis.queues, privacy: PRIVACY, billing: DEFAULT_BILLING_SETTINGS }, id);
  expect(outcome).toMatchObject({ status: 'delivered' });
  return id;
}

describe('the offers inbox (customer)', () => {
  it('shows a delivered offer, records open and click once, hides it when dismissed, and keeps it from anyone else', async () => {
    const eva = await customer(TOWNS[0]!);
    const jan = await customer(TOWNS[2]!);
    await others(TOWNS[0]!, 12);
    const { client: adv, organisationId } = await advertiser('Fietsenwinkel De Spaak');
    const id = await delivered(organisationId, 'offer_campaign', TOWNS[0]!);

    const inbox = await (await eva.client.call()).offers.inbox();
    expect(inbox).toEqual([
      {
        requestId: id, advertiser: 'Fietsenwinkel De Spaak', deliveredAt: expect.any(String), openedAt: null, clickedAt: null, expired: false,
        purposeStatement: 'We want to understand who rides a bike to work here.',
        offer: { title: '20% korting op een e-bike', body: 'Alleen deze maand.', url: 'https://example.nl/e-bike', code: null, endsOn: expect.any(String) },
      },
    ]);
    expect(await (await jan.client.call()).offers.inbox()).toEqual([]);
    // The purchase form promises members see the purpose: on the offer (above) and with the sale in their timeline.
    expect(await (await eva.client.call()).privacy.timeline()).toEqual([
      expect.objectContaining({ advertiserName: 'Fietsenwinkel De Spaak', product: 'offer_campaign', purpose: 'offers', purposeStatement: 'We want to understand who rides a bike to work here.' }),
    ]);
    expect(await (await jan.client.call()).privacy.timeline()).toEqual([]);
    for (const action of ['open', 'click', 'dismiss'] as const) {
      expect((await rejection((await jan.client.call()).offers[action]({ requestId: id }))).code).toBe('NOT_FOUND');
    }

    const opened = await (await eva.client.call()).offers.open({ requestId: id });
    expect(opened.openedAt).toEqual(expect.any(String));
    expect((await (await eva.client.call()).offers.open({ requestId: id })).openedAt).toBe(opened.openedAt);
    expect(await (await eva.client.call()).offers.click({ requestId: id })).toEqual({ url: 'https://example.nl/e-bike' });
    const [clicked] = await (await eva.client.call()).offers.inbox();
    expect(clicked).toMatchObject({ openedAt: opened.openedAt, clickedAt: expect.any(String) });

    // The advertiser sees totals only: delivered as the released audience; opens and clicks not before the first scheduled release.
    const detail = await (await adv.call()).advertiser.purchases.get({ id, locale: 'en' });
    expect(detail.offerStats).toMatchObject({ delivered: { kind: 'about', value: 13 }, opened: null, clicked: null, releasedAt: null, nextReleaseAt: expect.any(String) });
    expect(detail.invoiceId).toEqual(expect.any(String));
    expect(JSON.stringify(detail)).not.toContain(eva.id);

    expect(await (await eva.client.call()).offers.dismiss({ requestId: id })).toEqual({ dismissed: true });
    expect(await (await eva.client.call()).offers.dismiss({ requestId: id })).toEqual({ dismissed: true });
    expect(await (await eva.client.call()).offers.inbox()).toEqual([]);
    expect((await rejection((await eva.client.call()).offers.open({ requestId: id }))).code).toBe('NOT_FOUND');
    expect((await rejection((await adv.call()).offers.inbox())).code).toBe('FORBIDDEN');
  });
});

describe('the delivered insight report (advertiser)', () => {
  it('downloads as CSV for the own organisation only, and shows in the request detail', async () => {
    await others(TOWNS[1]!, 14);
    const { client: adv, organisationId } = await advertiser('Supermarkt Noord');
    const id = await delivered(organisationId, 'insight_report', TOWNS[1]!);

    const file = await (await adv.call()).advertiser.reports.csv({ id, locale: 'en' });
    expect(file.fileName).toBe('insight-report-fietsers-in-utrecht.csv');
    const lines = file.csv.trim().split('\n');
    expect(lines[0]).toBe('Breakdown,Group,Count (with noise),Note,Epsilon');
    const detail = await (await adv.call()).advertiser.purchases.get({ id, locale: 'nl' });
    expect(detail.report?.epsilon).toBe('2');
    const cells = detail.report!.tables.flatMap((t) => t.cells);
    expect(lines).toHaveLength(cells.length + 1);
    expect(lines.some((line) => /^ageBand,25-34,\d+,,1$/.test(line))).toBe(true);

    const other = await advertiser('Iemand Anders');
    expect((await rejection((await other.client.call()).advertiser.reports.csv({ id, locale: 'en' }))).code).toBe('NOT_FOUND');
    const offer = await delivered(organisationId, 'offer_campaign', TOWNS[1]!);
    expect((await rejection((await adv.call()).advertiser.reports.csv({ id: offer, locale: 'en' }))).code).toBe('NOT_FOUND');
    const someone = await customer(TOWNS[2]!);
    expect((await rejection((await someone.client.call()).advertiser.reports.csv({ id, locale: 'en' }))).code).toBe('FORBIDDEN');
  });
});
