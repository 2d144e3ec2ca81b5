import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const privacy: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: K, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000 };
const TOWNS = [...knownMunicipalities().keys()].slice(0, 2 * K);
const PASSWORD = 'correct horse battery staple 42';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;

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

async function advertiser(settings: PrivacySettings = privacy) {
  const services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy: settings });
  const client = createTestClient(tdb.db, redis.queues, undefined, { services });
  await (await client.call()).auth.signUpAdvertiser({ displayName: 'Joost Bakker', email: `adv-${randomUUID()}@example.nl`, password: PASSWORD, organisationName: 'Bakker Media B.V.', locale: 'en' });
  return { estimate: async (segment: unknown, purpose: 'insights' | 'offers' = 'insights') => (await client.call()).advertiser.estimate({ segment, purpose }), services };
}


const utrechtTravellers = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] };

describe('audience estimates for advertisers', () => {
  it('answers 1,000 identical questions with one answer, and reordered equivalent trees too (averaging attack)', async () => {
    const { estimate } = await advertiser();
    const answers = new Set<string>();
    for (let i = 0; i < 1_000; i++) answers.add(JSON.stringify((await estimate(utrechtTravellers)).estimate));
    const reordered = { op: 'all', of: [{ op: 'not', of: { op: 'not', of: { field: 'interest', in: ['travel', 'travel'] } } }, { field: 'province', in: ['NL-UT'] }] };
    answers.add(JSON.stringify((await estimate(reordered)).estimate));
    expect(answers.size).toBe(1);
    const [only] = [...answers];
    expect(JSON.parse(only!)).toMatchObject({ kind: 'about' });
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

  it('limits estimate calls per advertiser per minute', async () => {
    const { estimate } = await advertiser({ ...privacy, estimatesPerMinute: 3 });
    for (let i = 0; i < 3; i++) await estimate(utrechtTravellers);
    const error = await rejection(estimate(utrechtTravellers));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/Try again in \d+ seconds/);
    // The portal tells this apart from the daily cap by its reason code.
    expect((error.cause as { reason?: { code: string } } | undefined)?.reason?.code).toBe('estimateRateLimited');
  });

  it('caps distinct questions per day, while questions already asked keep answering', async () => {
    const { estimate } = await advertiser({ ...privacy, estimateQuestionsPerDay: 2 });
    await estimate({ field: 'province', in: ['NL-UT'] });
    await estimate({ field: 'province', in: ['NL-GE'] });
    const error = await rejection(estimate({ field: 'interest', in: ['sport'] }));
    expect(error.message).toMatch(/2 different audience questions today/);
    expect((error.cause as { reason?: unknown } | undefined)?.reason).toEqual({ code: 'estimateDailyLimit', params: { limit: 2 } });
    await expect(estimate({ field: 'province', in: ['NL-UT'] })).resolves.toMatchObject({ estimate: { kind: 'about' } });
  });

  it('shows a consent withdrawal in the next estimate without waiting for any job', async () => {
    const { estimate, services } = await advertiser({ ...privacy, estimateEpsilonMicro: 1_000_000_000 });
    const id = await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-FL' }, grants: [{ category: 'profile_region', purpose: 'offers' }] });
    for (let i = 0; i < K + 5; i++) await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-FL' }, grants: [{ category: 'profile_region', purpose: 'offers' }] });
    // With an enormous epsilon the noise is almost surely zero: the change itself must show.
    const before = await estimate({ field: 'province', in: ['NL-FL'] }, 'offers');
    expect(before.estimate).toEqual({ kind: 'about', value: K + 6 });
    await services.consent.update(id, { changes: [{ category: 'profile_region', purpose: 'offers', granted: false }] });
    expect((await estimate({ field: 'province', in: ['NL-FL'] }, 'offers')).estimate).toEqual({ kind: 'about', value: K + 5 });
  });
});
