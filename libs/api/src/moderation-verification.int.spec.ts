import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { DEFAULT_BILLING_SETTINGS } from '@dd/billing';
import { fulfilPurchase } from '@dd/marketplace';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from './services';
import { rejection, signedInAdmin, signedUpAdvertiser } from './testing/actors';

// A large epsilon keeps the noise near zero, so the audience is clearly above k.
const privacy: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS, minimumAudience: 10, estimateEpsilonMicro: 10_000_000, estimateMonthlyEpsilonMicro: 1_000_000_000, estimatesPerMinute: 5_000, estimateQuestionsPerDay: 5_000,
};

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy });
  const grants = PROFILE_CATEGORY_CODES.map((category) => ({ category, purpose: 'insights' as const }));
  for (let i = 0; i < 40; i++) await insertAudienceMember(tdb.db, { features: { ...ADULT, province: 'NL-UT' }, grants });
}, 60_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

describe('approving a request of an organisation that lost its verification', () => {
  it('is refused while the organisation is not verified, leaves the request pending, and works once it is verified again', async () => {
    const world = { db: tdb.db, queues: redis.queues, services };
    const { client, organisationId } = await signedUpAdvertiser(world, { organisationName: 'Reisbureau Zon', verified: true, depositCents: 1_000_000 });
    const { id } = await (await client.call()).advertiser.purchases.create({
      product: 'insight_report',
      title: 'Utrechters',
      purposeStatement: 'Inzicht in de leeftijden van onze klanten in Utrecht voor de folder.',
      segment: { field: 'province', in: ['NL-UT'] },
      breakdowns: ['ageBand'],
    });
    const admin = await signedInAdmin(world);
    const moderation = async () => (await admin.client.call()).admin.moderation;
    await (await admin.client.call()).admin.organisations.withdraw({ id: organisationId, reason: 'De KvK-inschrijving is opgeheven.' });

    const refused = await rejection((await moderation()).decide({ id, decision: 'approve' }));
    expect(admin.client.errorShape(refused, 'admin.moderation.decide').data).toMatchObject({
      domainCode: 'CONFLICT',
      reason: { code: 'advertiserNotVerified', params: { status: 'rejected' } },
    });
    const row = await tdb.db.selectFrom('purchase_requests').select(['status', 'decided_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending_review', decided_by: null });

    // The control: the same request of a verified organisation is approved.
    await tdb.db.updateTable('organisations').set({ status: 'verified', rejection_reason: null, verification_ended_at: null, verification_end_cause: null }).where('id', '=', organisationId).execute();
    await expect((await moderation()).decide({ id, decision: 'approve' })).resolves.toEqual({ id, status: 'approved' });
  });

  it('fails at fulfilment when the verification was withdrawn after approval, before anything is released, and gives the reservation back', async () => {
    const world = { db: tdb.db, queues: redis.queues, services };
    const { client, organisationId } = await signedUpAdvertiser(world, { organisationName: 'Reisbureau Maan', verified: true, depositCents: 1_000_000 });
    const purchases = async () => (await client.call()).advertiser.purchases;
    const { id } = await (await purchases()).create({
      product: 'insight_report',
      title: 'Utrechters in de zomer',
      purposeStatement: 'Inzicht in de leeftijden van onze klanten in Utrecht voor de zomerfolder.',
      segment: { field: 'province', in: ['NL-UT'] },
      breakdowns: ['ageBand'],
    });
    const admin = await signedInAdmin(world);
    await (await admin.client.call()).admin.moderation.decide({ id, decision: 'approve' });
    await (await admin.client.call()).admin.organisations.withdraw({ id: organisationId, reason: 'De KvK-inschrijving is opgeheven.' });
    const releasesBefore = await tdb.db.selectFrom('privacy_releases').select('id').where('organisation_id', '=', organisationId).execute();

    const outcome = await fulfilPurchase({ db: tdb.db, queues: redis.queues, privacy, billing: DEFAULT_BILLING_SETTINGS }, id);

    expect(outcome).toEqual({ status: 'failed', requestId: id, failure: { code: 'organisationNotVerified', params: {} } });
    const detail = await (await purchases()).get({ id });
    expect(detail).toMatchObject({ status: 'failed', failure: { code: 'organisationNotVerified' }, chargedCents: null });
    expect(await tdb.db.selectFrom('privacy_releases').select('id').where('organisation_id', '=', organisationId).execute()).toEqual(releasesBefore);
    const summary = await (await client.call()).billing.summary();
    expect(summary.reservedCents).toBe(0);
  });
});
