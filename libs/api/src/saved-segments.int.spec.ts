import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentNode } from '@dd/contract';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { canonicalKey, canonicalise, knownMunicipalities, MAX_SAVED_SEGMENTS } from '@dd/segments';
import { createAppServices } from './services';
import { rejection } from './testing/actors';
import { createTestClient } from './testing/test-context';

const PASSWORD = 'correct horse battery staple 42';

let tdb: TestDatabase;
let redis: ReturnType<typeof createTestQueues>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

async function advertiser(organisationName = 'Bakker Media B.V.') {
  const client = createTestClient(tdb.db, redis.queues);
  const viewer = await (await client.call()).auth.signUpAdvertiser({
    displayName: 'Joost Bakker',
    email: `adv-${randomUUID()}@example.nl`,
    password: PASSWORD,
    organisationName,
    locale: 'en',
  });
  const segments = async () => (await client.call()).advertiser.segments;
  return { client, viewer, segments };
}


/** What the portal receives for a failed call: the error after the router's formatter. */
async function failed(client: ReturnType<typeof createTestClient>, path: string, call: Promise<unknown>) {
  return client.errorShape(await rejection(call), path);
}

const utrechtTravellers: SegmentNode = { op: 'all', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['travel'] }] };
/** The same audience, written the long way round: reordered, a duplicate value, a double negation. */
const utrechtTravellersRephrased = {
  op: 'all',
  of: [{ op: 'not', of: { op: 'not', of: { field: 'interest', in: ['travel', 'travel'] } } }, { field: 'province', in: ['NL-UT'] }],
};

describe('saved segments', () => {
  it('stores the canonical tree and its key, and reads it back with a description in the asked language', async () => {
    const { segments } = await advertiser();
    const saved = await (await segments()).save({ name: '  Reizigers in Utrecht ', segment: utrechtTravellersRephrased, locale: 'nl' });
    expect(saved.name).toBe('Reizigers in Utrecht');
    expect(saved.tree).toEqual(canonicalise(utrechtTravellers));
    expect(saved.description).toBe('Mensen in Utrecht die interesse hebben in reizen');

    const row = await tdb.db.selectFrom('saved_segments').select(['tree', 'canonical_key']).where('id', '=', saved.id).executeTakeFirstOrThrow();
    expect(row.tree).toEqual(canonicalise(utrechtTravellers));
    expect(row.canonical_key).toBe(canonicalKey(utrechtTravellers));

    const english = await (await segments()).get({ id: saved.id, locale: 'en' });
    expect(english).toMatchObject({ id: saved.id, name: 'Reizigers in Utrecht', description: 'People in Utrecht who are interested in travel' });
    expect(await (await segments()).list({ locale: 'en' })).toEqual([
      { id: saved.id, name: 'Reizigers in Utrecht', description: 'People in Utrecht who are interested in travel', updatedAt: saved.updatedAt },
    ]);
  });

  it('lets an unverified organisation save, edit, rename and delete its segments', async () => {
    const { viewer, segments } = await advertiser();
    expect(viewer.organisation?.status).toBe('unverified');
    const first = await (await segments()).save({ name: 'Jonge gezinnen', segment: { field: 'householdBand', in: ['three_four'] } });
    const edited = await (await segments()).save({ id: first.id, name: 'Jonge gezinnen', segment: { op: 'all', of: [{ field: 'householdBand', in: ['three_four'] }, { field: 'ageBand', in: ['25-34'] }] } });
    expect(edited.id).toBe(first.id);
    expect(edited.tree).toEqual({ op: 'all', of: [{ field: 'ageBand', in: ['25-34'] }, { field: 'householdBand', in: ['three_four'] }] });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));

    const renamed = await (await segments()).rename({ id: first.id, name: 'Gezinnen met kinderen' });
    expect(renamed).toMatchObject({ name: 'Gezinnen met kinderen', tree: edited.tree });

    await (await segments()).save({ name: 'Tweede', segment: { field: 'interest', in: ['sport'] } });
    expect((await (await segments()).list({ locale: 'en' })).map((s) => s.name)).toEqual(['Tweede', 'Gezinnen met kinderen']);

    expect(await (await segments()).delete({ id: first.id })).toEqual({ deleted: true });
    expect((await (await segments()).list({ locale: 'en' })).map((s) => s.name)).toEqual(['Tweede']);
    expect((await rejection((await segments()).get({ id: first.id, locale: 'en' }))).code).toBe('NOT_FOUND');
  });

  it('keeps every organisation to its own segments', async () => {
    const a = await advertiser('Fietsenwinkel De Spaak');
    const b = await advertiser('Supermarkt Noord');
    const mine = await (await a.segments()).save({ name: 'Fietsers', segment: { field: 'interest', in: ['outdoor'] } });

    expect(await (await b.segments()).list({ locale: 'en' })).toEqual([]);
    const attempts = [
      async () => (await b.segments()).get({ id: mine.id, locale: 'en' }),
      async () => (await b.segments()).rename({ id: mine.id, name: 'Van mij' }),
      async () => (await b.segments()).delete({ id: mine.id }),
      async () => (await b.segments()).save({ id: mine.id, name: 'Overgenomen', segment: { field: 'interest', in: ['sport'] } }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe('NOT_FOUND');
    // The same name is fine in another organisation.
    await (await b.segments()).save({ name: 'Fietsers', segment: { field: 'interest', in: ['sport'] } });

    const untouched = await (await a.segments()).get({ id: mine.id, locale: 'en' });
    expect(untouched).toMatchObject({ name: 'Fietsers', tree: { field: 'interest', in: ['outdoor'] } });
    expect((await (await a.segments()).list({ locale: 'en' })).map((s) => s.id)).toEqual([mine.id]);
  });

  it('refuses customers and signed-out visitors', async () => {
    const customer = createTestClient(tdb.db, redis.queues);
    await (await customer.call()).auth.signUpCustomer({ displayName: 'Eva Jansen', email: `klant-${randomUUID()}@example.nl`, password: PASSWORD });
    expect((await rejection((await customer.call()).advertiser.segments.list({ locale: 'en' }))).code).toBe('FORBIDDEN');
    const visitor = createTestClient(tdb.db, redis.queues);
    expect((await rejection((await visitor.call()).advertiser.segments.save({ name: 'x', segment: { field: 'interest', in: ['sport'] } }))).code).toBe('UNAUTHORIZED');
  });
});

