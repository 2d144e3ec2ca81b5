import { createHash, randomUUID } from 'node:crypto';
import { insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_BILLING_SETTINGS, dutchDate, invoiceAmounts } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import type { Db, PurchaseProduct, Purpose } from '@dd/db';
import { recordDeposit } from '@dd/ledger';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '@dd/privacy';
import type { Queues } from '@dd/queue';
import { knownMunicipalities, validateSegment } from '@dd/segments';
import type { FulfilmentDeps } from './fulfilment.service';
import { reserve } from './purchase.reservation';

// Test fixtures for fulfilment: members, funded advertisers and approved requests, written straight
// to the tables (the purchase and moderation flows have tests of their own).

export const K = 10;

/**
 * Small k and threshold so ~150 members make realistic cohorts; budgets large enough not to
 * interfere; an audience epsilon so large that its noise is almost surely zero, so which side of k
 * a cohort falls on is predictable (the attack tests use the real epsilons).
 */
export const TEST_PRIVACY: PrivacySettings = {
  ...DEFAULT_PRIVACY_SETTINGS,
  minimumAudience: K,
  cellThreshold: 3,
  tableEpsilonMicro: 1_000_000,
  audienceEpsilonMicro: 20_000_000,
  campaignStatEpsilonMicro: 20_000_000,
  memberMonthlyEpsilonMicro: 1_000_000_000,
  advertiserMonthlyEpsilonMicro: 10_000_000_000,
};

/** Each cohort lives in a municipality of its own, so cohorts are disjoint and never trip the differencing defence by accident. */
export const TOWNS = [...knownMunicipalities().keys()].slice(0, 8);

export const inTown = (...towns: string[]) => ({ field: 'municipality', in: towns });

export function fulfilmentDeps(db: Db, queues: Queues, overrides: Partial<FulfilmentDeps> = {}): FulfilmentDeps {
  return { db, queues, privacy: TEST_PRIVACY, billing: DEFAULT_BILLING_SETTINGS, ...overrides };
}

/** Adults in one town who granted every profile category for both purposes. */
export async function seedTown(db: Db, town: string, size: number): Promise<string[]> {
  const grants = PROFILE_CATEGORY_CODES.flatMap((category) => (['insights', 'offers'] as const).map((purpose) => ({ category, purpose })));
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    ids.push(
      await insertAudienceMember(db, {
        birthYear: 1970 + (i % 30),
        features: {
          isAdult: true, ageBand: ['25-34', '35-44', '45-54'][i % 3]!, province: 'NL-UT', municipality: town,
          householdBand: ['single', 'two'][i % 2]!, interests: ['travel'], spendBands: {},
        },
        grants,
      }),
    );
  }
  return ids;
}

/** The member says no to every profile category for the purpose (a new decision; consent is append-only). */
export async function withdrawConsent(db: Db, customerId: string, purpose: Purpose): Promise<void> {
  await db
    .insertInto('consent_decisions')
    .values(PROFILE_CATEGORY_CODES.map((category) => ({ customer_id: customerId, change_id: randomUUID(), category, purpose, granted: false, policy_version: 'test', policy_text_hash: 'test', source: 'test' })))
    .execute();
}

export async function excludeIndustry(db: Db, customerId: string, industry: string): Promise<void> {
  await db.insertInto('industry_exclusions').values({ customer_id: customerId, change_id: randomUUID(), industry, excluded: true, policy_version: 'test' }).execute();
}

export async function fundedOrganisation(db: Db, depositCents: number, name = `Fietsenwinkel ${randomUUID().slice(0, 6)}`): Promise<string> {
  const { id } = await db.insertInto('organisations').values({ name, status: 'verified', industry: 'retail' }).returning('id').executeTakeFirstOrThrow();
  if (depositCents > 0) await recordDeposit(db, { organisationId: id, amountCents: depositCents, idempotencyKey: `deposit:${randomUUID()}` });
  return id;
}

// 70% of 47 is not whole cents, so the members' pool leaves spare cents, which must land where the distribution puts them.
export const PRICE_CENTS = 47;
export const MAX_MEMBERS = 40;
/** What a request of MAX_MEMBERS at PRICE_CENTS reserves: net plus VAT. */
export const RESERVED_CENTS = invoiceAmounts(MAX_MEMBERS * PRICE_CENTS, DEFAULT_BILLING_SETTINGS.vatRateBp).totalCents;

/** An approved request with its reservation posted, as moderation leaves it for the fulfilment job. */
export async function approvedRequest(
  db: Db,
  input: { organisationId: string; product: PurchaseProduct; segment: unknown; breakdowns?: string[]; title?: string },
): Promise<string> {
  const { categories } = validateSegment(input.segment);
  const offer = input.product === 'offer_campaign';
  const endsOn = dutchDate(new Date(Date.now() + 30 * 86_400_000));
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('purchase_requests')
      .values({
        organisation_id: input.organisationId,
        product: input.product,
        purpose: offer ? 'offers' : 'insights',
        title: input.title ?? (offer ? 'Voorjaarsactie fietsen' : 'Fietsers in Utrecht'),
        purpose_statement: 'We want to understand who rides a bike to work in this town.',
        segment: JSON.stringify(input.segment),
        canonical_key: createHash('sha256').update(JSON.stringify(input.segment)).digest('hex'),
        categories,
        breakdowns: offer ? [] : (input.breakdowns ?? ['ageBand', 'householdBand']),
        offer_title: offer ? '20% korting op een e-bike' : null,
        offer_body: offer ? 'Alleen deze maand in onze winkel.' : null,
        offer_url: offer ? 'https://example.nl/e-bike' : null,
        offer_ends_on: offer ? endsOn : null,
        estimated_members: 30,
        max_members: MAX_MEMBERS,
        price_per_member_cents: PRICE_CENTS,
        reserved_cents: RESERVED_CENTS,
        status: 'approved',
        decided_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await reserve(trx, { id, organisation_id: input.organisationId, reserved_cents: RESERVED_CENTS });
    return id;
  });
}
