import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_BILLING_SETTINGS } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { CreatePurchaseInput } from '@dd/contract';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { auditLedger } from '@dd/ledger';
import { fulfilPurchase } from '@dd/marketplace';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { advertiserReachable } from './testing/advertiser-surface';
import { signedInAdmin, signedUpAdvertiser, TEST_PASSWORD as PASSWORD } from './testing/actors';
import { createTestClient } from './testing/test-context';

/**
 * The privacy promise, by response: an advertiser who has bought a report and a campaign calls
 * every procedure they can reach, and nothing that comes back names a customer. The differencing
 * attack is then repeated as an advertiser would try it: buy a segment, then the same segment
 * minus one person, and see the second purchase refused (the averaging attack through the API is
 * in audience.int.spec.ts).
 */
const K = 10;
const privacy: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000 };

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
/** Everything that identifies a customer of this world: ids, emails. */
let secrets: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy });
  const grants = [...PROFILE_CATEGORY_CODES, 'groceries'].flatMap((category) => [{ category, purpose: 'insights' as const }, { category, purpose: 'offers' as const }]);
  // 40 travellers in Utrecht, one of whom also likes gaming (the person an attacker wants to single out), 30 in Gelderland.
  for (let i = 0; i < 40; i++) {
    const interests = i === 0 ? ['travel', 'gaming'] : ['travel'];
    await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-UT', interests, spendBands: { groceries: (i % 5) + 1 } }, grants });
  }
  for (let i = 0; i < 30; i++) await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-GE', interests: ['sport'] }, grants });
  const customers = await tdb.db.selectFrom('users').select(['id', 'email', 'member_no']).where('role', '=', 'customer').execute();
  secrets = customers.flatMap((c) => [c.id, c.email]);
}, 60_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

async function signedInAdvertiser() {
  return signedUpAdvertiser({ db: tdb.db, queues: redis.queues, services }, { organisationName: 'Bakker Media B.V.', withDetails: true, verified: true, depositCents: 100_000 });
}

async function approveAndFulfil(requestId: string) {
  const { client: admin } = await signedInAdmin({ db: tdb.db, queues: redis.queues, services });
  await (await admin.call()).admin.moderation.decide({ id: requestId, decision: 'approve' });
  // What the worker's `marketplace.fulfil` job runs.
  return fulfilPurchase({ db: tdb.db, queues: redis.queues, privacy, billing: DEFAULT_BILLING_SETTINGS }, requestId);
}

const utrechtTravellers = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] };
const report = (segment: unknown, title: string): CreatePurchaseInput => ({
  product: 'insight_report', title, purposeStatement: 'Inzicht in de leeftijd van reizigers in Utrecht voor onze reisfolder.', segment, breakdowns: ['ageBand', 'spend:groceries'],
});
const campaign = (segment: unknown): CreatePurchaseInput => ({
  product: 'offer_campaign', title: 'Najaarsactie', purposeStatement: 'Sporters in Gelderland korting geven op hun nieuwe schoenen.', segment,
  offer: { title: 'Korting op schoenen', body: 'Tien procent korting in onze winkel.', code: 'SPORT10', endsOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) },
});

describe('an advertiser tries to single out a person', () => {
  it('buys travellers in Utrecht, then the same minus the one who also games: the second delivery is refused', async () => {
    const { client } = await signedInAdvertiser();
    const first = await (await client.call()).advertiser.purchases.create(report(utrechtTravellers, 'Reizigers in Utrecht'));
    expect((await approveAndFulfil(first.id)).status).toBe('delivered');

    const minusOne = { op: 'all', of: [utrechtTravellers, { op: 'not', of: { field: 'interest', in: ['gaming'] } }] };
    const second = await (await client.call()).advertiser.purchases.create(report(minusOne, 'Reizigers zonder gamers'));
    expect((await approveAndFulfil(second.id)).status).toBe('failed');
    const detail = await (await client.call()).advertiser.purchases.get({ id: second.id, locale: 'nl' });
    expect(detail).toMatchObject({ status: 'failed', failure: { code: 'differencing', params: { k: K } }, report: null, chargedCents: null });
    // Nothing was charged for it: the reservation went back, and the books still balance.
    expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0 });
  });
});

