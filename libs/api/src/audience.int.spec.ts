import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEstimateService } from '@dd/audience';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { knownMunicipalities } from '@dd/segments';
import { createAppServices } from './services';
import { rejection } from './testing/actors';
import { createTestClient } from './testing/test-context';

const K = 10;
// A large estimate epsilon and budget: these tests are about what an estimate shows, the budget tests set their own.
const privacy: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimateEpsilonMicro: 2_000_000, estimateMonthlyEpsilonMicro: 1_000_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000,
};
const TOWNS = [...knownMunicipalities().keys()].slice(0, 2 * K);
const PASSWORD = 'correct horse battery staple 42';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let nextKvk = 30_000_000;

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  const grants = [...PROFILE_CATEGORY_CODES, 'groceries'].flatMap((category) => [{ category, purpose: 'insights' as const }, { category, purpose: 'offers' as const }]);
  for (let i = 0; i < 160; i++) {
    await insertAudienceMember(tdb.db, {
      features: { ...ADULT, province: i % 2 ? 'NL-UT' : 'NL-GE', municipality: TOWNS[i] ?? null, interests: i % 3 ? ['travel'] : ['sport'], spendBands: { groceries: (i % 5) + 1 } },
      grants,
    });
  }
}, 60_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

/**
 * An advertiser signed up through the API; verified (as an admin would) with a KvK number of its
 * own unless `kvkNumber` names one (another account of the same company) or `verified` is false.
 */
async function advertiser(settings: PrivacySettings = privacy, options: { verified?: boolean; kvkNumber?: string } = {}) {
  const services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy: settings });
  const client = createTestClient(tdb.db, redis.queues, undefined, { services });
  const viewer = await (await client.call()).auth.signUpAdvertiser({ displayName: 'Joost Bakker', email: `adv-${randomUUID()}@example.nl`, password: PASSWORD, organisationName: 'Bakker Media B.V.', locale: 'en' });
  const kvkNumber = options.kvkNumber ?? String(nextKvk++);
  if (options.verified !== false) await tdb.db.updateTable('organisations').set({ status: 'verified', kvk_number: kvkNumber }).where('id', '=', viewer.organisation!.id).execute();
  return {
    estimate: async (segment: unknown, purpose: 'insights' | 'offers' = 'insights') => (await client.call()).advertiser.estimate({ segment, purpose }),
    services,
    organisationId: viewer.organisation!.id,
    kvkNumber,
  };
}

const reasonOf = (error: unknown) => (error as { cause?: { reason?: unknown } }).cause?.reason;
const utrechtTravellers = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] };

