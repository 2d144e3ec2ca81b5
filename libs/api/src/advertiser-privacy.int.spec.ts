import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_BILLING_SETTINGS } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { CreatePurchaseInput } from '@dd/contract';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { auditLedger } from '@dd/ledger';
import { billedQuantity, fulfilPurchase, maxMembersFor, reservationFor } from '@dd/marketplace';
import { DEFAULT_PRIVACY_SETTINGS, presentEstimate, type PrivacySettings } from '@dd/privacy';
import { DEFAULT_PRODUCT_PRICES } from '@dd/segments';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { advertiserReachable } from './testing/advertiser-surface';
import { signedInAdmin, signedUpAdvertiser, TEST_PASSWORD as PASSWORD } from './testing/actors';
import { createTestClient } from './testing/test-context';

/**
 * The privacy promise, by response: an advertiser who has bought a report and a campaign calls
 * every procedure they can reach; nothing that comes back names a customer, and every number about
 * members is a release of the privacy accountant (or arithmetic on releases and settings), checked
 * against the ledger. The attacks themselves, with their controls, are in privacy-attacks/.
 */
const K = 10;
const privacy: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimateEpsilonMicro: 10_000_000, estimateMonthlyEpsilonMicro: 1_000_000_000, audienceEpsilonMicro: 10_000_000, memberMonthlyEpsilonMicro: 1_000_000_000, advertiserMonthlyEpsilonMicro: 1_000_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000 };

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
  it('buys travellers in Utrecht, then the same minus the one who also games: no exact comparison decides, both are paid releases', async () => {
    const { client, organisationId } = await signedInAdvertiser();
    const first = await (await client.call()).advertiser.purchases.create(report(utrechtTravellers, 'Reizigers in Utrecht'));
    expect((await approveAndFulfil(first.id)).status).toBe('delivered');

    const minusOne = { op: 'all', of: [utrechtTravellers, { op: 'not', of: { field: 'interest', in: ['gaming'] } }] };
    const second = await (await client.call()).advertiser.purchases.create(report(minusOne, 'Reizigers zonder gamers'));
    // A "differencing" refusal here would tell the advertiser that the gamer is among the travellers.
    expect((await approveAndFulfil(second.id)).status).toBe('delivered');
    const detail = await (await client.call()).advertiser.purchases.get({ id: second.id, locale: 'nl' });
    expect(detail).toMatchObject({ status: 'delivered', failure: null });
    // Each delivery was decided on its own audience release, charged to the organisation.
    const audiences = await tdb.db.selectFrom('privacy_releases').select('release_key').where('kind', '=', 'audience').where('organisation_id', '=', organisationId).execute();
    expect(audiences.map((a) => a.release_key)).toEqual(expect.arrayContaining([`purchase:${first.id}`, `purchase:${second.id}`]));
    expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0 });
  });
});

