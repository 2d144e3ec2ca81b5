import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createAppServices, type AppServices } from '../services';
import { createOwnedResources, OWNERSHIP_PRIVACY, type OwnedResources } from '../testing/owned-resources';
import { PROCEDURES, resourceIdFields, type FuzzRole } from '../testing/procedure-catalogue';
import { callAs, createActors, type Actor, type Outcome } from '../testing/role-callers';

/**
 * Own and other's resources: for every procedure that takes a resource id, a second customer or
 * advertiser (another organisation) who sends the first one's id is refused with NOT_FOUND or
 * FORBIDDEN, learns nothing of the resource from the answer, and changes nothing about it; the
 * owner's own call with the same input works (so the id was real). The list of id-taking
 * procedures comes from the input schemas (fields `id`, `…Id`, `…Ids`): a new one fails the
 * completeness test until it has a case here.
 */
type Owner = 'customer' | 'advertiser';
interface OwnershipCase {
  owner: Owner;
  input: (r: OwnedResources) => unknown;
  /** The owner's view of the resource, compared before and after the other's attempt. */
  read: (r: OwnedResources) => readonly [path: string, input: unknown];
  /**
   * For an id that only links (a purchase's saved segment): the other's call may go through if the
   * link is silently not made. Returns whether the link was left out.
   */
  ignoredLink?: (value: unknown) => Promise<boolean>;
}

const segmentRead = (r: OwnedResources) => ['advertiser.segments.get', { id: r.segmentId, locale: 'nl' }] as const;
const purchaseRead = (id: keyof OwnedResources) => (r: OwnedResources) => ['advertiser.purchases.get', { id: r[id], locale: 'nl' }] as const;
const inboxRead = () => ['offers.inbox', undefined] as const;

// In the order they run: whatever uses a resource up (delete, cancel, dismiss) comes after every case that needs it.
const CASES: Record<string, OwnershipCase> = {
  // A second session of the owner's, ended by the owner's own call at the end of the case.
  'account.endSession sessionId': { owner: 'customer', input: (r) => ({ sessionId: r.sessionId }), read: () => ['account.sessions', undefined] },
  'imports.get uploadId': { owner: 'customer', input: (r) => ({ uploadId: r.uploadId }), read: (r) => ['imports.get', { uploadId: r.uploadId }] },
  'transactions.recategorise transactionId': {
    owner: 'customer',
    input: (r) => ({ transactionId: r.transactionId, category: 'dining' }),
    read: () => ['transactions.list', { limit: 50 }],
  },
  'notifications.markRead id': { owner: 'customer', input: (r) => ({ id: r.notificationId }), read: () => ['notifications.list', { locale: 'nl' }] },
  'offers.open requestId': { owner: 'customer', input: (r) => ({ requestId: r.offerRequestId }), read: inboxRead },
  'offers.click requestId': { owner: 'customer', input: (r) => ({ requestId: r.offerRequestId }), read: inboxRead },
  'offers.dismiss requestId': { owner: 'customer', input: (r) => ({ requestId: r.offerRequestId }), read: inboxRead },
  'advertiser.segments.get id': { owner: 'advertiser', input: (r) => ({ id: r.segmentId, locale: 'nl' }), read: segmentRead },
  'advertiser.segments.save id': {
    owner: 'advertiser',
    input: (r) => ({ id: r.segmentId, name: 'Overgenomen', segment: { field: 'province', in: ['NL-UT'] }, locale: 'nl' }),
    read: segmentRead,
  },
  'advertiser.segments.rename id': { owner: 'advertiser', input: (r) => ({ id: r.segmentId, name: 'Hernoemd' }), read: segmentRead },
  'advertiser.purchases.create savedSegmentId': {
    owner: 'advertiser',
    input: (r) => ({
      product: 'insight_report', title: 'Met andermans segment', purposeStatement: 'Leeftijden van de mensen in onze eigen stad.', segment: { field: 'province', in: ['NL-UT'] },
      savedSegmentId: r.segmentId, breakdowns: ['ageBand'], locale: 'nl',
    }),
    read: segmentRead,
    ignoredLink: async (value) => {
      const row = await tdb.db.selectFrom('purchase_requests').select('saved_segment_id').where('id', '=', (value as { id: string }).id).executeTakeFirstOrThrow();
      return row.saved_segment_id === null;
    },
  },
  'advertiser.segments.delete id': { owner: 'advertiser', input: (r) => ({ id: r.segmentId }), read: () => ['advertiser.segments.list', { locale: 'nl' }] },
  'advertiser.purchases.get id': { owner: 'advertiser', input: (r) => ({ id: r.reportPurchaseId, locale: 'nl' }), read: purchaseRead('reportPurchaseId') },
  'advertiser.reports.csv id': { owner: 'advertiser', input: (r) => ({ id: r.reportPurchaseId, locale: 'nl' }), read: purchaseRead('reportPurchaseId') },
  'billing.invoice invoiceId': { owner: 'advertiser', input: (r) => ({ invoiceId: r.invoiceId }), read: () => ['billing.invoices', undefined] },
  'advertiser.purchases.cancel id': { owner: 'advertiser', input: (r) => ({ id: r.pendingPurchaseId }), read: purchaseRead('pendingPurchaseId') },
};

