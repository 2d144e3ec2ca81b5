import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { CreatePurchaseInput, ModerationItem } from '@dd/contract';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { accountBalance, auditLedger } from '@dd/ledger';
import { requeueApprovedPurchases, reserve } from '@dd/marketplace';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { canonicalKey, validateSegment } from '@dd/segments';
import { createAppServices, type AppServices } from './services';
import { rejection, signedInAdmin, signedUpAdvertiser } from './testing/actors';

const K = 10;
// A large epsilon keeps the noise near zero, so which side of k an audience falls on is predictable.
const privacy: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimateEpsilonMicro: 10_000_000, estimateMonthlyEpsilonMicro: 1_000_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000,
};

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

/**
 * A pending offer campaign written straight to the table, with its reservation posted: what an older
 * version (before the offer was screened at request time) may have left in the queue.
 */
async function insertRawOffer(organisationId: string, offer: { title: string; body: string; url: string | null; code?: string }) {
  const { tree, categories } = validateSegment(utrecht);
  return tdb.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('purchase_requests')
      .values({
        organisation_id: organisationId, product: 'offer_campaign', purpose: 'offers', title: 'Ouder aanbod',
        purpose_statement: 'Reizigers korting geven op een onderhoudsbeurt voor hun fiets.', segment: JSON.stringify(tree),
        canonical_key: canonicalKey(tree), categories, breakdowns: [], offer_title: offer.title, offer_body: offer.body,
        offer_url: offer.url, offer_code: offer.code ?? null, offer_ends_on: inDays(30), estimated_members: 40, max_members: 44,
        price_per_member_cents: 15, reserved_cents: 799,
      })
      .returning(['id', 'organisation_id', 'reserved_cents'])
      .executeTakeFirstOrThrow();
    await reserve(trx, row);
    return row.id;
  });
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
    // The API refuses such an offer now; one from before is still in the queue.
    const screened = { id: await insertRawOffer(adv.organisationId, { title: 'Korting op onderhoud', body: 'Zwanger? Stuur ons je BSN en lees meer op http://zon.example/zwanger', url: 'https://spaak.example/actie' }) };
    const vague = await adv.create(report({ purposeStatement: 'xxxxxxxxxxxxxxxxxxxxxxxxx' }));
    const close = await adv.create(campaign('Tien procent korting op sportschoenen.', gelderland));
    const health = await insertRawRequest(adv.organisationId, { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'spend', category: 'health', min: 1, max: 5 }] }, ['health', 'profile_region']);
    const nobody = await insertRawRequest(adv.organisationId, { field: 'province', in: ['NL-FR'] }, ['profile_region']);


    const unverified = await advertiser('Nog Niet Geverifieerd B.V.');
    const later = await unverified.create(report());
    await tdb.db.updateTable('organisations').set({ status: 'unverified' }).where('id', '=', unverified.organisationId).execute();

    const queue = await (await (await admin()).moderation()).queue({ locale: 'en' });
    const item = (id: string) => queue.find((i) => i.id === id);

    expect(failing(item(screened.id))).toEqual(['offerScreened']);
    expect(check(item(screened.id), 'offerScreened')?.params).toEqual({ words: 'zwanger, bsn', topics: 'pregnancy, bsn', links: 'http://zon.example/zwanger' });
    expect(item(screened.id)?.approvalBlocked).toEqual({ code: 'offerNotApprovable', params: { words: 'zwanger, bsn', topics: 'pregnancy, bsn', links: 'http://zon.example/zwanger' } });
    // Every other failing check is for the moderator to weigh: only the offer screening blocks.
    for (const id of [vague.id, close.id, health, nobody, later.id]) expect(item(id)?.approvalBlocked).toBeNull();
    expect(failing(item(vague.id))).toEqual(['purposeGiven']);
    // No check compares member sets: whether two audiences are identical would itself be an answer about a person.
    expect(failing(item(close.id))).toEqual([]);
    expect(queue.flatMap((i) => i.checks.map((c) => c.code))).not.toContain('differencing');
    expect(failing(item(health))).toEqual(['noSpecialCategories', 'audienceAboveMinimum', 'balanceReserved']);
    expect(check(item(health), 'noSpecialCategories')?.params).toEqual({ kind: 'restricted', subject: 'Health' });
    // The moderator sees the estimate released to the advertiser (stored with the request), never a fresh count.
    expect(failing(item(nobody))).toEqual(['balanceReserved']);
    expect(check(item(nobody), 'audienceAboveMinimum')?.params).toEqual({ k: K, estimate: 40 });
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

