import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDelivery } from '@dd/audience';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { CreatePurchaseInput, ModerationItem } from '@dd/contract';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { accountBalance, auditLedger } from '@dd/ledger';
import { requeueApprovedPurchases } from '@dd/marketplace';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { canonicalKey, validateSegment } from '@dd/segments';
import { createAppServices, type AppServices } from './services';
import { rejection, signedInAdmin, signedUpAdvertiser } from './testing/actors';

const K = 10;
// A large epsilon keeps the noise near zero, so which side of k an audience falls on is predictable.
const privacy: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimateEpsilonMicro: 10_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000 };

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy });
  const grants = PROFILE_CATEGORY_CODES.flatMap((category) => [{ category, purpose: 'insights' as const }, { category, purpose: 'offers' as const }]);
  // Two groups of different sizes (40 and 20), so a delivery of one is never within k of the other.
  for (let i = 0; i < 40; i++) await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-UT', interests: ['travel'] }, grants });
  for (let i = 0; i < 20; i++) await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-GE', interests: ['sport'] }, grants });
}, 60_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});


async function advertiser(name = 'Fietsenwinkel De Spaak', withServices = services) {
  const world = { db: tdb.db, queues: redis.queues, services: withServices };
  const { client, organisationId } = await signedUpAdvertiser(world, { organisationName: name, verified: true, depositCents: 1_000_000 });
  const purchases = async () => (await client.call()).advertiser.purchases;
  return { client, organisationId, purchases, create: async (input: CreatePurchaseInput) => (await purchases()).create(input) };
}

async function admin(withServices = services) {
  const { client, id } = await signedInAdmin({ db: tdb.db, queues: redis.queues, services: withServices });
  return { client, id, moderation: async () => (await client.call()).admin.moderation };
}

const utrecht = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] };
const gelderland = { field: 'province', in: ['NL-GE'] };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const report = (overrides: Partial<Extract<CreatePurchaseInput, { product: 'insight_report' }>> = {}): CreatePurchaseInput => ({
  product: 'insight_report',
  title: 'Reizigers in Utrecht',
  purposeStatement: 'Inzicht in de leeftijd van reizigers in Utrecht voor onze reisfolder.',
  segment: utrecht,
  breakdowns: ['ageBand'],
  ...overrides,
});
const campaign = (body: string, segment: unknown = utrecht): CreatePurchaseInput => ({
  product: 'offer_campaign',
  title: 'Najaarsactie',
  purposeStatement: 'Reizigers korting geven op een onderhoudsbeurt voor hun fiets.',
  segment,
  offer: { title: 'Korting op onderhoud', body, url: 'https://spaak.example/actie', endsOn: inDays(30) },
});