describe('every procedure an advertiser can reach, called after real purchases', () => {
  it('never returns a customer id or email, whatever the procedure', async () => {
    const { client } = await signedInAdvertiser();
    const api = async () => client.call();
    const reportRequest = await (await api()).advertiser.purchases.create(report(utrechtTravellers, 'Leeftijden van reizigers'));
    await approveAndFulfil(reportRequest.id);
    const offerRequest = await (await api()).advertiser.purchases.create(campaign({ field: 'province', in: ['NL-GE'] }));
    await approveAndFulfil(offerRequest.id);
    const pending = await (await api()).advertiser.purchases.create(report({ field: 'province', in: ['NL-GE'] }, 'Sporters in Gelderland'));
    const saved = await (await api()).advertiser.segments.save({ name: 'Reizigers', segment: utrechtTravellers, locale: 'nl' });
    const invoiceId = (await (await api()).billing.invoices())[0]?.id;
    expect(invoiceId).toBeDefined();

    // One call per reachable procedure; a procedure without an entry here fails the test until it gets one.
    const calls: Record<string, () => Promise<unknown>> = {
      'auth.me': async () => (await api()).auth.me(),
      'auth.signUpCustomer': async () => (await createTestClient(tdb.db, redis.queues, undefined, { services }).call()).auth.signUpCustomer({ displayName: 'Nieuwe Klant', email: `k-${randomUUID()}@example.nl`, password: PASSWORD }),
      'auth.signUpAdvertiser': async () => (await createTestClient(tdb.db, redis.queues, undefined, { services }).call()).auth.signUpAdvertiser({ displayName: 'Nieuwe Adverteerder', email: `a-${randomUUID()}@example.nl`, password: PASSWORD, organisationName: 'Nieuw B.V.' }),
      'auth.signIn': async () => (await createTestClient(tdb.db, redis.queues, undefined, { services }).call()).auth.signIn({ email: 'nobody@example.nl', password: PASSWORD }),
      'auth.signOut': async () => {
        const other = createTestClient(tdb.db, redis.queues, undefined, { services });
        await (await other.call()).auth.signUpAdvertiser({ displayName: 'Tweede Account', email: `b-${randomUUID()}@example.nl`, password: PASSWORD, organisationName: 'Tweede B.V.' });
        return (await other.call()).auth.signOut();
      },
      'account.setLocale': async () => (await api()).account.setLocale({ locale: 'nl' }),
      'reference.all': async () => (await api()).reference.all(),
      'reference.industries': async () => (await api()).reference.industries(),
      'reference.segmentOptions': async () => (await api()).reference.segmentOptions(),
      'advertiser.organisation': async () => (await api()).advertiser.organisation(),
      'advertiser.updateOrganisation': async () => (await api()).advertiser.updateOrganisation({
          name: 'Bakker Media B.V.', kvkNumber: '12345678', vatNumber: 'NL123456789B01', contactName: 'Joost Bakker', contactEmail: 'inkoop@bakkermedia.nl', industry: 'retail',
        }),
      'advertiser.estimate': async () => (await api()).advertiser.estimate({ segment: utrechtTravellers, purpose: 'insights' }),
      'advertiser.prices': async () => (await api()).advertiser.prices(),
      'advertiser.segments.list': async () => (await api()).advertiser.segments.list({ locale: 'nl' }),
      'advertiser.segments.get': async () => (await api()).advertiser.segments.get({ id: saved.id, locale: 'nl' }),
      'advertiser.segments.save': async () => (await api()).advertiser.segments.save({ id: saved.id, name: 'Reizigers Utrecht', segment: utrechtTravellers, locale: 'nl' }),
      'advertiser.segments.rename': async () => (await api()).advertiser.segments.rename({ id: saved.id, name: 'Reizigers (Utrecht)' }),
      'advertiser.segments.delete': async () => (await api()).advertiser.segments.delete({ id: saved.id }),
      'advertiser.purchases.create': async () => (await api()).advertiser.purchases.create(report({ field: 'province', in: ['NL-UT'] }, 'Utrecht')),
      'advertiser.purchases.list': async () => (await api()).advertiser.purchases.list({ locale: 'nl' }),
      'advertiser.purchases.get': async () => Promise.all([reportRequest.id, offerRequest.id].map(async (id) => (await api()).advertiser.purchases.get({ id, locale: 'nl' }))),
      'advertiser.purchases.cancel': async () => (await api()).advertiser.purchases.cancel({ id: pending.id }),
      'advertiser.reports.csv': async () => (await api()).advertiser.reports.csv({ id: reportRequest.id, locale: 'nl' }),
      'billing.summary': async () => (await api()).billing.summary(),
      'billing.invoices': async () => (await api()).billing.invoices(),
      'billing.invoice': async () => (await api()).billing.invoice({ invoiceId: invoiceId! }),
    };
    expect(advertiserReachable.map((p) => p.path).filter((path) => !(path in calls))).toEqual([]);

    const responses: Record<string, string> = {};
    for (const [path, call] of Object.entries(calls)) {
      // A refusal is a response too: its message must not name anyone either.
      responses[path] = await call().then(
        (value) => JSON.stringify(value) ?? 'undefined',
        (error: unknown) => `error: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const leaks = Object.entries(responses).flatMap(([path, text]) => secrets.filter((secret) => text.includes(secret)).map((secret) => `${path} returned ${secret}`));
    expect(leaks).toEqual([]);
    // The calls did what they should (so the scan read real content, not errors); only the wrong password is refused.
    expect(Object.entries(responses).filter(([, text]) => text.startsWith('error:')).map(([path]) => path)).toEqual(['auth.signIn']);
    expect(responses['advertiser.purchases.get']).toContain('"status":"delivered"');
    expect(responses['advertiser.reports.csv']).toContain('csv');
    expect(responses['billing.invoice']).toContain(invoiceId!);
    // The scan can fail: a response carrying a customer id would be caught.
    expect(secrets.some((secret) => JSON.stringify({ leaked: secrets[0] }).includes(secret))).toBe(true);
  });
});