describe('audience estimates for advertisers', () => {
  it('answers 1,000 identical questions with one answer, and canonically equal trees too, for one charge (averaging attack)', async () => {
    const { estimate, services, organisationId, kvkNumber } = await advertiser();
    const answers = new Set<string>();
    for (let i = 0; i < 1_000; i++) answers.add(JSON.stringify((await estimate(utrechtTravellers)).estimate));
    const reordered = { op: 'all', of: [{ op: 'not', of: { op: 'not', of: { field: 'interest', in: ['travel', 'travel'] } } }, { field: 'province', in: ['NL-UT'] }] };
    answers.add(JSON.stringify((await estimate(reordered)).estimate));
    expect(answers.size).toBe(1);
    const [only] = [...answers];
    expect(JSON.parse(only!)).toMatchObject({ kind: 'about' });
    expect(await services.accountant.spent({ organisationId, kvkNumber }, 'estimates')).toBe(privacy.estimateEpsilonMicro);
  }, 120_000);

  it('never shows an exact count below k for audiences of true size 1..2k', async () => {
    const { estimate } = await advertiser();
    for (let size = 1; size <= 2 * K; size++) {
      const { estimate: shown } = await estimate({ field: 'municipality', in: TOWNS.slice(0, size) });
      if (shown.kind === 'about') expect(shown.value).toBeGreaterThanOrEqual(K);
      else expect(shown).toEqual({ kind: 'fewer-than', k: K });
    }
  });

  it('returns only the noised estimate, a description and categories: no person, no id, no exact count', async () => {
    const { estimate } = await advertiser();
    const answer = await estimate(utrechtTravellers);
    expect(Object.keys(answer).sort()).toEqual(['categories', 'description', 'estimate']);
    expect(answer.categories).toEqual(['profile_interests', 'profile_region']);
    expect(answer.description).toMatch(/Utrecht/);
    expect(JSON.stringify(answer)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|@example\.nl/);
  });

  it('refuses special categories and minors with a clear reason', async () => {
    const { estimate } = await advertiser();
    const error = await rejection(estimate({ field: 'spend', category: 'health', min: 1, max: 5 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/health|never/i);
  });

  it('answers verified organisations only: an organisation created a minute ago asks nothing', async () => {
    const { estimate } = await advertiser(privacy, { verified: false });
    const error = await rejection(estimate(utrechtTravellers));
    expect(error.code).toBe('CONFLICT');
    expect(reasonOf(error)).toEqual({ code: 'estimateOrganisationNotVerified', params: {} });
  });

  it('limits estimate calls per advertiser per minute', async () => {
    const { estimate } = await advertiser({ ...privacy, estimatesPerMinute: 3 });
    for (let i = 0; i < 3; i++) await estimate(utrechtTravellers);
    const error = await rejection(estimate(utrechtTravellers));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/Try again in \d+ seconds/);
    // The portal tells this apart from the daily cap by its reason code.
    expect(reasonOf(error)).toMatchObject({ code: 'estimateRateLimited' });
  });

  it('caps new questions in any 24 hours, while questions already asked keep answering', async () => {
    const { estimate } = await advertiser({ ...privacy, estimateQuestionsPerDay: 2 });
    await estimate({ field: 'province', in: ['NL-UT'] });
    await estimate({ field: 'province', in: ['NL-GE'] });
    const error = await rejection(estimate({ field: 'interest', in: ['sport'] }));
    expect(error.message).toMatch(/2 different audience questions in the last 24 hours/);
    expect(reasonOf(error)).toEqual({ code: 'estimateDailyLimit', params: { limit: 2 } });
    await expect(estimate({ field: 'province', in: ['NL-UT'] })).resolves.toMatchObject({ estimate: { kind: 'about' } });
  });

  it('charges each new question to the legal entity’s monthly estimate budget; accounts of one KvK share it', async () => {
    // Five new questions a month at epsilon 0.02.
    const tight: PrivacySettings = { ...privacy, estimateEpsilonMicro: 20_000, estimateMonthlyEpsilonMicro: 100_000 };
    const first = await advertiser(tight);
    const questions = TOWNS.slice(0, 6).map((town) => ({ field: 'municipality', in: [town] }));
    const answered = [];
    for (const question of questions.slice(0, 5)) answered.push((await first.estimate(question)).estimate);
    const spent = await rejection(first.estimate(questions[5]));
    expect(spent.code).toBe('TOO_MANY_REQUESTS');
    expect(reasonOf(spent)).toEqual({ code: 'estimateBudgetSpent', params: { budget: '0.1' } });
    // Questions already asked still answer, free of charge.
    expect((await first.estimate(questions[0])).estimate).toEqual(answered[0]);
    // A second account of the same company (same KvK) starts where the first stopped; another company has its own budget.
    const sameCompany = await advertiser(tight, { kvkNumber: first.kvkNumber });
    expect(reasonOf(await rejection(sameCompany.estimate(questions[5])))).toMatchObject({ code: 'estimateBudgetSpent' });
    await expect((await advertiser(tight)).estimate(questions[5])).resolves.toMatchObject({ estimate: expect.any(Object) });
  });

  it('answers the same question the same way all month, even after a consent withdrawal; a new month counts the change', async () => {
    const { services, organisationId, kvkNumber } = await advertiser();
    const organisation = { id: organisationId, industry: null, status: 'verified', kvkNumber };
    let clock = new Date('2026-11-20T10:00:00Z');
    // An enormous epsilon makes the noise almost surely zero, so the count itself shows.
    const estimates = createEstimateService({ db: tdb.db, engine: services.audience, limiter: services.rateLimiter, settings: { ...privacy, estimateEpsilonMicro: 1_000_000_000 }, now: () => clock });
    const ask = async () => (await estimates.estimate(organisation, { segment: { field: 'province', in: ['NL-FL'] }, purpose: 'offers' })).estimate;
    const id = await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-FL' }, grants: [{ category: 'profile_region', purpose: 'offers' }] });
    for (let i = 0; i < K + 5; i++) await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-FL' }, grants: [{ category: 'profile_region', purpose: 'offers' }] });
    expect(await ask()).toEqual({ kind: 'about', value: K + 6 });
    await services.consent.update(id, { changes: [{ category: 'profile_region', purpose: 'offers', granted: false }] });
    // A fresh answer on every change would tell the advertiser exactly when somebody in the group changed.
    expect(await ask()).toEqual({ kind: 'about', value: K + 6 });
    clock = new Date('2026-12-01T00:00:01Z');
    expect(await ask()).toEqual({ kind: 'about', value: K + 5 });
  });
});
