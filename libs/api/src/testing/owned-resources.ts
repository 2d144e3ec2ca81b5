import { createHash, randomUUID } from 'node:crypto';
import { insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_BILLING_SETTINGS, dutchDate } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { Db, PurchaseProduct } from '@dd/db';
import { fulfilPurchase, reserve } from '@dd/marketplace';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import type { Queues } from '@dd/queue';
import { knownMunicipalities, validateSegment } from '@dd/segments';
import type { AppServices } from '../services';
import { callAs, type Actor } from './role-callers';

/**
 * One of everything a customer and an advertiser own that a procedure names by id: an upload, a
 * transaction and a delivered offer (customer); a saved segment, a pending purchase, a delivered
 * insight report and campaign, and an invoice (advertiser). Made the way the platform makes them
 * (procedures, the worker's fulfilment function), with texts no one else has, so a response that
 * carries any of them to someone else can be told.
 */
export interface OwnedResources {
  uploadId: string;
  transactionId: number;
  offerRequestId: string;
  segmentId: string;
  pendingPurchaseId: string;
  reportPurchaseId: string;
  invoiceId: string;
  /** The public id of a second session of the customer's (another browser). */
  sessionId: string;
  /** The customer's notification of the delivered offer. */
  notificationId: string;
  /** Texts only these resources hold; none may reach another customer or organisation. */
  secrets: string[];
}

/** k = 10 and epsilons so large that a dozen members is surely an audience (as offers.int.spec.ts). */
export const OWNERSHIP_PRIVACY: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS,
  minimumAudience: 10,
  cellThreshold: 3,
  tableEpsilonMicro: 1_000_000,
  estimateEpsilonMicro: 20_000_000,
  audienceEpsilonMicro: 20_000_000,
  campaignStatEpsilonMicro: 20_000_000,
  estimateMonthlyEpsilonMicro: 1_000_000_000,
  advertiserMonthlyEpsilonMicro: 1_000_000_000,
  memberMonthlyEpsilonMicro: 1_000_000_000,
  estimatesPerMinute: 5_000,
  estimateQuestionsPerDay: 5_000,
};

const GRANTS = PROFILE_CATEGORY_CODES.flatMap((category) => (['insights', 'offers'] as const).map((purpose) => ({ category, purpose })));
const RESERVED_CENTS = 10_000;

interface World {
  db: Db;
  queues: Queues;
  services: AppServices;
}

/** Makes `customer` an adult member in `town` who consents to every profile category, with a dozen neighbours. */
async function audienceIn(db: Db, customerId: string, town: string): Promise<void> {
  const features = { is_adult: true, age_band: '35-44', province: 'NL-UT', municipality: town, household_band: 'two', interests: ['travel'], spend_bands: '{}' as unknown as Record<string, number> };
  await db.insertInto('customer_features').values({ customer_id: customerId, ...features }).onConflict((oc) => oc.column('customer_id').doUpdateSet(features)).execute();
  await db
    .insertInto('consent_decisions')
    .values(GRANTS.map((g) => ({ customer_id: customerId, change_id: randomUUID(), ...g, granted: true, policy_version: 'test', policy_text_hash: 'test', source: 'test' })))
    .execute();
  for (let i = 0; i < 12; i++) {
    await insertAudienceMember(db, {
      features: { isAdult: true, ageBand: '25-34', province: 'NL-UT', municipality: town, householdBand: 'single', interests: [], spendBands: {} },
      grants: GRANTS,
    });
  }
}

