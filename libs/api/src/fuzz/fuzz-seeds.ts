import { createHash, randomUUID } from 'node:crypto';
import { insertAudienceMember } from '@dd/audience/testing';
import { DEFAULT_BILLING_SETTINGS, runStatementImport } from '@dd/billing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import { camt053Document } from '@dd/billing/testing';
import type { Db } from '@dd/db';
import { reserve } from '@dd/marketplace';
import type { Queues } from '@dd/queue';
import type { AppServices } from '../services';
import type { FuzzRole } from '../testing/procedure-catalogue';
import { callAs, type Actor } from '../testing/role-callers';

/**
 * What the fuzz's actors own before it starts (a transaction, an upload, a saved segment, a
 * purchase waiting for review, unmatched bank credits), and realistic inputs naming those things:
 * a hostile value in one field of such an input reaches the service and the database, where a
 * random id would stop at "not found".
 */
export interface SeedWorld {
  transactionId: number;
  uploadId: string;
  segmentId: string;
  pendingPurchaseId: string;
  /** Two unmatched credits of an imported statement: one to assign, one to dismiss. */
  creditIds: [number, number];
  unverifiedOrganisationId: string;
  verifiedOrganisationId: string;
  /** The unverified organisation's details as the admin's list shows them (verify needs it). */
  detailsVersion: string;
  /**
   * For calls that use their resource up (a dismissal, a decision, a deletion): a fresh one per
   * call, so every case meets a resource still waiting, not the first case's leftovers. Each
   * returns the seed's id and the new one to put in its place.
   */
  fresh: Record<string, () => Promise<{ from: unknown; to: unknown }>>;
  /** Puts back what a fuzzed call may have changed about the actors (an organisation's status). */
  restore(): Promise<void>;
}

interface World {
  db: Db;
  queues: Queues;
  services: AppServices;
}

const UTRECHT = { field: 'province', in: ['NL-UT'] };
/** The fuzz's k; the world has twice as many consenting members in Utrecht, so a purchase there goes through. */
export const FUZZ_MINIMUM_AUDIENCE = 10;
const GRANTS = PROFILE_CATEGORY_CODES.flatMap((category) => (['insights', 'offers'] as const).map((purpose) => ({ category, purpose })));

