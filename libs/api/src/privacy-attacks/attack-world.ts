import { createHash, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DEFAULT_BILLING_SETTINGS, dutchDate, invoiceAmounts } from '@dd/billing';
import { HOUSEHOLD_BANDS, PROFILE_CATEGORY_CODES, SEGMENTABLE_AGE_BANDS } from '@dd/categories';
import { sql, type Db, type PurchaseProduct } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { recordDeposit } from '@dd/ledger';
import { fulfilPurchase, reserve } from '@dd/marketplace';
import { createPrivacyAccountant, DEFAULT_PRIVACY_SETTINGS, type DeliveryGate, type PrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import { useFixedNoiseSecret } from '@dd/privacy/testing';
import { createTestQueues } from '@dd/queue/testing';
import { canonicalKey, knownMunicipalities, validateSegment } from '@dd/segments';
import { createAppServices, type AppServices } from '../services';
import { signedUpAdvertiser } from '../testing/actors';

/**
 * The world the attack tests play in (docs/PRIVACY.md, "Attacks the tests run"): targets who are
 * each the only member of a narrow group U (municipality × age band × household band), half of
 * whom have the attribute X (interest "gaming"), and padding members elsewhere to hide them among.
 * The attacker knows who is in U (background knowledge) and wants X.
 *
 * The privacy settings are production's (k, epsilons, budgets, caps), except the per-minute call
 * limit (off: an attacker can be patient). The noise secret is fixed, so every measured success rate is the same
 * on every run: each assertion is checked against one fixed draw, chosen before looking.
 */
export const ATTACK_PRIVACY: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, estimatesPerMinute: 1_000_000_000 };
export const K = ATTACK_PRIVACY.minimumAudience;

/** The attacker does no better than chance allows: at most this share of targets right. */
export const CHANCE_AT_MOST = 0.65;
/** With the defence switched off the same attack must work, or the test could not fail. */
export const SUCCESS_AT_LEAST = 0.85;

const TOWNS = [...knownMunicipalities().keys()];
/** Targets live here, each the only one of their age band and household band. */
export const TARGET_TOWNS = TOWNS.slice(0, 8);
/** Padding and base sets live here: never a target among them. */
export const PADDING_TOWNS = TOWNS.slice(8);

export interface Target {
  id: string;
  hasX: boolean;
  /** The narrow group U: this target alone. */
  group: unknown;
}

export interface AttackWorld {
  tdb: TestDatabase;
  db: Db;
  redis: ReturnType<typeof createTestQueues>;
  close: () => Promise<void>;
}

export async function createAttackWorld(): Promise<AttackWorld> {
  const tdb = await createTestDatabase();
  await useFixedNoiseSecret(tdb.db, 'privacy-attacks-v1');
  const redis = createTestQueues();
  return {
    tdb,
    db: tdb.db,
    redis,
    close: async () => {
      await redis.close();
      await tdb.drop();
    },
  };
}

export interface MemberSpec {
  municipality: string;
  ageBand: string;
  householdBand: string;
  interests: string[];
}

/** Consenting adults (every profile fact, both purposes), written in bulk straight to the tables; the triggers feed the index. */
export async function insertMembers(db: Db, members: readonly MemberSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < members.length; start += 250) {
    const chunk = members.slice(start, start + 250);
    const users = await db
      .insertInto('users')
      .values(chunk.map(() => ({ email: `lid-${randomUUID()}@example.nl`, password_hash: 'not-a-password-hash', role: 'customer' as const, display_name: 'Lid' })))
      .returning('id')
      .execute();
    const chunkIds = users.map((u) => u.id);
    await db.insertInto('customer_profiles').values(chunkIds.map((id) => ({ user_id: id, birth_year: 1980 }))).execute();
    await db
      .insertInto('customer_features')
      .values(
        chunk.map((m, i) => ({
          customer_id: chunkIds[i]!,
          is_adult: true,
          age_band: m.ageBand,
          province: knownMunicipalities().get(m.municipality) ?? null,
          municipality: m.municipality,
          household_band: m.householdBand,
          interests: m.interests,
          spend_bands: JSON.stringify({}) as unknown as Record<string, number>,
        })),
      )
      .execute();
    await db
      .insertInto('consent_decisions')
      .values(
        chunkIds.flatMap((id) =>
          PROFILE_CATEGORY_CODES.flatMap((category) =>
            (['insights', 'offers'] as const).map((purpose) => ({ customer_id: id, change_id: randomUUID(), category, purpose, granted: true, policy_version: 'test', policy_text_hash: 'test', source: 'test' })),
          ),
        ),
      )
      .execute();
    ids.push(...chunkIds);
  }
  // Fresh statistics, as autovacuum would gather them: without, the planner takes thousands of new rows for one.
  await sql`analyze users, customer_features, consent_current`.execute(db);
  return ids;
}