/** An approved request with its reservation, as moderation leaves it, fulfilled by the worker's function. */
async function delivered(world: World, organisationId: string, product: PurchaseProduct, town: string, secret: string): Promise<string> {
  const { db } = world;
  const segment = { field: 'municipality', in: [town] };
  const offer = product === 'offer_campaign';
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('purchase_requests')
      .values({
        organisation_id: organisationId, product, purpose: offer ? 'offers' : 'insights', title: `${secret} titel`,
        purpose_statement: `${secret}: inzicht in wie hier met de fiets naar het werk gaat.`, segment: JSON.stringify(segment),
        canonical_key: createHash('sha256').update(JSON.stringify(segment)).digest('hex'), categories: validateSegment(segment).categories,
        breakdowns: offer ? [] : ['ageBand', 'householdBand'], offer_title: offer ? `${secret} korting` : null, offer_body: offer ? `${secret}: alleen deze maand.` : null,
        offer_url: offer ? `https://example.nl/${secret}` : null, offer_ends_on: offer ? dutchDate(new Date(Date.now() + 7 * 86_400_000)) : null,
        estimated_members: 13, max_members: 20, price_per_member_cents: 50, reserved_cents: RESERVED_CENTS, status: 'approved',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await reserve(trx, { id, organisation_id: organisationId, reserved_cents: RESERVED_CENTS });
    return id;
  });
  const outcome = await fulfilPurchase({ db, queues: world.queues, privacy: OWNERSHIP_PRIVACY, billing: DEFAULT_BILLING_SETTINGS }, id);
  if (outcome.status !== 'delivered') throw new Error(`owned-resources: purchase ${id} was not delivered (${JSON.stringify(outcome)})`);
  return id;
}

async function ok(world: World, actor: Actor, path: string, input: unknown): Promise<unknown> {
  const outcome = await callAs(world.services, actor, path, input);
  if (!outcome.ok) throw new Error(`owned-resources: ${path} failed: ${outcome.shape.message}`);
  return outcome.value;
}

/**
 * Everything `customer` and `advertiser` (a verified one with money on its balance) own; `town`
 * must be a municipality no other test data of the database uses, `secret` a text no one else has.
 */
export async function createOwnedResources(world: World, actors: { customer: Actor; advertiser: Actor }, secret: string, townIndex: number): Promise<OwnedResources> {
  const { db } = world;
  const customerId = actors.customer.userId!;
  const organisationId = actors.advertiser.organisationId!;
  const town = [...knownMunicipalities().keys()][townIndex]!;
  await audienceIn(db, customerId, town);
  const { id: transactionId } = await db
    .insertInto('transactions')
    .values({ customer_id: customerId, booked_on: '2026-01-15', amount_cents: -2_450, counterparty_name: `${secret} Bakkerij`, description: `${secret} brood`, category: 'groceries', dedupe_key: `owned-${secret}`, special: false, protected_life_event: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const upload = await world.services.imports.storeUpload(customerId, { name: `${secret}.csv`, bytes: Buffer.from('"Datum";"Naam / Omschrijving"\n') });

  const saved = (await ok(world, actors.advertiser, 'advertiser.segments.save', { name: `${secret} segment`, segment: { field: 'municipality', in: [town] }, locale: 'nl' })) as { id: string };
  const offerRequestId = await delivered(world, organisationId, 'offer_campaign', town, secret);
  const reportPurchaseId = await delivered(world, organisationId, 'insight_report', town, secret);
  const pending = (await ok(world, actors.advertiser, 'advertiser.purchases.create', {
    product: 'insight_report', title: `${secret} wachtend`, purposeStatement: `${secret}: leeftijden van de mensen in onze stad.`, segment: { field: 'municipality', in: [town] }, breakdowns: ['ageBand'], locale: 'nl',
  })) as { id: string };
  const invoices = (await ok(world, actors.advertiser, 'billing.invoices', undefined)) as { id: string }[];
  await world.services.sessions.issue(customerId, undefined, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' });
  const sessions = (await ok(world, actors.customer, 'account.sessions', undefined)) as { id: string; current: boolean }[];
  const otherSession = sessions.find((session) => !session.current);
  if (!otherSession) throw new Error('owned-resources: the second session is not listed');
  if (!invoices[0]) throw new Error('owned-resources: the deliveries made no invoice');
  const notification = await db.selectFrom('notifications').select('id').where('user_id', '=', customerId).where('notification_key', '=', `offer:${offerRequestId}`).executeTakeFirst();
  if (!notification) throw new Error('owned-resources: the delivered offer made no notification');
  return {
    uploadId: upload.id,
    transactionId: Number(transactionId),
    offerRequestId,
    segmentId: saved.id,
    pendingPurchaseId: pending.id,
    reportPurchaseId,
    invoiceId: invoices[0].id,
    sessionId: otherSession.id,
    notificationId: notification.id,
    secrets: [secret],
  };
}