export async function seedWorld({ db, services }: World, actors: Record<FuzzRole, Actor>): Promise<SeedWorld> {
  const customerId = actors.customer.userId!;
  for (let i = 0; i < 2 * FUZZ_MINIMUM_AUDIENCE; i++) {
    await insertAudienceMember(db, { features: { isAdult: true, ageBand: '35-44', province: 'NL-UT', municipality: null, householdBand: 'two', interests: ['travel'], spendBands: {} }, grants: GRANTS });
  }
  const { id: transactionId } = await db
    .insertInto('transactions')
    .values({ customer_id: customerId, booked_on: '2026-01-15', amount_cents: -2_450, counterparty_name: 'Albert Heijn', description: 'Boodschappen', category: 'groceries', dedupe_key: 'fuzz-1', special: false, protected_life_event: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const upload = await services.imports.storeUpload(customerId, { name: 'ing.csv', bytes: Buffer.from('"Datum";"Naam / Omschrijving"\n') });
  const call = async (actor: Actor, path: string, input: unknown) => {
    const outcome = await callAs(services, actor, path, input);
    if (!outcome.ok) throw new Error(`fuzz-seeds: ${path}: ${outcome.shape.message}`);
    return outcome.value;
  };
  const saved = (await call(actors.advertiserVerified, 'advertiser.segments.save', { name: 'Reizigers', segment: UTRECHT, locale: 'nl' })) as { id: string };
  const unverifiedOrganisationId = actors.advertiserUnverified.organisationId!;
  const verifiedOrganisationId = actors.advertiserVerified.organisationId!;

  // A request waiting for review, as purchases.create leaves one (create itself needs an audience this world has not).
  const pendingPurchase = () => db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('purchase_requests')
      .values({
        organisation_id: verifiedOrganisationId, product: 'insight_report', purpose: 'insights', title: 'Reizigers', purpose_statement: 'Inzicht in reizigers in Utrecht voor onze folder.',
        segment: JSON.stringify(UTRECHT), canonical_key: createHash('sha256').update(JSON.stringify(UTRECHT)).digest('hex'), categories: ['province'], breakdowns: ['ageBand'],
        estimated_members: 150, max_members: 165, price_per_member_cents: 2, reserved_cents: 10, status: 'pending_review',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await reserve(trx, { id, organisation_id: verifiedOrganisationId, reserved_cents: 10 });
    return id;
  });
  const pendingPurchaseId = await pendingPurchase();

  // Enough unmatched credits for every assign and dismiss case to get one of its own.
  const statement = camt053Document({
    iban: DEFAULT_BILLING_SETTINGS.platformIban,
    entries: Array.from({ length: 200 }, (_, i) => ({
      amountCents: 1_000 + i, bookedOn: '2026-01-18', bankReference: `FUZZ-${randomUUID()}`, counterpartyName: 'Onbekend B.V.', remittance: `Voor de campagne ${i}`,
    })),
  });
  const form = new FormData();
  form.set('file', new File([statement], 'fuzz.xml'));
  const stored = (await call(actors.admin, 'admin.billing.uploadStatement', form)) as { id: string };
  await runStatementImport(db, stored.id);
  const credits = ((await call(actors.admin, 'admin.billing.unmatched', undefined)) as { id: number; statementId: string }[]).filter((c) => c.statementId === stored.id);
  const listed = (await call(actors.admin, 'admin.organisations.list', {})) as { items: { id: string; detailsVersion: string }[] };

  const statuses = { [unverifiedOrganisationId]: 'unverified', [verifiedOrganisationId]: 'verified' } as const;
  const spareCredits = credits.slice(2).map((c) => c.id);
  const nextCredit = (from: number) => async () => ({ from, to: spareCredits.shift() ?? from });
  return {
    transactionId: Number(transactionId),
    uploadId: upload.id,
    segmentId: saved.id,
    pendingPurchaseId,
    creditIds: [credits[0]!.id, credits[1]!.id],
    unverifiedOrganisationId,
    verifiedOrganisationId,
    detailsVersion: listed.items.find((o) => o.id === unverifiedOrganisationId)!.detailsVersion,
    fresh: {
      'admin.billing.assign': nextCredit(credits[0]!.id),
      'admin.billing.dismiss': nextCredit(credits[1]!.id),
      'admin.moderation.decide': async () => ({ from: pendingPurchaseId, to: await pendingPurchase() }),
      'advertiser.purchases.cancel': async () => ({ from: pendingPurchaseId, to: await pendingPurchase() }),
      'advertiser.segments.delete': async () => {
        const segment = (await call(actors.advertiserVerified, 'advertiser.segments.save', { name: `Weg ermee ${randomUUID()}`, segment: UTRECHT, locale: 'nl' })) as { id: string };
        return { from: saved.id, to: segment.id };
      },
    },
    async restore() {
      for (const [id, status] of Object.entries(statuses)) {
        await db.updateTable('organisations').set({ status, rejection_reason: null, verification_ended_at: null, verification_end_cause: null }).where('id', '=', id).execute();
      }
    },
  };
}

/** A valid input per procedure where chance rarely finds one, or where a real id of the actor's goes deeper. */
export function fuzzSeeds(world: SeedWorld): Record<string, unknown> {
  const endsOn = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  return {
    'auth.signUpAdvertiser': {
      displayName: 'Joost Bakker',
      email: 'joost@bakkermedia.nl',
      password: 'correct horse battery staple 42',
      organisationName: 'Bakker Media B.V.',
      locale: 'nl',
      kvkNumber: '12345678',
      vatNumber: 'NL123456782B01',
      contactName: 'Joost Bakker',
      contactEmail: 'inkoop@bakkermedia.nl',
      industry: 'retail',
    },
    // No challenge of this token exists: the hostile cases meet the service's refusal, not only the schema's.
    'auth.twoFactorVerify': { token: 'Q2hhbGxlbmdlVG9rZW4tZnV6ei0xMjM0NTY3ODkwYWI', code: '123456' },
    'auth.twoFactorConfirmSetUp': { token: 'Q2hhbGxlbmdlVG9rZW4tZnV6ei0xMjM0NTY3ODkwYWI', code: '123456' },
    'transactions.recategorise': { transactionId: world.transactionId, category: 'dining' },
    'transactions.list': { cursor: '2026-01-15_1', limit: 10, category: 'groceries', month: '2026-01' },
    'imports.get': { uploadId: world.uploadId },
    'advertiser.estimate': { segment: UTRECHT, purpose: 'insights', locale: 'nl' },
    'advertiser.segments.get': { id: world.segmentId, locale: 'nl' },
    'advertiser.segments.save': { id: world.segmentId, name: 'Reizigers Utrecht', segment: UTRECHT, locale: 'nl' },
    'advertiser.segments.rename': { id: world.segmentId, name: 'Reizigers (Utrecht)' },
    'advertiser.purchases.create': {
      product: 'offer_campaign',
      title: 'Reizigers',
      purposeStatement: 'Reizigers in Utrecht korting geven op een weekend weg.',
      segment: UTRECHT,
      savedSegmentId: world.segmentId,
      locale: 'nl',
      offer: { title: 'Korting', body: 'Tien procent korting.', url: 'https://example.nl/actie', code: 'REIS10', endsOn },
    },
    'advertiser.updateOrganisation': { name: 'Wel Geverifieerd B.V.', kvkNumber: '12345678', vatNumber: 'NL123456782B01', contactName: 'Joost Bakker', contactEmail: 'inkoop@example.nl', industry: 'retail' },
    'earnings.requestPayout': { amount: 1_500, iban: 'NL91ABNA0417164300', accountHolder: 'Eva Jansen' },
    'advertiser.purchases.cancel': { id: world.pendingPurchaseId },
    'advertiser.purchases.check': { product: 'insight_report', segment: UTRECHT, breakdowns: ['ageBand'], locale: 'nl' },
    'advertiser.segments.delete': { id: world.segmentId },
    'admin.moderation.decide': { id: world.pendingPurchaseId, decision: 'reject', reason: 'Het doel past niet bij de gekozen groep.' },
    'admin.organisations.verify': { id: world.unverifiedOrganisationId, detailsVersion: world.detailsVersion },
    'admin.organisations.reject': { id: world.unverifiedOrganisationId, reason: 'Het KvK-nummer hoort bij een ander bedrijf.' },
    'admin.organisations.withdraw': { id: world.verifiedOrganisationId, reason: 'De gegevens blijken niet te kloppen.' },
    'admin.billing.assign': { entryId: world.creditIds[0], organisationId: world.verifiedOrganisationId, note: 'Gebeld met de adverteerder.' },
    'admin.billing.dismiss': { entryId: world.creditIds[1], note: 'Teruggestort aan de afzender.' },
  };
}