/** `n` targets, every other one with X, each alone in a group of their own. */
export async function seedTargets(db: Db, n: number): Promise<Target[]> {
  const specs = Array.from({ length: n }, (_, i) => ({
    municipality: TARGET_TOWNS[i % TARGET_TOWNS.length]!,
    ageBand: SEGMENTABLE_AGE_BANDS[Math.floor(i / TARGET_TOWNS.length) % SEGMENTABLE_AGE_BANDS.length]!,
    householdBand: HOUSEHOLD_BANDS[Math.floor(i / (TARGET_TOWNS.length * SEGMENTABLE_AGE_BANDS.length)) % HOUSEHOLD_BANDS.length]!,
    interests: i % 2 === 0 ? ['gaming'] : ['travel'],
  }));
  if (n > TARGET_TOWNS.length * SEGMENTABLE_AGE_BANDS.length * HOUSEHOLD_BANDS.length) throw new RangeError('Too many targets for distinct groups.');
  const ids = await insertMembers(db, specs);
  return specs.map((spec, i) => ({
    id: ids[i]!,
    hasX: spec.interests.includes('gaming'),
    group: { op: 'all', of: [{ field: 'municipality', in: [spec.municipality] }, { field: 'ageBand', in: [spec.ageBand] }, { field: 'householdBand', in: [spec.householdBand] }] },
  }));
}

/** `size` padding members in one padding town and age band. */
export const paddingGroup = (town: string, ageBand = '35-44') => ({ op: 'all', of: [{ field: 'municipality', in: [town] }, { field: 'ageBand', in: [ageBand] }] });
export const paddingMembers = (town: string, size: number, ageBand = '35-44'): MemberSpec[] =>
  Array.from({ length: size }, (_, i) => ({ municipality: town, ageBand, householdBand: HOUSEHOLD_BANDS[i % HOUSEHOLD_BANDS.length]!, interests: ['travel'] }));

/**
 * One base group of `size` members per target, each in its own town and age band, so no member's
 * monthly budget is shared between targets: the segments, in target order.
 */
export async function seedBaseGroups(db: Db, count: number, size: number): Promise<unknown[]> {
  const bases: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const town = PADDING_TOWNS[i % PADDING_TOWNS.length]!;
    const ageBand = SEGMENTABLE_AGE_BANDS[Math.floor(i / PADDING_TOWNS.length)]!;
    await insertMembers(db, paddingMembers(town, size, ageBand));
    bases.push(paddingGroup(town, ageBand));
  }
  return bases;
}

/** U ∧ X (or U ∧ ¬X): the target if they have X (lack it), nobody otherwise. One group, so it nests within the depth limit. */
export function withX(group: unknown, x = true) {
  const criteria = (group as { op?: string; of?: unknown[] }).op === 'all' ? (group as { of: unknown[] }).of : [group];
  return { op: 'all', of: [...criteria, x ? { field: 'interest', in: ['gaming'] } : { op: 'not', of: { field: 'interest', in: ['gaming'] } }] };
}
export const union = (...segments: unknown[]) => ({ op: 'any', of: segments });