describe('admin.moderation.decide: an offer the screening blocks', () => {
  it('is refused with a reason code and leaves the request pending with its reservation; it can still be rejected', async () => {
    const ownQueues = createTestQueues();
    try {
      const ownServices = createAppServices(tdb.db, ownQueues.queues, { sessionTtlHours: 1, privacy });
      const adv = await advertiser('Evasie B.V.', ownServices);
      const moderator = await admin(ownServices);
      // Each of these passed the old screening: a soft hyphen and spaced letters, zero-width spaces, a Cyrillic а.
      const flagged = [
        await insertRawOffer(adv.organisationId, { title: 'Zwa\u00ADnger?', body: 'Stuur ons je B S N voor een cadeau.', url: 'https://spaak.example/actie' }),
        await insertRawOffer(adv.organisationId, { title: 'Korting', body: 'Vul je wacht\u200Bwoord in op onze site.', url: 'https://spaak.example/actie' }),
        await insertRawOffer(adv.organisationId, { title: 'Korting', body: 'Speciaal voor de kеrk-koren: tien procent.', url: null, code: 'KOOR10' }),
        // A link stored before the link rules: a user name in front of the real host.
        await insertRawOffer(adv.organisationId, { title: 'Korting', body: 'Tien procent op onderhoud.', url: 'https://spaak.example@evil.example/' }),
      ];
      const reservedBefore = await accountBalance(tdb.db, 'advertiser_reserved', adv.organisationId);
      expect(reservedBefore).toBe(4 * 799);

      const queue = await (await moderator.moderation()).queue({ locale: 'nl' });
      const blocks = flagged.map((id) => queue.find((item) => item.id === id)?.approvalBlocked);
      expect(blocks.map((block) => block?.code)).toEqual(['offerNotApprovable', 'offerNotApprovable', 'offerNotApprovable', 'offerNotApprovable']);
      expect(blocks.map((block) => block?.params['words'])).toEqual(['zwanger, bsn', 'wachtwoord', 'kerk', '']);
      expect(blocks[3]?.params['links']).toBe('https://spaak.example@evil.example/');

      for (const id of flagged) {
        const refused = await rejection((await moderator.moderation()).decide({ id, decision: 'approve' }));
        expect(refused.code).toBe('CONFLICT');
        expect(moderator.client.errorShape(refused, 'admin.moderation.decide').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'offerNotApprovable' } });
        const row = await tdb.db.selectFrom('purchase_requests').select(['status', 'decided_by', 'decided_at']).where('id', '=', id).executeTakeFirstOrThrow();
        expect(row).toEqual({ status: 'pending_review', decided_by: null, decided_at: null });
      }
      // Nothing changed: the reservation is intact and never released, nothing audited, no fulfilment job.
      expect(await accountBalance(tdb.db, 'advertiser_reserved', adv.organisationId)).toBe(reservedBefore);
      expect(await tdb.db.selectFrom('ledger_transactions').select('id').where('idempotency_key', 'in', flagged.map((id) => `purchase:${id}:release`)).execute()).toEqual([]);
      expect(await tdb.db.selectFrom('audit_log').select('action').where('subject_id', 'in', flagged).where('action', 'in', ['purchase.approved', 'purchase.rejected']).execute()).toEqual([]);
      expect(await ownQueues.queues.get('marketplace').getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed'])).toEqual([]);
      const stillWaiting = (await (await moderator.moderation()).queue({})).map((item) => item.id);
      for (const id of flagged) expect(stillWaiting).toContain(id);

      // The admin can still reject it, with a reason the advertiser reads; the reservation goes back.
      expect(await (await moderator.moderation()).decide({ id: flagged[0]!, decision: 'reject', reason: 'Een aanbieding mag niet over zwangerschap gaan of om een BSN vragen.' })).toEqual({ id: flagged[0], status: 'rejected' });
      expect(await accountBalance(tdb.db, 'advertiser_reserved', adv.organisationId)).toBe(reservedBefore - 799);
      expect(await auditLedger(tdb.db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
    } finally {
      await ownQueues.close();
    }
  });

  it('control: a clean offer, from the API or from before, is approvable and approved', async () => {
    const ownQueues = createTestQueues();
    try {
      const ownServices = createAppServices(tdb.db, ownQueues.queues, { sessionTtlHours: 1, privacy });
      const adv = await advertiser('Schone Aanbieding B.V.', ownServices);
      const moderator = await admin(ownServices);
      const created = await adv.create(campaign('Kom langs aan de Kerkstraat en pin gewoon aan de kassa: tien procent korting.'));
      const older = await insertRawOffer(adv.organisationId, { title: 'Korting', body: 'Tien procent op onderhoud, alleen deze maand.', url: 'https://spaak.example/actie' });

      const queue = await (await moderator.moderation()).queue({ locale: 'nl' });
      for (const id of [created.id, older]) {
        const item = queue.find((entry) => entry.id === id);
        expect(item?.approvalBlocked).toBeNull();
        expect(check(item, 'offerScreened')?.passed).toBe(true);
        expect(await (await moderator.moderation()).decide({ id, decision: 'approve' })).toEqual({ id, status: 'approved' });
      }
      const jobs = await ownQueues.queues.get('marketplace').getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
      expect(jobs.map((job) => job.id).sort()).toEqual([`fulfil-${created.id}`, `fulfil-${older}`].sort());
    } finally {
      await ownQueues.close();
    }
  });
});