describe('every procedure an advertiser can reach, called after real purchases', () => {
  it('never returns a customer id or email, whatever the procedure', async () => {
    const { client, organisationId } = await signedInAdvertiser();
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
      'auth.twoFactorVerify': async () => (await api()).auth.twoFactorVerify({ token: 'a'.repeat(43), code: '123456' }),
      'auth.twoFactorConfirmSetUp': async () => (await api()).auth.twoFactorConfirmSetUp({ token: 'a'.repeat(43), code: '123456' }),
      'auth.twoFactorFinishSetUp': async () => (await api()).auth.twoFactorFinishSetUp({ token: 'a'.repeat(43) }),
      'auth.verifyEmail': async () => (await api()).auth.verifyEmail({ token: 'a'.repeat(43) }),
      'auth.requestPasswordReset': async () => (await api()).auth.requestPasswordReset({ email: 'nobody@example.nl' }),
      'auth.checkPasswordReset': async () => (await api()).auth.checkPasswordReset({ token: 'a'.repeat(43) }),
      'auth.resetPassword': async () => (await api()).auth.resetPassword({ token: 'a'.repeat(43), password: 'Regenboog-Molen-77' }),
      'account.emailStatus': async () => (await api()).account.emailStatus(),
      'account.resendVerification': async () => (await api()).account.resendVerification(),
      'account.sessions': async () => (await api()).account.sessions(),
      // A second session of the advertiser's, ended from this one.
      'account.endSession': async () => {
        await services.sessions.issue((await (await api()).auth.me())!.id);
        const other = (await (await api()).account.sessions()).find((session) => !session.current)!;
        return (await api()).account.endSession({ sessionId: other.id });
      },
      'account.endOtherSessions': async () => (await api()).account.endOtherSessions(),
      'account.signOutEverywhere': async () => {
        const other = createTestClient(tdb.db, redis.queues, undefined, { services });
        await (await other.call()).auth.signUpAdvertiser({ displayName: 'Derde Account', email: `c-${randomUUID()}@example.nl`, password: PASSWORD, organisationName: 'Derde B.V.' });
        return (await other.call()).account.signOutEverywhere();
      },
      'account.sessionEndNotice': async () => (await api()).account.sessionEndNotice(),
      'account.requestEmailChange': async () => (await api()).account.requestEmailChange({ email: `nieuw-${randomUUID()}@example.nl`, currentPassword: PASSWORD }),
      'account.emailChange': async () => (await api()).account.emailChange(),
      'account.cancelEmailChange': async () => (await api()).account.cancelEmailChange(),
      'account.confirmEmailChange': async () => (await api()).account.confirmEmailChange({ token: 'a'.repeat(43) }),
      // This session stays signed in, so the calls after it still answer.
      'account.changePassword': async () => (await api()).account.changePassword({ currentPassword: PASSWORD, newPassword: 'Regenboog-Molen-77' }),
      'reference.all': async () => (await api()).reference.all(),
      'reference.industries': async () => (await api()).reference.industries(),
      'reference.operator': async () => (await api()).reference.operator(),
      'reference.segmentOptions': async () => (await api()).reference.segmentOptions(),
      'advertiser.organisation': async () => (await api()).advertiser.organisation(),
      'advertiser.updateOrganisation': async () => (await api()).advertiser.updateOrganisation({
          name: 'Bakker Media B.V.', kvkNumber: '12345678', vatNumber: 'NL123456782B01', contactName: 'Joost Bakker', contactEmail: 'inkoop@bakkermedia.nl', industry: 'retail',
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
      'advertiser.purchases.check': async () => (await api()).advertiser.purchases.check({ product: 'insight_report', segment: utrechtTravellers, breakdowns: ['ageBand'], locale: 'nl' }),
      'advertiser.purchases.budget': async () => (await api()).advertiser.purchases.budget(),
      'advertiser.reports.csv': async () => (await api()).advertiser.reports.csv({ id: reportRequest.id, locale: 'nl' }),
      'billing.summary': async () => (await api()).billing.summary(),
      'billing.invoices': async () => (await api()).billing.invoices(),
      'billing.invoice': async () => (await api()).billing.invoice({ invoiceId: invoiceId! }),
      // The advertiser's own news (purchases approved and delivered): names the purchase, never a member.
      'notifications.list': async () => (await api()).notifications.list({ locale: 'nl' }),
      'notifications.unreadCount': async () => (await api()).notifications.unreadCount(),
      'notifications.markRead': async () => (await api()).notifications.markRead({ all: true }),
      'notifications.preferences.get': async () => (await api()).notifications.preferences.get(),
      'notifications.preferences.set': async () => (await api()).notifications.preferences.set({ kind: 'purchases.delivered', mail: false }),
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
    // Every value about members traces to the accountant's ledger (RELEASED_FIELDS names them all).
    const releases = await tdb.db.selectFrom('privacy_releases').select(['kind', 'release_key', 'value']).where('organisation_id', '=', organisationId).execute();
    const releasedValue = (kind: string, key: string) => releases.find((r) => r.kind === kind && r.release_key === key)?.value;
    const shownEstimates = new Set(releases.filter((r) => r.kind === 'estimate').map((r) => JSON.stringify(presentEstimate(r.value as number, K))));
    type Purchase = { id: string; product: string; estimate: { kind: string; value?: number }; reservedCents: number; chargedCents: number | null; status: string };
    const parsed = (path: string) => JSON.parse(responses[path]!) as unknown;
    expect(shownEstimates.has(JSON.stringify((parsed('advertiser.estimate') as { estimate: unknown }).estimate))).toBe(true);
    const price = (product: string) => (product === 'insight_report' ? DEFAULT_PRODUCT_PRICES.insightReportCents : DEFAULT_PRODUCT_PRICES.offerCampaignCents);
    for (const purchase of parsed('advertiser.purchases.list') as Purchase[]) {
      expect(shownEstimates.has(JSON.stringify(purchase.estimate))).toBe(true);
      expect(purchase.reservedCents).toBe(reservationFor({ estimate: purchase.estimate.value!, pricePerMemberCents: price(purchase.product), vatRateBp: DEFAULT_BILLING_SETTINGS.vatRateBp }).totalCents);
      if (purchase.status !== 'delivered') continue;
      const audience = releasedValue('audience', `purchase:${purchase.id}`) as number;
      expect(purchase.chargedCents).toBe(billedQuantity(audience, maxMembersFor(purchase.estimate.value!)) * price(purchase.product));
    }
    const [reportDetail, offerDetail] = parsed('advertiser.purchases.get') as [{ report: { tables: { cells: { cell: string; count: number | null }[] }[] } }, { offerStats: unknown }];
    const reportRelease = releasedValue('report', `purchase:${reportRequest.id}`) as { tables: { cells: { key: string; suppressed: boolean; count?: number }[] }[] };
    expect(reportDetail.report.tables.map((t) => t.cells)).toEqual(reportRelease.tables.map((t) => t.cells.map((c) => ({ cell: c.key, count: c.suppressed ? null : c.count }))));
    const csvCounts = (parsed('advertiser.reports.csv') as { csv: string }).csv.split('\n').slice(1).map((line) => line.split(',')[2]).filter((n) => n && /^-?\d+$/.test(n)).map(Number);
    expect(csvCounts.sort()).toEqual(reportRelease.tables.flatMap((t) => t.cells.flatMap((c) => (c.suppressed ? [] : [c.count!]))).sort());
    const offerAudience = releasedValue('audience', `purchase:${offerRequest.id}`) as number;
    // Before the first scheduled release of its statistics, a campaign shows its released audience only.
    expect(offerDetail.offerStats).toMatchObject({ delivered: presentEstimate(offerAudience, K), opened: null, clicked: null });
    const invoice = parsed('billing.invoice') as { lines: { quantity: number }[] };
    const invoicedAudiences = [reportRequest, offerRequest].map((r) => billedQuantity(releasedValue('audience', `purchase:${r.id}`) as number, maxMembersFor(r.estimate.kind === 'about' ? r.estimate.value : 0)));
    expect(invoicedAudiences).toContain(invoice.lines[0]!.quantity);

    const leaks = Object.entries(responses).flatMap(([path, text]) => secrets.filter((secret) => text.includes(secret)).map((secret) => `${path} returned ${secret}`));
    expect(leaks).toEqual([]);
    // The calls did what they should (so the scan read real content, not errors); only the wrong password, the
    // second steps of a sign-in that never happened and the links that were never mailed are refused.
    expect(Object.entries(responses).filter(([, text]) => text.startsWith('error:')).map(([path]) => path)).toEqual(['auth.signIn', 'auth.twoFactorVerify', 'auth.twoFactorConfirmSetUp', 'auth.twoFactorFinishSetUp', 'auth.verifyEmail', 'auth.resetPassword', 'account.confirmEmailChange']);
    expect(responses['advertiser.purchases.get']).toContain('"status":"delivered"');
    expect(responses['advertiser.reports.csv']).toContain('csv');
    expect(responses['billing.invoice']).toContain(invoiceId!);
    // The scan can fail: a response carrying a customer id would be caught.
    expect(secrets.some((secret) => JSON.stringify({ leaked: secrets[0] }).includes(secret))).toBe(true);
  });
});
