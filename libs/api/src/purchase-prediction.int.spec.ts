import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { CreatePurchaseInput } from '@dd/contract';
import { sql } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { accountBalance } from '@dd/ledger';
import { budgetPeriod, DEFAULT_PRIVACY_SETTINGS, presentEstimate, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection, signedInAdmin, signedUpAdvertiser } from './testing/actors';

const K = 10;
// Estimates at a large epsilon (noise almost surely zero) so which side of k a group falls on is
// predictable; the purchase epsilons and budgets are the real defaults.
const privacy: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimateEpsilonMicro: 10_000_000, estimateMonthlyEpsilonMicro: 1_000_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000 };

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
const gelderland: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy });
  // Consent for the profile categories only: a report broken down by grocery spending has nobody to count.
  const grants = PROFILE_CATEGORY_CODES.flatMap((category) => [{ category, purpose: 'insights' as const }, { category, purpose: 'offers' as const }]);
  for (let i = 0; i < 40; i++) await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-UT', interests: ['travel'] }, grants });
  for (let i = 0; i < 30; i++) gelderland.push(await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-GE', interests: ['sport'] }, grants }));
}, 60_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

async function advertiser() {
  const world = { db: tdb.db, queues: redis.queues, services };
  const { client, organisationId } = await signedUpAdvertiser(world, { verified: true, depositCents: 100_000 });
  const purchases = async () => (await client.call()).advertiser.purchases;
  const reason = async (path: string, call: Promise<unknown>) => client.errorShape(await rejection(call), path).data as { domainCode: string; reason?: { code: string; params: Record<string, unknown> } };
  return { client, organisationId, purchases, reason };
}

/** Spends the organisation's purchase pool as earlier purchases would have: a real release, charged. */
async function spendPurchaseBudget(organisationId: string, epsilonMicro: number) {
  await tdb.db.transaction().execute((trx) =>
    services.accountant.release(trx, { entity: { organisationId, kvkNumber: null }, kind: 'audience', key: `purchase:${randomUUID()}`, epsilonMicro, produce: () => 50 }),
  );
}

const balances = async (organisationId: string) => ({
  balance: await accountBalance(tdb.db, 'advertiser_balance', organisationId),
  reserved: await accountBalance(tdb.db, 'advertiser_reserved', organisationId),
});
const requests = async (organisationId: string) => (await tdb.db.selectFrom('purchase_requests').select('id').where('organisation_id', '=', organisationId).execute()).length;

const utrecht = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] };
const report = (overrides: Partial<Extract<CreatePurchaseInput, { product: 'insight_report' }>> = {}): CreatePurchaseInput => ({
  product: 'insight_report',
  title: 'Reizigers in Utrecht',
  purposeStatement: 'Inzicht in de leeftijd van reizigers in Utrecht voor onze reisfolder.',
  segment: utrecht,
  breakdowns: ['ageBand'],
  ...overrides,
});

describe('a purchase that cannot succeed is refused before review, with its reason, and nothing is reserved', () => {
  it('the purchase budget cannot cover the report: check says so, create refuses, the balance is untouched', async () => {
    const adv = await advertiser();
    await spendPurchaseBudget(adv.organisationId, 19_800_000);
    const check = await (await adv.purchases()).check({ product: 'insight_report', segment: utrecht, breakdowns: ['ageBand'] });
    const resetsOn = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    expect(check).toMatchObject({ cost: '0.35', problems: [{ code: 'purchaseBudgetInsufficient', params: { needed: '0.35', left: '0.2', resetsOn } }] });

    const refused = await adv.reason('advertiser.purchases.create', (await adv.purchases()).create(report()));
    expect(refused).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'purchaseBudgetInsufficient', params: { needed: '0.35', left: '0.2', resetsOn } } });
    expect(await requests(adv.organisationId)).toBe(0);
    expect(await balances(adv.organisationId)).toEqual({ balance: 100_000, reserved: 0 });
  });

  it('a breakdown whose consent the audience lacks: refused under the breakdowns, while the segment itself is buyable', async () => {
    const adv = await advertiser();
    const builder = await (await adv.client.call()).advertiser.estimate({ segment: utrecht, purpose: 'insights' });
    expect(builder.estimate).toMatchObject({ kind: 'about' });

    const check = await (await adv.purchases()).check({ product: 'insight_report', segment: utrecht, breakdowns: ['ageBand', 'spend:groceries'] });
    expect(check.audience).toEqual({ kind: 'fewer-than', k: K });
    expect(check.problems).toEqual([{ code: 'breakdownConsentMissing', params: { k: K, categories: 'groceries,profile_age' } }]);
    const refused = await adv.reason('advertiser.purchases.create', (await adv.purchases()).create(report({ breakdowns: ['ageBand', 'spend:groceries'] })));
    expect(refused).toMatchObject({ domainCode: 'VALIDATION_FAILED', reason: { code: 'breakdownConsentMissing', params: { k: K } } });
    expect(await requests(adv.organisationId)).toBe(0);
    expect(await balances(adv.organisationId)).toEqual({ balance: 100_000, reserved: 0 });

    // Control: the same report without that breakdown passes both.
    expect((await (await adv.purchases()).check({ product: 'insight_report', segment: utrecht, breakdowns: ['ageBand'] })).problems).toEqual([]);
    expect((await (await adv.purchases()).create(report())).status).toBe('pending_review');
  });

  it('members whose month is used up are not counted: refused when too few have budget left', async () => {
    const adv = await advertiser();
    const sporters = { field: 'province', in: ['NL-GE'] };
    expect((await (await adv.purchases()).check({ product: 'insight_report', segment: sporters, breakdowns: ['ageBand'] })).problems).toEqual([]);
    // Other advertisers' purchases used up 25 of the 30 members' months (4 of 4).
    await tdb.db
      .insertInto('member_privacy_spend')
      .values(gelderland.slice(0, 25).map((customerId) => ({ customer_id: customerId, period: budgetPeriod(new Date()), spent_micro: privacy.memberMonthlyEpsilonMicro })))
      .execute();
    // A different question (two tables cost more), so it is asked afresh and sees the used budgets.
    const check = await (await adv.purchases()).check({ product: 'insight_report', segment: sporters, breakdowns: ['ageBand', 'province'] });
    expect(check.problems).toEqual([{ code: 'memberBudgetUsed', params: { k: K } }]);
    const refused = await adv.reason('advertiser.purchases.create', (await adv.purchases()).create(report({ segment: sporters, breakdowns: ['ageBand', 'province'] })));
    expect(refused).toMatchObject({ domainCode: 'VALIDATION_FAILED', reason: { code: 'memberBudgetUsed', params: { k: K } } });
    expect(await balances(adv.organisationId)).toEqual({ balance: 100_000, reserved: 0 });
  });
});