describe('saving refuses what cannot be a segment, with a translatable reason', () => {
  it('special categories, minors and unknown values: the segment.* key under criteria, the problem as the reason', async () => {
    const { client, segments } = await advertiser();
    const health = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Zorg', segment: { op: 'all', of: [{ field: 'interest', in: ['sport'] }, { field: 'spend', category: 'health', min: 1, max: 5 }] } }));
    expect(health.message).toMatch(/never use health/);
    expect(health.data).toMatchObject({
      domainCode: 'VALIDATION_FAILED',
      fieldErrors: { criteria: ['segment.restricted'] },
      reason: { code: 'segment.restricted', params: { kind: 'restricted', path: 'of.1.category', subject: 'Health', count: 1 } },
    });

    const minor = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Jong', segment: { field: 'ageBand', in: ['minor'] } }));
    expect(minor.data).toMatchObject({ fieldErrors: { criteria: ['segment.minor'] }, reason: { code: 'segment.minor' } });

    const town = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Dorp', segment: { field: 'municipality', in: ['Atlantis'] } }));
    expect(town.data).toMatchObject({ fieldErrors: { criteria: ['segment.unknown'] }, reason: { code: 'segment.unknown', params: { subject: 'Atlantis', path: 'in.0' } } });
  });

  it('trees the contract refuses: the contract key itself', async () => {
    const { client, segments } = await advertiser();
    const tooMany = { op: 'any', of: Array.from({ length: 21 }, () => ({ field: 'interest', in: ['sport'] })) };
    const shape = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Veel', segment: tooMany }));
    expect(shape.data).toMatchObject({ fieldErrors: { criteria: ['segment.tooManyPredicates'] }, reason: { code: 'segment.tooManyPredicates' } });
    const empty = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Leeg', segment: { field: 'interest', in: [] } }));
    expect(empty.data).toMatchObject({ fieldErrors: { criteria: ['segment.emptyList'] } });
  });

  it('criteria that leave nobody or everyone', async () => {
    const { client, segments } = await advertiser();
    const nobody = { op: 'all', of: [{ field: 'ageBand', in: ['18-24'] }, { field: 'ageBand', in: ['65+'] }] };
    const a = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Niemand', segment: nobody }));
    expect(a.data).toMatchObject({ fieldErrors: { criteria: ['segments.errors.nobody'] } });
    const b = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Iedereen', segment: { op: 'not', of: nobody } }));
    expect(b.data).toMatchObject({ fieldErrors: { criteria: ['segments.errors.everyone'] } });
    expect(await (await segments()).list({ locale: 'en' })).toEqual([]);
  });

  it('names: required, at most 80 characters, unique within the organisation whatever the capitals', async () => {
    const { client, segments } = await advertiser();
    const segment = { field: 'interest', in: ['sport'] };
    const blank = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: '   ', segment }));
    expect(blank.data).toMatchObject({ fieldErrors: { name: ['segments.errors.nameRequired'] } });
    const long = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'x'.repeat(81), segment }));
    expect(long.data).toMatchObject({ fieldErrors: { name: ['segments.errors.nameTooLong'] } });

    const sport = await (await segments()).save({ name: 'Sporters', segment });
    const other = await (await segments()).save({ name: 'Lezers', segment: { field: 'interest', in: ['reading'] } });
    const taken = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'SPORTERS', segment }));
    expect(taken.data).toMatchObject({ fieldErrors: { name: ['segments.errors.nameTaken'] } });
    const renamed = await failed(client, 'advertiser.segments.rename', (await segments()).rename({ id: other.id, name: 'sporters' }));
    expect(renamed.data).toMatchObject({ fieldErrors: { name: ['segments.errors.nameTaken'] } });
    // Keeping its own name while changing the criteria is fine.
    await expect((await segments()).save({ id: sport.id, name: 'Sporters', segment: { field: 'interest', in: ['sport', 'outdoor'] } })).resolves.toMatchObject({ name: 'Sporters' });
  });

  it(`keeps at most ${MAX_SAVED_SEGMENTS} segments per organisation`, async () => {
    const { client, viewer, segments } = await advertiser();
    const organisationId = viewer.organisation?.id ?? '';
    await tdb.db
      .insertInto('saved_segments')
      .values(Array.from({ length: MAX_SAVED_SEGMENTS }, (_, i) => ({ organisation_id: organisationId, name: `Segment ${i}`, tree: JSON.stringify({ field: 'interest', in: ['sport'] }), canonical_key: canonicalKey({ field: 'interest', in: ['sport'] }) })))
      .execute();
    const full = await failed(client, 'advertiser.segments.save', (await segments()).save({ name: 'Eén te veel', segment: { field: 'interest', in: ['sport'] } }));
    expect(full.data).toMatchObject({ fieldErrors: { name: ['segments.errors.tooMany'] } });
  });
});

