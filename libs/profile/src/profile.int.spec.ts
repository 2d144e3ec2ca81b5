import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTECTED_LIFE_EVENT_CATEGORIES, SELLABLE_CATEGORIES, SPECIAL_CATEGORIES } from '@dd/categories';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { createRedisConnection, type Queues } from '@dd/queue';
import { createTestQueues } from '@dd/queue/testing';
import { createProfileService, recomputeFeatures } from './profile.service';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
let queues: Queues;
beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  queues = redis.queues;
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const NOW = new Date('2026-11-30T10:00:00.000Z');
const service = () => createProfileService({ db, queues, now: () => NOW });

const insertCustomer = () => insertTestCustomer(db);

/** Every stored value of the customer's profile row, as text (updated_at included). */
async function profileRowText(customerId: string): Promise<string> {
  const result = await sql<{ row: string }>`select t::text as row from customer_profiles t where user_id = ${customerId}`.execute(db);
  return result.rows[0]?.row ?? '';
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Jobs of this customer that are waiting to run on the features queue. */
async function waitingRecomputes(customerId: string) {
  const jobs = await queues.get('features').getJobs(['waiting', 'delayed', 'prioritized']);
  return jobs.filter((job) => job.name === 'features.recompute' && (job.data as { customerId?: string }).customerId === customerId);
}

describe('profile update', () => {
  it('keeps province and municipality of a postcode and never the postcode itself', async () => {
    const customerId = await insertCustomer();
    const result = await service().update(customerId, { birthYear: 1990, postcode: '1012 AB', householdSize: 2, interests: ['travel', 'cooking', 'travel'] });
    expect(result).toMatchObject({
      birthYear: 1990,
      province: 'NL-NH',
      municipality: 'Amsterdam',
      householdSize: 2,
      interests: ['cooking', 'travel'],
      isAdult: true,
    });
    expect(JSON.stringify(result)).not.toMatch(/1012/);

    const stored = await db
      .selectFrom('customer_profiles')
      .select(['birth_year', 'province', 'municipality', 'household_size', 'interests'])
      .where('user_id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ birth_year: 1990, province: 'NL-NH', municipality: 'Amsterdam', household_size: 2, interests: ['cooking', 'travel'] });
    const values = await sql<{ row: string }>`select (to_jsonb(t) - 'updated_at')::text as row from customer_profiles t where user_id = ${customerId}`.execute(db);
    const row = values.rows[0]?.row ?? '';
    expect(row).toContain('Amsterdam');
    for (const needle of ['1012', '1012AB', '1012 AB', '1012 ab']) expect(row).not.toContain(needle);
    // Nor does the queued job carry it.
    const jobs = await waitingRecomputes(customerId);
    expect(jobs.map((j) => j.data)).toEqual([{ customerId }]);

    // Another postcode replaces both; removing it clears both.
    expect(await service().update(customerId, { postcode: '3511AB' })).toMatchObject({ province: 'NL-UT', municipality: 'Utrecht', birthYear: 1990 });
    expect(await service().update(customerId, { postcode: null })).toMatchObject({ province: null, municipality: null, birthYear: 1990, householdSize: 2 });
  });

  const FIELD_MESSAGE_KEYS: Record<string, string> = {
    postcode: 'validation.postcodeUnknown',
    birthYear: 'validation.birthYearInvalid',
    interests: 'validation.interestUnknown',
    householdSize: 'validation.householdInvalid',
  };

  it('refuses an invalid postcode, a birth year out of range, an unknown interest or household size, changing nothing', async () => {
    const customerId = await insertCustomer();
    await service().update(customerId, { birthYear: 1980, postcode: '9711 LM', householdSize: 3, interests: ['sport'] });
    const before = await profileRowText(customerId);
    const queuedBefore = (await waitingRecomputes(customerId)).length;

    const cases: [Parameters<ReturnType<typeof service>['update']>[1], string, string][] = [
      [{ birthYear: 1991, postcode: 'ABCD' }, 'postcode', 'We do not recognise this postcode. Enter a Dutch postcode like 1012 AB.'],
      [{ birthYear: 1991, postcode: '0123 AB' }, 'postcode', 'We do not recognise this postcode. Enter a Dutch postcode like 1012 AB.'],
      [{ birthYear: 1991, postcode: '1370 AA' }, 'postcode', 'We do not recognise this postcode. Enter a Dutch postcode like 1012 AB.'],
      [{ birthYear: 1899, postcode: '1012 AB' }, 'birthYear', 'Enter a birth year between 1900 and 2026.'],
      [{ birthYear: 2027, interests: ['travel'] }, 'birthYear', 'Enter a birth year between 1900 and 2026.'],
      [{ birthYear: 1990.5 }, 'birthYear', 'Enter a birth year between 1900 and 2026.'],
      [{ postcode: '1012 AB', interests: ['travel', 'astrology'] }, 'interests', 'Unknown interest: astrology. Choose from the list.'],
      [{ postcode: '1012 AB', householdSize: 0 }, 'householdSize', 'Enter a household size between 1 and 20.'],
      [{ postcode: '1012 AB', householdSize: 21 }, 'householdSize', 'Enter a household size between 1 and 20.'],
    ];
    for (const [input, field, message] of cases) {
      const error = await rejection(service().update(customerId, input));
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION_FAILED');
      expect(error.message, JSON.stringify(input)).toBe(message);
      // The field and the portal's text for it, so the form can say it under that field.
      expect(error.details, JSON.stringify(input)).toEqual({ field, messageKey: FIELD_MESSAGE_KEYS[field] });
    }
    expect(await profileRowText(customerId)).toBe(before);
    expect(await waitingRecomputes(customerId)).toHaveLength(queuedBefore);
    expect(await service().get(customerId)).toMatchObject({ birthYear: 1980, province: 'NL-GR', municipality: 'Groningen', householdSize: 3, interests: ['sport'] });
  });

  it('queues a features recompute, and again after the previous one has run', async () => {
    // Jobs left by earlier tests in this file would be taken first.
    await queues.get('features').drain();
    const customerId = await insertCustomer();
    await service().update(customerId, { birthYear: 1990, householdSize: 1 });
    const first = await waitingRecomputes(customerId);
    expect(first).toHaveLength(1);
    expect(first[0]?.name).toBe('features.recompute');
    expect(first[0]?.data).toEqual({ customerId });

    // Run the queued job the way the worker does, so it completes (and BullMQ keeps it for a day).
    const connection = createRedisConnection(testRedisUrl, 'worker');
    const worker = new Worker('features', null, { connection, prefix: redis.prefix, autorun: false });
    try {
      const runNext = async () => {
        const token = randomUUID();
        const job = await worker.getNextJob(token);
        expect(job?.data).toEqual({ customerId });
        await job?.moveToCompleted(await recomputeFeatures(db, customerId, NOW), token, false);
      };
      await runNext();
      expect(await waitingRecomputes(customerId)).toEqual([]);
      expect((await service().get(customerId)).features).toMatchObject({ ageBand: '35-44', householdBand: 'single' });

      // A later change must be recomputed too, although the earlier job is still kept.
      await service().update(customerId, { householdSize: 5 });
      expect((await waitingRecomputes(customerId)).map((j) => j.data)).toEqual([{ customerId }]);
      await runNext();
      expect((await service().get(customerId)).features).toMatchObject({ ageBand: '35-44', householdBand: 'five_plus' });
    } finally {
      await worker.close();
      connection.disconnect();
    }
  });
});

describe('recomputeFeatures', () => {
  it('a minor is not an adult and gets no age band; an unknown birth year neither', async () => {
    const minor = await insertCustomer();
    // Born 2010: on 30 November 2026 certainly no older than 15.
    await service().update(minor, { birthYear: 2010, postcode: '1012 AB', interests: ['gaming'] });
    expect(await recomputeFeatures(db, minor, NOW)).toBe('computed');
    const features = await db
      .selectFrom('customer_features')
      .select(['is_adult', 'age_band', 'province', 'municipality', 'interests'])
      .where('customer_id', '=', minor)
      .executeTakeFirstOrThrow();
    expect(features).toEqual({ is_adult: false, age_band: null, province: 'NL-NH', municipality: 'Amsterdam', interests: ['gaming'] });

    const unknown = await insertCustomer();
    await recomputeFeatures(db, unknown, NOW);
    expect(await db.selectFrom('customer_features').select(['is_adult', 'age_band']).where('customer_id', '=', unknown).executeTakeFirstOrThrow()).toEqual({
      is_adult: false,
      age_band: null,
    });
  });

  it('an adult gets the band of the age they have certainly reached', async () => {
    const cases: [number, Date, string][] = [
      [1996, NOW, '25-34'], // 30 at most before the birthday, so certainly 29
      [2008, NOW, 'minor'], // might still be 17
      [2008, new Date('2026-12-31T12:00:00.000Z'), '18-24'], // every birthday of 2026 has passed
      [1961, NOW, '55-64'],
      [1950, NOW, '65+'],
    ];
    for (const [birthYear, at, band] of cases) {
      const customerId = await insertCustomer();
      await db.updateTable('customer_profiles').set({ birth_year: birthYear }).where('user_id', '=', customerId).execute();
      await recomputeFeatures(db, customerId, at);
      const row = await db.selectFrom('customer_features').select(['is_adult', 'age_band']).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
      expect(row, `${birthYear} on ${at.toISOString()}`).toEqual(band === 'minor' ? { is_adult: false, age_band: null } : { is_adult: true, age_band: band });
    }
  });

  it('gives spend bands for sellable categories only, however much is spent on health, pregnancy or religion', async () => {
    const customerId = await insertCustomer();
    await db.updateTable('customer_profiles').set({ birth_year: 1985 }).where('user_id', '=', customerId).execute();
    let n = 0;
    const tx = (bookedOn: string, cents: number, category: string, flags: { special?: boolean; protected_life_event?: boolean } = {}) => ({
      customer_id: customerId,
      booked_on: bookedOn,
      amount_cents: cents,
      counterparty_name: `Tegenpartij ${category}`,
      description: `Betaling ${category}`,
      category,
      dedupe_key: `test-${++n}`,
      special: flags.special ?? false,
      protected_life_event: flags.protected_life_event ?? false,
    });
    await db
      .insertInto('transactions')
      .values([
        // €600 on groceries over the 90 days: €200 a month, band 3.
        tx('2026-09-20', -20_000, 'groceries'),
        tx('2026-10-15', -20_000, 'groceries'),
        tx('2026-11-29', -20_000, 'groceries'),
        // Outside the window: does not count.
        tx('2026-05-01', -500_000, 'groceries'),
        // €30 on dining: €10 a month, band 1.
        tx('2026-11-01', -3_000, 'dining'),
        // Large amounts in categories that must never become a feature.
        tx('2026-11-02', -300_000, 'health', { special: true }),
        tx('2026-11-03', -250_000, 'pregnancy_baby', { protected_life_event: true }),
        tx('2026-11-04', -100_000, 'religion', { special: true }),
        tx('2026-11-05', -80_000, 'politics', { special: true }),
        // Even when a row's flag is wrong, the category itself keeps it out.
        tx('2026-11-06', -300_000, 'health'),
        tx('2026-11-07', -300_000, 'pregnancy_baby'),
        // Internal money movements are never sold either.
        tx('2026-11-08', -150_000, 'housing'),
        tx('2026-11-09', -90_000, 'gambling'),
        tx('2026-11-10', 400_000, 'income'),
      ])
      .execute();

    await recomputeFeatures(db, customerId, NOW);
    const features = await db.selectFrom('customer_features').select(['spend_bands', 'is_adult']).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
    expect(features.is_adult).toBe(true);
    expect(features.spend_bands).toEqual({ groceries: 3, dining: 1 });
    for (const category of Object.keys(features.spend_bands)) expect(SELLABLE_CATEGORIES).toContain(category);
    const text = (await sql<{ row: string }>`select t::text as row from customer_features t where customer_id = ${customerId}`.execute(db)).rows[0]?.row ?? '';
    for (const restricted of [...SPECIAL_CATEGORIES, ...PROTECTED_LIFE_EVENT_CATEGORIES, 'housing', 'gambling', 'income']) expect(text).not.toContain(restricted);
  });

  it('nets reversals in spend bands as in spending: a reversed debit cancels it, a reversed credit is not spending', async () => {
    const customerId = await insertCustomer();
    await db.updateTable('customer_profiles').set({ birth_year: 1985 }).where('user_id', '=', customerId).execute();
    let n = 0;
    const tx = (bookedOn: string, cents: number, category: string, isReversal = false) => ({
      customer_id: customerId,
      booked_on: bookedOn,
      amount_cents: cents,
      counterparty_name: `Tegenpartij ${category}`,
      description: isReversal ? 'Terugboeking' : `Betaling ${category}`,
      category,
      dedupe_key: `reversal-test-${++n}`,
      is_reversal: isReversal,
    });
    await db
      .insertInto('transactions')
      .values([
        // €600 on energy, of which a €300 direct debit was reversed by the bank: €300 over three months, band 3.
        tx('2026-10-05', -30_000, 'energy'),
        tx('2026-11-05', -30_000, 'energy'),
        tx('2026-11-07', 30_000, 'energy', true),
        // A €30 dining payment reversed in full: no dining band at all.
        tx('2026-11-10', -3_000, 'dining'),
        tx('2026-11-12', 3_000, 'dining', true),
        // Salary taken back (a reversed credit, booked as "other") is not €900 of spending on "other".
        tx('2026-11-20', -90_000, 'other', true),
      ])
      .execute();

    await recomputeFeatures(db, customerId, NOW);
    const features = await db.selectFrom('customer_features').select('spend_bands').where('customer_id', '=', customerId).executeTakeFirstOrThrow();
    expect(features.spend_bands).toEqual({ energy: 3 });
  });

  it('reports a customer without a profile and writes nothing', async () => {
    const { id } = await db
      .insertInto('users')
      .values({ email: `bare-${randomUUID()}@example.nl`, password_hash: 'unused-in-this-test', role: 'customer', display_name: 'Zonder Profiel' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await recomputeFeatures(db, id, NOW)).toBe('no-profile');
    expect(await db.selectFrom('customer_features').select('customer_id').where('customer_id', '=', id).execute()).toEqual([]);
  });
});