describe('moderation sees a request that became impossible after it was made', () => {
  it('the purchase budget used up since: a failed check, approval refused, rejection releases the reservation', async () => {
    const adv = await advertiser();
    const created = await (await adv.purchases()).create(report());
    await spendPurchaseBudget(adv.organisationId, 19_900_000);

    const { client } = await signedInAdmin({ db: tdb.db, queues: redis.queues, services });
    const moderation = async () => (await client.call()).admin.moderation;
    const item = (await (await moderation()).queue({ locale: 'nl' })).find((entry) => entry.id === created.id)!;
    expect(item.checks.find((check) => check.code === 'privacyBudgetLeft')).toMatchObject({ passed: false, params: { needed: '0.35', left: '0.1' } });
    expect(item.approvalBlocked).toMatchObject({ code: 'privacyBudgetInsufficient', params: { needed: '0.35', left: '0.1' } });

    const approve = await rejection((await moderation()).decide({ id: created.id, decision: 'approve' }));
    expect(client.errorShape(approve, 'admin.moderation.decide').data).toMatchObject({ domainCode: 'CONFLICT', reason: { code: 'privacyBudgetInsufficient' } });
    expect(await balances(adv.organisationId)).toEqual({ balance: 100_000 - created.reservedCents, reserved: created.reservedCents });

    await (await moderation()).decide({ id: created.id, decision: 'reject', reason: 'Het privacybudget van deze maand is op.' });
    expect(await balances(adv.organisationId)).toEqual({ balance: 100_000, reserved: 0 });
  });
});

describe('the budget meter and the prediction, against the ledger', () => {
  it('the meter shows what the ledger charged the organisation, what is left and what still fits', async () => {
    const adv = await advertiser();
    await spendPurchaseBudget(adv.organisationId, 2_500_000);
    await (await adv.client.call()).advertiser.estimate({ segment: utrecht, purpose: 'insights' });
    const meter = await (await adv.purchases()).budget();

    const sums = await tdb.db
      .selectFrom('privacy_releases')
      .select(['pool', sql<string>`sum(epsilon_micro)`.as('micro')])
      .where('budget_owner', '=', `org:${adv.organisationId}`)
      .where('period', '=', budgetPeriod(new Date()))
      .groupBy('pool')
      .execute();
    const ledger = Object.fromEntries(sums.map((row) => [row.pool, Number(row.micro)]));
    expect(ledger).toEqual({ purchases: 2_500_000, estimates: privacy.estimateEpsilonMicro });
    expect(meter).toEqual({
      period: budgetPeriod(new Date()),
      resetsOn: expect.stringMatching(/^\d{4}-\d{2}-01$/),
      purchases: { budget: '20', used: '2.5', left: '17.5', usedShare: 0.125, reportsLeft: Math.floor(17_500_000 / 350_000), campaignsLeft: Math.floor(17_500_000 / 700_000) },
      estimates: { budget: '1000', used: '10', left: '990', usedShare: 0.01, questionsLeft: 99 },
    });
  });

  it('a prediction shows only released values: each new question is one charged release, a repeat costs nothing', async () => {
    const adv = await advertiser();
    const releases = () =>
      tdb.db.selectFrom('privacy_releases').select(['kind', 'value', 'epsilon_micro']).where('budget_owner', '=', `org:${adv.organisationId}`).orderBy('id').execute();
    const input = { product: 'insight_report' as const, segment: utrecht, breakdowns: ['ageBand'] };
    const first = await (await adv.purchases()).check(input);
    const after = await releases();
    // The question as a delivery would count it (consent for the breakdowns, members with budget): one estimate release.
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ kind: 'estimate', epsilon_micro: privacy.estimateEpsilonMicro });
    expect(first.audience).toEqual(presentEstimate(after[0]!.value as number, K));

    expect(await (await adv.purchases()).check(input)).toEqual(first);
    expect(await releases()).toHaveLength(1);
  });
});