export function successRate(guesses: readonly boolean[], targets: readonly Target[]): number {
  expect(guesses).toHaveLength(targets.length);
  return guesses.filter((guess, i) => guess === targets[i]!.hasX).length / targets.length;
}

let nextKvk = 70_000_000;

/** Through the API as the attacker: an advertiser with KvK, verified, with money. */
export async function attackerAccount(world: AttackWorld, privacy: PrivacySettings = ATTACK_PRIVACY) {
  const services: AppServices = createAppServices(world.db, world.redis.queues, { sessionTtlHours: 1, privacy });
  const { client, organisationId } = await signedUpAdvertiser({ db: world.db, queues: world.redis.queues, services }, { organisationName: 'Nieuwsgierig B.V.', withDetails: true, verified: true });
  await recordDeposit(world.db, { organisationId, amountCents: 1_000_000_000, idempotencyKey: `attack:${randomUUID()}` });
  // A legal entity of its own per attacker, so one test's spending never limits another's.
  const kvkNumber = String(nextKvk++);
  await world.db.updateTable('organisations').set({ kvk_number: kvkNumber }).where('id', '=', organisationId).execute();
  return { client, organisationId, services, entity: { organisationId, kvkNumber } };
}

const MAX_MEMBERS = 100_000;
const PRICE_CENTS = 1;

let purchases = 0;
/** A uuid that is the same on every run: noise is keyed to the purchase, so the measured rates repeat exactly. */
function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(`dd/attack-world/${seed}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A purchase request as moderation leaves it (approved, its reservation posted): the attacks on
 * delivery are about what fulfilment decides, so the request's own estimate is not in the way.
 */
export async function approvedPurchase(db: Db, input: { organisationId: string; product: PurchaseProduct; segment: unknown; title?: string }): Promise<string> {
  const { categories } = validateSegment(input.segment);
  const offer = input.product === 'offer_campaign';
  const reserved = invoiceAmounts(MAX_MEMBERS * PRICE_CENTS, DEFAULT_BILLING_SETTINGS.vatRateBp).totalCents;
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('purchase_requests')
      .values({
        id: stableUuid(`purchase-${purchases++}`),
        organisation_id: input.organisationId,
        product: input.product,
        purpose: offer ? 'offers' : 'insights',
        title: input.title ?? `Aankoop ${randomUUID().slice(0, 8)}`,
        purpose_statement: 'Wij willen weten hoe onze klanten in deze regio zijn samengesteld.',
        segment: JSON.stringify(input.segment),
        canonical_key: canonicalKey(validateSegment(input.segment).tree),
        categories,
        breakdowns: offer ? [] : ['householdBand'],
        offer_title: offer ? 'Korting' : null,
        offer_body: offer ? 'Tien procent korting in onze winkel.' : null,
        offer_code: offer ? 'KORTING10' : null,
        offer_ends_on: offer ? dutchDate(new Date(Date.now() + 30 * 86_400_000)) : null,
        estimated_members: 1_000,
        max_members: MAX_MEMBERS,
        price_per_member_cents: PRICE_CENTS,
        reserved_cents: reserved,
        status: 'approved',
        decided_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await reserve(trx, { id, organisation_id: input.organisationId, reserved_cents: reserved });
    return id;
  });
}

/** What the worker's `marketplace.fulfil` job runs; a control passes the exact gate of old. */
export function fulfilWith(world: AttackWorld, options: { privacy?: PrivacySettings; accountant?: PrivacyAccountant; gate?: DeliveryGate } = {}) {
  const privacy = options.privacy ?? ATTACK_PRIVACY;
  const accountant = options.accountant ?? createPrivacyAccountant({ db: world.db, settings: privacy });
  return (requestId: string) =>
    fulfilPurchase({ db: world.db, queues: world.redis.queues, privacy, billing: DEFAULT_BILLING_SETTINGS, accountant, ...(options.gate ? { gate: options.gate } : {}) }, requestId);
}