/** Admins act on every organisation's and member's resources by design; the matrix shows no one else reaches these. */
const ADMIN_ONLY = (access: string) => access === 'admin';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;
let services: AppServices;
let owner: Record<FuzzRole, Actor>;
let other: Record<FuzzRole, Actor>;
let owned: OwnedResources;
/** What the other may never see: the resources' texts and the owners' ids. */
let secrets: string[];

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
  services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, privacy: OWNERSHIP_PRIVACY });
  const world = { db: tdb.db, queues: redis.queues, services };
  owner = await createActors(world);
  other = await createActors(world);
  owned = await createOwnedResources(world, { customer: owner.customer, advertiser: owner.advertiserVerified }, 'Eigendom7Zq', 0);
  secrets = [...owned.secrets, owner.customer.userId!, owner.customer.email!, owner.advertiserVerified.organisationId!];
}, 120_000);

afterAll(async () => {
  await redis?.close();
  await tdb?.drop();
});

const actorFor = (side: Record<FuzzRole, Actor>, role: Owner) => (role === 'customer' ? side.customer : side.advertiserVerified);
const serialised = (outcome: Outcome) => JSON.stringify(outcome.ok ? outcome.value : outcome.shape) ?? '';

describe('own and other’s resources', () => {
  it('has a case for every procedure that takes a resource id (admins aside)', () => {
    const idFields = PROCEDURES.filter((p) => !ADMIN_ONLY(p.access)).flatMap((p) => resourceIdFields(p.input).map((field) => `${p.path} ${field}`));
    expect(idFields.length).toBeGreaterThan(10);
    expect(idFields.filter((key) => !(key in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((key) => !idFields.includes(key))).toEqual([]);
  });

  for (const [key, ownershipCase] of Object.entries(CASES)) {
    const [path] = key.split(' ') as [string];
    it(`${key}: another ${ownershipCase.owner} is refused, learns nothing and changes nothing; the owner is served`, async () => {
      const input = ownershipCase.input(owned);
      const [readPath, readInput] = ownershipCase.read(owned);
      const ownerActor = actorFor(owner, ownershipCase.owner);
      const before = await callAs(services, ownerActor, readPath, readInput);
      expect(before.ok, `the owner can read ${readPath}`).toBe(true);

      const attempt = await callAs(services, actorFor(other, ownershipCase.owner), path, input);
      if (attempt.ok) {
        expect(ownershipCase.ignoredLink, `${path} served another ${ownershipCase.owner}: ${serialised(attempt).slice(0, 300)}`).toBeDefined();
        expect(await ownershipCase.ignoredLink!(attempt.value), 'the other’s id was linked').toBe(true);
      } else {
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(attempt.error.code);
      }
      expect(secrets.filter((secret) => serialised(attempt).includes(secret))).toEqual([]);

      const after = await callAs(services, ownerActor, readPath, readInput);
      expect(serialised(after)).toBe(serialised(before));

      // The control: the same input from the owner works, so the refusal was about whose it is.
      const own = await callAs(services, ownerActor, path, input);
      expect(own.ok ? 'ok' : `${own.error.code}: ${own.shape.message}`).toBe('ok');
      if (ownershipCase.ignoredLink) expect(await ownershipCase.ignoredLink(own.ok ? own.value : undefined)).toBe(false);
    });
  }
});