describe('what the builder reads besides segments', () => {
  it('prices per member of each product, from the settings', async () => {
    const { client } = await advertiser();
    expect(await (await client.call()).advertiser.prices()).toEqual({
      products: [
        { product: 'insight_report', purpose: 'insights', label: { nl: 'Inzichtrapport', en: 'Insight report' }, pricePerMemberCents: 2 },
        { product: 'offer_campaign', purpose: 'offers', label: { nl: 'Aanbiedingscampagne', en: 'Offer campaign' }, pricePerMemberCents: 15 },
      ],
    });
    const services = createAppServices(tdb.db, redis.queues, { sessionTtlHours: 1, prices: { insightReportCents: 3, offerCampaignCents: 25 } });
    const custom = createTestClient(tdb.db, redis.queues, undefined, { services });
    await (await custom.call()).auth.signUpAdvertiser({ displayName: 'Anne Smit', email: `adv-${randomUUID()}@example.nl`, password: PASSWORD, organisationName: 'Smit B.V.', locale: 'nl' });
    const prices = await (await custom.call()).advertiser.prices();
    expect(prices.products.map((p) => p.pricePerMemberCents)).toEqual([3, 25]);
  });

  it('segment options: adult age bands, households, every known municipality by province, spend bands in euros', async () => {
    const { client } = await advertiser();
    const options = await (await client.call()).reference.segmentOptions();
    expect(options.ageBands.map((b) => b.code)).toEqual(['18-24', '25-34', '35-44', '45-54', '55-64', '65+']);
    expect(options.ageBands.at(-1)?.label).toEqual({ nl: '65 jaar of ouder', en: '65 or over' });
    expect(options.householdBands.map((b) => b.code)).toEqual(['single', 'two', 'three_four', 'five_plus']);
    const listed = options.municipalities.flatMap((group) => group.municipalities.map((name) => [name, group.province]));
    expect(new Map(listed as [string, string][])).toEqual(new Map(knownMunicipalities()));
    expect(options.municipalities.find((g) => g.province === 'NL-ZH')?.municipalities.slice(0, 3)).toEqual(['Alphen aan den Rijn', 'Delft', 'Dordrecht']);
    expect(options.spendBands).toEqual([
      { band: 1, fromCents: null, toCents: 2_500 },
      { band: 2, fromCents: 2_500, toCents: 10_000 },
      { band: 3, fromCents: 10_000, toCents: 25_000 },
      { band: 4, fromCents: 25_000, toCents: 50_000 },
      { band: 5, fromCents: 50_000, toCents: null },
    ]);
  });
});