/** A request written straight to the table, as an older version (or a bug) might have left it: no reservation. */
async function insertRawRequest(organisationId: string, segment: unknown, categories: string[]) {
  const { id } = await tdb.db
    .insertInto('purchase_requests')
    .values({
      organisation_id: organisationId, product: 'insight_report', purpose: 'insights', title: 'Ouder verzoek',
      purpose_statement: 'Inzicht in de klanten van onze winkels in Nederland.', segment: JSON.stringify(segment),
      canonical_key: canonicalKey(segment as never), categories, breakdowns: ['ageBand'], estimated_members: 40, max_members: 44,
      price_per_member_cents: 2, reserved_cents: 106,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const failing = (item: ModerationItem | undefined) => item?.checks.filter((check) => !check.passed).map((check) => check.code);
const check = (item: ModerationItem | undefined, code: string) => item?.checks.find((c) => c.code === code);

describe('admin.moderation.queue', () => {
  it('lists pending requests oldest first, with every check passing for clean requests', async () => {
    const adv = await advertiser('Bakkerij de Graaf B.V.');
    const first = await adv.create(report());
    const second = await adv.create(campaign('Tien procent korting op elke onderhoudsbeurt deze maand.'));
    const withdrawn = await adv.create(report({ title: 'Toch niet' }));
    await (await adv.purchases()).cancel({ id: withdrawn.id });

    const queue = await (await (await admin()).moderation()).queue({ locale: 'nl' });
    const createdAt = queue.map((item) => item.createdAt);
    expect(createdAt).toEqual([...createdAt].sort());
    expect(queue.every((item) => item.status === 'pending_review')).toBe(true);
    const mine = queue.filter((item) => item.organisation.id === adv.organisationId);
    expect(mine.map((item) => item.id)).toEqual([first.id, second.id]);
    for (const item of mine) expect(failing(item)).toEqual([]);

    expect(mine[1]).toMatchObject({
      title: 'Najaarsactie',
      product: 'offer_campaign',
      purpose: 'offers',
      description: 'Mensen in Utrecht die interesse hebben in reizen',
      offer: { title: 'Korting op onderhoud', body: 'Tien procent korting op elke onderhoudsbeurt deze maand.', url: 'https://spaak.example/actie', code: null, endsOn: inDays(30) },
      estimate: second.estimate,
      reservedCents: second.reservedCents,
      organisation: { id: adv.organisationId, name: 'Bakkerij de Graaf B.V.', status: 'verified', industry: null },
      history: { requests: 3, delivered: 0, rejected: 0, cancelled: 1, failed: 0 },
    });
    expect(check(mine[0], 'audienceAboveMinimum')?.params).toMatchObject({ k: K, estimate: expect.any(Number) });
    expect(check(mine[0], 'balanceReserved')?.params).toEqual({ reservedCents: first.reservedCents, ledgerCents: first.reservedCents });
    // A report has no offer text: no screening check is listed for it.
    expect(check(mine[0], 'offerScreened')).toBeUndefined();
  });

  it('fails each check where it should', async () => {
    const adv = await advertiser('Reisbureau Zon B.V.');
    const screened = await adv.create(campaign('Zwanger? Stuur ons je BSN en lees meer op http://zon.example/zwanger'));
    const vague = await adv.create(report({ purposeStatement: 'xxxxxxxxxxxxxxxxxxxxxxxxx' }));
    const close = await adv.create(campaign('Tien procent korting op sportschoenen.', gelderland));
    const health = await insertRawRequest(adv.organisationId, { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'spend', category: 'health', min: 1, max: 5 }] }, ['health', 'profile_region']);
    const nobody = await insertRawRequest(adv.organisationId, { field: 'province', in: ['NL-FR'] }, ['profile_region']);

    // An earlier delivery to all of Gelderland but one member: delivering Gelderland now would single that member out.
    const { tree, categories } = validateSegment(gelderland);
    const memberNos = await services.audience.memberNumbers({ tree, categories, purpose: 'offers', industry: null });
    expect(memberNos.length).toBe(20);
    await tdb.db.transaction().execute((trx) => recordDelivery(trx, { jobKey: `earlier-${randomUUID()}`, organisationId: adv.organisationId, purpose: 'offers', memberNos: memberNos.subarray(1) }, K));

    const unverified = await advertiser('Nog Niet Geverifieerd B.V.');
    const later = await unverified.create(report());
    await tdb.db.updateTable('organisations').set({ status: 'unverified' }).where('id', '=', unverified.organisationId).execute();

    const queue = await (await (await admin()).moderation()).queue({ locale: 'en' });
    const item = (id: string) => queue.find((i) => i.id === id);

    expect(failing(item(screened.id))).toEqual(['offerScreened']);
    expect(check(item(screened.id), 'offerScreened')?.params).toEqual({ words: 'zwanger, bsn', topics: 'pregnancy, bsn', links: 'http://zon.example/zwanger' });
    expect(failing(item(vague.id))).toEqual(['purposeGiven']);
    expect(failing(item(close.id))).toEqual(['differencing']);
    expect(failing(item(health))).toEqual(['noSpecialCategories', 'audienceAboveMinimum', 'differencing', 'balanceReserved']);
    expect(check(item(health), 'noSpecialCategories')?.params).toEqual({ kind: 'restricted', subject: 'Health' });
    expect(failing(item(nobody))).toEqual(['audienceAboveMinimum', 'balanceReserved']);
    expect(check(item(nobody), 'audienceAboveMinimum')?.params).toEqual({ k: K });
    expect(failing(item(later.id))).toEqual(['advertiserVerified']);
    expect(item(later.id)?.organisation.status).toBe('unverified');
  });

  it('is for admins only', async () => {
    const adv = await advertiser();
    expect((await rejection((await adv.client.call()).admin.moderation.queue({})))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await rejection((await adv.client.call()).admin.moderation.decide({ id: randomUUID(), decision: 'approve' })))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('admin.moderation.decide', () => {
  it('approve: decided by the admin, audited, and exactly one fulfilment job; a second decision is a conflict', async () => {
    const ownQueues = createTestQueues();
    try {
      const ownServices = createAppServices(tdb.db, ownQueues.queues, { sessionTtlHours: 1, privacy });
      const adv = await advertiser('Supermarkt Noord', ownServices);
      const created = await adv.create(report());
      const moderator = await admin(ownServices);

      expect(await (await moderator.moderation()).decide({ id: created.id, decision: 'approve' })).toEqual({ id: created.id, status: 'approved' });
      const row = await tdb.db.selectFrom('purchase_requests').select(['status', 'decided_by', 'decided_at', 'decision_reason']).where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'approved', decided_by: moderator.id, decision_reason: null });
      expect(row.decided_at).toBeInstanceOf(Date);
      const audit = await tdb.db.selectFrom('audit_log').select(['action', 'actor_role', 'actor_user_id']).where('subject_id', '=', created.id).where('action', '=', 'purchase.approved').execute();
      expect(audit).toEqual([{ action: 'purchase.approved', actor_role: 'admin', actor_user_id: moderator.id }]);

      const queue = ownQueues.queues.get('marketplace');
      const jobs = async () => queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
      expect((await jobs()).map((job) => ({ id: job.id, name: job.name, data: job.data, attempts: job.opts.attempts }))).toEqual([
        { id: `fulfil-${created.id}`, name: 'marketplace.fulfil', data: { requestId: created.id }, attempts: 10 },
      ]);

      const again = await rejection((await moderator.moderation()).decide({ id: created.id, decision: 'approve' }));
      expect(again.code).toBe('CONFLICT');
      expect(adv.client.errorShape(again, 'admin.moderation.decide').data).toMatchObject({ reason: { code: 'notPendingReview', params: { status: 'approved' } } });
      expect((await rejection((await moderator.moderation()).decide({ id: created.id, decision: 'reject', reason: 'Toch maar niet doen.' }))).code).toBe('CONFLICT');
      expect(await jobs()).toHaveLength(1);
      // The reservation stays until fulfilment settles it.
      expect(await accountBalance(tdb.db, 'advertiser_reserved', adv.organisationId)).toBe(created.reservedCents);
      expect((await (await moderator.moderation()).queue({})).map((item) => item.id)).not.toContain(created.id);
    } finally {
      await ownQueues.close();
    }
  });

  it('an approval whose job was lost (Redis down at that moment) is queued again by the sweep, once', async () => {
    const ownQueues = createTestQueues();
    try {
      const ownServices = createAppServices(tdb.db, ownQueues.queues, { sessionTtlHours: 1, privacy });
      const adv = await advertiser('Bakkerij Zuid', ownServices);
      const created = await adv.create(report());
      const moderator = await admin(ownServices);
      await (await moderator.moderation()).decide({ id: created.id, decision: 'approve' });
      const queue = ownQueues.queues.get('marketplace');
      const jobs = async () => (await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed'])).map((job) => job.id);
      // The job vanishes as if it had never been queued.
      await queue.obliterate({ force: true });
      expect(await jobs()).toEqual([]);

      const later = new Date(Date.now() + 10 * 60_000);
      expect(await requeueApprovedPurchases(tdb.db, ownQueues.queues, 5 * 60_000, new Date())).toBe(0);
      expect(await requeueApprovedPurchases(tdb.db, ownQueues.queues, 5 * 60_000, later)).toBeGreaterThanOrEqual(1);
      expect(await jobs()).toContain(`fulfil-${created.id}`);
      await requeueApprovedPurchases(tdb.db, ownQueues.queues, 5 * 60_000, later);
      expect((await jobs()).filter((id) => id === `fulfil-${created.id}`)).toHaveLength(1);
    } finally {
      await ownQueues.close();
    }
  });

  it('reject: the advertiser reads the reason, and the reservation returns to the balance', async () => {
    const adv = await advertiser();
    const created = await adv.create(report());
    const moderator = await admin();
    const shortReason = await rejection((await moderator.moderation()).decide({ id: created.id, decision: 'reject', reason: 'Nee.' }));
    expect(moderator.client.errorShape(shortReason, 'admin.moderation.decide').data).toMatchObject({ fieldErrors: { reason: ['marketplace.errors.reasonTooShort'] } });

    const reason = 'Het doel sluit niet aan bij de gekozen doelgroep; beschrijf het concreter.';
    expect(await (await moderator.moderation()).decide({ id: created.id, decision: 'reject', reason })).toEqual({ id: created.id, status: 'rejected' });
    expect(await (await adv.purchases()).get({ id: created.id })).toMatchObject({ status: 'rejected', decisionReason: reason });
    expect((await (await adv.purchases()).list({ status: 'rejected' })).map((p) => p.decisionReason)).toEqual([reason]);
    expect(await accountBalance(tdb.db, 'advertiser_balance', adv.organisationId)).toBe(1_000_000);
    expect(await accountBalance(tdb.db, 'advertiser_reserved', adv.organisationId)).toBe(0);
    expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
    const audit = await tdb.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', created.id).where('action', '=', 'purchase.rejected').execute();
    expect(audit).toEqual([{ action: 'purchase.rejected', details: expect.objectContaining({ reason }) }]);
  });

  it('two admins deciding the same request at once: exactly one wins, the reservation moves at most once', async () => {
    const adv = await advertiser();
    const [a, b] = [await admin(), await admin()];
    for (let round = 0; round < 3; round++) {
      const created = await adv.create(report({ title: `Ronde ${round}` }));
      // Both calls start in the same tick, so they really race for the row lock.
      const [first, second] = [await a.moderation(), await b.moderation()];
      const results = await Promise.allSettled([
        first.decide({ id: created.id, decision: 'approve' }),
        second.decide({ id: created.id, decision: 'reject', reason: 'Gelijktijdig afgewezen door een tweede beheerder.' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: 'CONFLICT' });
      const status = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
      expect((await tdb.db.selectFrom('purchase_requests').select('status').where('id', '=', created.id).executeTakeFirstOrThrow()).status).toBe(status);
      const releases = await tdb.db.selectFrom('ledger_transactions').select('id').where('idempotency_key', '=', `purchase:${created.id}:release`).execute();
      expect(releases).toHaveLength(status === 'rejected' ? 1 : 0);
      const decisions = await tdb.db.selectFrom('audit_log').select('action').where('subject_id', '=', created.id).where('action', 'in', ['purchase.approved', 'purchase.rejected']).execute();
      expect(decisions).toHaveLength(1);
    }
    expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0 });
  });
});
