import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDUSTRY_CODES, PROFILE_CATEGORY_CODES, SELLABLE_CATEGORIES, SPECIAL_CATEGORIES } from '@dd/categories';
import { sql, type Db, type Purpose } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { CONSENT_POLICY, CONSENT_POLICY_HASH } from './consent.policy';
import { createConsentService, type ConsentChangeInput } from './consent.service';

let tdb: TestDatabase;
let db: Db;
beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});
afterAll(async () => {
  await tdb.drop();
});

const DAY = 86_400_000;
const START = new Date('2026-11-30T10:00:00.000Z');
const ADULT_BIRTH_YEAR = 1985;
// Born in 2010: on 30 November 2026 certainly no older than 15.
const MINOR_BIRTH_YEAR = 2010;

const MINOR_MESSAGE = 'You can give consent from the age of 18. Until then your data is never shared.';
const NO_BIRTH_YEAR_MESSAGE = 'Enter your birth year in your profile first: consent is only possible from the age of 18.';
const notShareable = (code: string) =>
  `"${code}" is not a data category you can share. Health, religion, politics, trade unions, sexual life and pregnancy are never shared.`;

/** A service whose clock the test moves by hand. */
function consentAt(start: Date) {
  const clock = { now: start };
  const service = createConsentService({ db, now: () => clock.now });
  return {
    service,
    get now() {
      return clock.now;
    },
    set(at: Date) {
      clock.now = at;
    },
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
      return clock.now;
    },
  };
}

const insertCustomer = (birthYear: number | null) => insertTestCustomer(db, { birthYear });

async function decisionRows(customerId: string) {
  return db
    .selectFrom('consent_decisions')
    .select(['id', 'change_id', 'category', 'purpose', 'granted', 'expires_at', 'policy_version', 'policy_text_hash', 'source', 'recorded_at'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
}

async function exclusionRows(customerId: string) {
  return db
    .selectFrom('industry_exclusions')
    .select(['id', 'change_id', 'industry', 'excluded', 'policy_version', 'recorded_at'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const grant = (category: string, purpose: Purpose, expiresAt?: Date): ConsentChangeInput => ({
  category,
  purpose,
  granted: true,
  expiresAt: expiresAt ? expiresAt.toISOString() : null,
});
const withdraw = (category: string, purpose: Purpose): ConsentChangeInput => ({ category, purpose, granted: false });

describe('consent state', () => {
  it('starts with every profile fact and sellable category × both purposes off, profile facts first, and nothing covered', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service, now } = consentAt(START);
    const state = await service.state(customerId);
    expect(state.policyVersion).toBe(CONSENT_POLICY.version);
    expect(state.canConsent).toBe(true);
    expect(state.blockedReason).toBeNull();
    expect(state.excludedIndustries).toEqual([]);
    const categories = [...PROFILE_CATEGORY_CODES, ...SELLABLE_CATEGORIES];
    expect(state.cells).toHaveLength(categories.length * 2);
    const expected = categories.flatMap((category) => (['insights', 'offers'] as const).map((purpose) => `${category}|${purpose}`));
    expect(state.cells.map((c) => `${c.category}|${c.purpose}`)).toEqual(expected);
    for (const cell of state.cells) {
      expect(cell).toEqual({ category: cell.category, purpose: cell.purpose, granted: false, expiresAt: null, expired: false, recordedAt: null });
      expect(await service.covers({ customerId, categories: [cell.category], purpose: cell.purpose, industry: null, at: now })).toBe(false);
    }
    for (const special of SPECIAL_CATEGORIES) expect(state.cells.some((c) => c.category === special)).toBe(false);
    expect(await decisionRows(customerId)).toEqual([]);
  });
});

describe('granting and withdrawing', () => {
  it('a grant with an end date covers until that moment and no longer, without any job running', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    const end = new Date(START.getTime() + 90 * DAY);
    const state = await clock.service.update(customerId, { changes: [grant('groceries', 'insights', end)] });
    expect(state.cells.find((c) => c.category === 'groceries' && c.purpose === 'insights')).toEqual({
      category: 'groceries',
      purpose: 'insights',
      granted: true,
      expiresAt: end.toISOString(),
      expired: false,
      recordedAt: START.toISOString(),
    });
    const covers = (at: Date) => clock.service.covers({ customerId, categories: ['groceries'], purpose: 'insights', industry: null, at });
    expect(await covers(new Date(START.getTime() - 1))).toBe(false);
    expect(await covers(START)).toBe(true);
    expect(await covers(new Date(end.getTime() - 1))).toBe(true);
    expect(await covers(end)).toBe(false);
    expect(await covers(new Date(end.getTime() + DAY))).toBe(false);

    // The state shown after the end date says so, and nothing was written for it.
    clock.set(new Date(end.getTime() + DAY));
    const later = await clock.service.state(customerId);
    expect(later.cells.find((c) => c.category === 'groceries' && c.purpose === 'insights')).toMatchObject({ granted: false, expired: true });
    expect(await decisionRows(customerId)).toHaveLength(1);
  });

  it('refuses an end date that has already passed, writing nothing', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service } = consentAt(START);
    const error = await rejection(service.update(customerId, { changes: [grant('dining', 'offers', START)] }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('The end date of a consent must lie in the future.');
    expect(await decisionRows(customerId)).toEqual([]);
  });

  it('a withdrawal takes effect at once, and earlier moments still show the grant (time travel)', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    await clock.service.update(customerId, { changes: [grant('fashion', 'offers')] });
    const grantedAt = clock.now;
    const withdrawnAt = clock.advance(10 * DAY);
    await clock.service.update(customerId, { changes: [withdraw('fashion', 'offers')] });
    const covers = (at: Date) => clock.service.covers({ customerId, categories: ['fashion'], purpose: 'offers', industry: null, at });
    expect(await covers(withdrawnAt)).toBe(false);
    expect(await covers(new Date(withdrawnAt.getTime() + 1))).toBe(false);
    expect(await covers(new Date(withdrawnAt.getTime() + 365 * DAY))).toBe(false);
    expect(await covers(new Date(withdrawnAt.getTime() - 1))).toBe(true);
    expect(await covers(new Date(grantedAt.getTime() + DAY))).toBe(true);
    expect(await covers(new Date(grantedAt.getTime() - 1))).toBe(false);
    const rows = await decisionRows(customerId);
    expect(rows.map((r) => [r.granted, r.recorded_at.toISOString()])).toEqual([
      [true, grantedAt.toISOString()],
      [false, withdrawnAt.toISOString()],
    ]);
  });

  it('covers only when every asked category is granted for that very purpose', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service, now } = consentAt(START);
    await service.update(customerId, { changes: [grant('groceries', 'insights'), grant('dining', 'insights'), grant('travel', 'offers')] });
    const covers = (categories: string[], purpose: Purpose) => service.covers({ customerId, categories, purpose, industry: null, at: now });
    expect(await covers(['groceries'], 'insights')).toBe(true);
    expect(await covers(['groceries', 'dining'], 'insights')).toBe(true);
    expect(await covers(['groceries', 'fashion'], 'insights')).toBe(false);
    expect(await covers(['groceries', 'travel'], 'insights')).toBe(false);
    expect(await covers(['groceries'], 'offers')).toBe(false);
    expect(await covers(['travel'], 'offers')).toBe(true);
    expect(await covers([], 'insights')).toBe(false);
    expect(await covers(['groceries', 'health'], 'insights')).toBe(false);
  });

  it('never covers a special category, even if a decision for it reached the table some other way', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service, now } = consentAt(START);
    await db
      .insertInto('consent_decisions')
      .values({
        customer_id: customerId,
        change_id: randomUUID(),
        category: 'health',
        purpose: 'insights',
        granted: true,
        policy_version: CONSENT_POLICY.version,
        policy_text_hash: CONSENT_POLICY_HASH,
        source: 'test',
        recorded_at: new Date(START.getTime() - DAY),
      })
      .execute();
    expect(await service.covers({ customerId, categories: ['health'], purpose: 'insights', industry: null, at: now })).toBe(false);
  });

  it('an excluded industry makes covers false from that moment, and including it again covers again', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    await clock.service.update(customerId, { changes: [grant('groceries', 'offers')], excludedIndustries: ['gambling', 'alcohol'] });
    const excludedAt = clock.now;
    const covers = (industry: string | null, at: Date) => clock.service.covers({ customerId, categories: ['groceries'], purpose: 'offers', industry, at });
    expect(await covers('gambling', excludedAt)).toBe(false);
    expect(await covers('alcohol', excludedAt)).toBe(false);
    expect(await covers('groceries', excludedAt)).toBe(true);
    expect(await covers(null, excludedAt)).toBe(true);

    const includedAt = clock.advance(DAY);
    const state = await clock.service.update(customerId, { changes: [], excludedIndustries: ['alcohol'] });
    expect(state.excludedIndustries).toEqual(['alcohol']);
    expect(await covers('gambling', includedAt)).toBe(true);
    expect(await covers('gambling', new Date(includedAt.getTime() - 1))).toBe(false);
    expect(await covers('alcohol', includedAt)).toBe(false);
  });

  it('refuses an unknown industry with its name, writing nothing', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service } = consentAt(START);
    const error = await rejection(service.update(customerId, { changes: [grant('groceries', 'offers')], excludedIndustries: ['gambling', 'casino'] }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Unknown industry: casino.');
    expect(await decisionRows(customerId)).toEqual([]);
    expect(await exclusionRows(customerId)).toEqual([]);
  });
});

describe('profile facts as consent categories', () => {
  it('grants, shows and covers a profile fact like a spending category, per purpose', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service, now } = consentAt(START);
    const state = await service.update(customerId, { changes: [grant('profile_region', 'insights'), grant('profile_age', 'insights'), grant('groceries', 'insights')] });
    expect(state.cells.find((c) => c.category === 'profile_region' && c.purpose === 'insights')).toMatchObject({ granted: true, expired: false });
    expect(state.cells.find((c) => c.category === 'profile_region' && c.purpose === 'offers')).toMatchObject({ granted: false });
    const covers = (categories: string[], purpose: Purpose) => service.covers({ customerId, categories, purpose, industry: null, at: now });
    // What a segment on region, age band and grocery spending asks.
    expect(await covers(['profile_region', 'profile_age', 'groceries'], 'insights')).toBe(true);
    expect(await covers(['profile_region'], 'offers')).toBe(false);
    expect(await covers(['profile_region', 'profile_household'], 'insights')).toBe(false);
    expect((await decisionRows(customerId)).map((d) => d.category).sort()).toEqual(['groceries', 'profile_age', 'profile_region']);
  });

  it('a withdrawn profile fact stops covering, and withdraw all includes profile facts', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    await clock.service.update(customerId, { changes: [grant('profile_interests', 'offers'), grant('profile_household', 'offers')] });
    clock.advance(DAY);
    await clock.service.update(customerId, { changes: [withdraw('profile_interests', 'offers')] });
    const covers = (categories: string[]) => clock.service.covers({ customerId, categories, purpose: 'offers', industry: null, at: clock.now });
    expect(await covers(['profile_interests'])).toBe(false);
    expect(await covers(['profile_household'])).toBe(true);
    clock.advance(DAY);
    const state = await clock.service.withdrawAll(customerId);
    expect(state.cells.filter((c) => c.granted)).toEqual([]);
    expect(await covers(['profile_household'])).toBe(false);
  });

  it('stores profile facts as categories of their own kind in the reference table', async () => {
    const rows = await db.selectFrom('categories').select(['code', 'kind']).where('code', 'like', 'profile\\_%').orderBy('code').execute();
    expect(rows).toEqual([...PROFILE_CATEGORY_CODES].sort().map((code) => ({ code, kind: 'profile' })));
    // The kind check still refuses anything else.
    await expect(db.insertInto('categories').values({ code: 'profile_wealth', kind: 'wealthy' as 'profile' }).execute()).rejects.toThrow(/categories_kind_check/);
  });
});

describe('who may consent', () => {
  it('a minor cannot grant: the exact message, and nothing is written', async () => {
    const customerId = await insertCustomer(MINOR_BIRTH_YEAR);
    const { service, now } = consentAt(START);
    const state = await service.state(customerId);
    expect(state.canConsent).toBe(false);
    expect(state.blockedReason).toBe('minor');
    const error = await rejection(service.update(customerId, { changes: [grant('groceries', 'insights')], excludedIndustries: ['gambling'] }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(MINOR_MESSAGE);
    expect(await decisionRows(customerId)).toEqual([]);
    expect(await exclusionRows(customerId)).toEqual([]);
    expect(await service.covers({ customerId, categories: ['groceries'], purpose: 'insights', industry: null, at: now })).toBe(false);
  });

  it('a customer without a birth year cannot grant: the exact message, and nothing is written', async () => {
    const customerId = await insertCustomer(null);
    const { service } = consentAt(START);
    expect((await service.state(customerId)).blockedReason).toBe('birth_year_missing');
    const error = await rejection(service.update(customerId, { changes: [withdraw('dining', 'offers'), grant('groceries', 'insights')] }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(NO_BIRTH_YEAR_MESSAGE);
    expect(await decisionRows(customerId)).toEqual([]);
  });

  it('a grant stops covering for anyone who is (or turns out to be) under 18 at the moment asked', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service, now } = consentAt(START);
    await service.update(customerId, { changes: [grant('groceries', 'insights')] });
    const question = { customerId, categories: ['groceries'], purpose: 'insights' as const, industry: null, at: now };
    expect(await service.covers(question)).toBe(true);
    // A corrected birth year makes the earlier grant worthless.
    await db.updateTable('customer_profiles').set({ birth_year: MINOR_BIRTH_YEAR }).where('user_id', '=', customerId).execute();
    expect(await service.covers(question)).toBe(false);
    await db.updateTable('customer_profiles').set({ birth_year: null }).where('user_id', '=', customerId).execute();
    expect(await service.covers(question)).toBe(false);
  });

  it('refuses a special or an unknown category with the message, and writes none of the batch', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service } = consentAt(START);
    for (const code of ['health', 'astrology', 'pregnancy_baby', 'gambling']) {
      const error = await rejection(service.update(customerId, { changes: [grant('groceries', 'insights'), grant(code, 'insights')] }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toBe(notShareable(code));
      expect(error.details).toEqual({ field: 'category', messageKey: 'validation.categoryNotShareable' });
    }
    expect(await decisionRows(customerId)).toEqual([]);
    expect(await exclusionRows(customerId)).toEqual([]);
  });

  it('refuses a customer that does not exist', async () => {
    const { service } = consentAt(START);
    const error = await rejection(service.update(randomUUID(), { changes: [grant('groceries', 'insights')] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('This customer does not exist.');
  });
});

describe('the consent record', () => {
  it('the database refuses UPDATE and DELETE on the decision tables', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service } = consentAt(START);
    await service.update(customerId, { changes: [grant('groceries', 'insights')], excludedIndustries: ['gambling'] });
    await expect(sql`update consent_decisions set granted = false where customer_id = ${customerId}`.execute(db)).rejects.toThrow(
      'consent_decisions is append-only',
    );
    await expect(sql`delete from consent_decisions where customer_id = ${customerId}`.execute(db)).rejects.toThrow('consent_decisions is append-only');
    await expect(sql`update industry_exclusions set excluded = false where customer_id = ${customerId}`.execute(db)).rejects.toThrow(
      'industry_exclusions is append-only',
    );
    await expect(sql`delete from industry_exclusions where customer_id = ${customerId}`.execute(db)).rejects.toThrow('industry_exclusions is append-only');
    // The erasure flag does not unlock updates either.
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
        await sql`update consent_decisions set granted = false where customer_id = ${customerId}`.execute(trx);
      }),
    ).rejects.toThrow('consent_decisions is append-only');
    expect((await decisionRows(customerId)).map((r) => r.granted)).toEqual([true]);
    expect((await exclusionRows(customerId)).map((r) => r.excluded)).toEqual([true]);
  });

  it('allows DELETE only inside a transaction that set dd.erasure, and the flag does not outlive it', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service } = consentAt(START);
    await service.update(customerId, { changes: [grant('groceries', 'insights')], excludedIndustries: ['gambling'] });
    // A pool of one connection: the next statement surely runs on the connection that set the flag.
    const single = await db.connection().execute(async (connection) => {
      const deleted = await connection.transaction().execute(async (trx) => {
        await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
        const decisions = await trx.deleteFrom('consent_decisions').where('customer_id', '=', customerId).executeTakeFirst();
        const exclusions = await trx.deleteFrom('industry_exclusions').where('customer_id', '=', customerId).executeTakeFirst();
        return Number(decisions.numDeletedRows) + Number(exclusions.numDeletedRows);
      });
      const after = await sql<{ flag: string | null }>`select current_setting('dd.erasure', true) as flag`.execute(connection);
      return { deleted, flag: after.rows[0]?.flag ?? null };
    });
    expect(single.deleted).toBe(2);
    expect(single.flag === null || single.flag === '').toBe(true);
    expect(await decisionRows(customerId)).toEqual([]);
    await service.update(customerId, { changes: [grant('dining', 'insights')] });
    await expect(sql`delete from consent_decisions where customer_id = ${customerId}`.execute(db)).rejects.toThrow('consent_decisions is append-only');
  });

  it('records the policy version and the hash of the exact text shown with every decision', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const { service } = consentAt(START);
    await service.update(customerId, { changes: [grant('groceries', 'insights'), grant('dining', 'offers')], excludedIndustries: ['credit_loans'] });
    const expectedHash = createHash('sha256').update(CONSENT_POLICY.text, 'utf8').digest('hex');
    expect(CONSENT_POLICY_HASH).toBe(expectedHash);
    const rows = await decisionRows(customerId);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.policy_version).toBe(CONSENT_POLICY.version);
      expect(row.policy_text_hash).toBe(expectedHash);
      expect(row.source).toBe('portal');
      expect(row.recorded_at.toISOString()).toBe(START.toISOString());
    }
    expect((await exclusionRows(customerId)).map((r) => [r.industry, r.excluded, r.policy_version])).toEqual([['credit_loans', true, CONSENT_POLICY.version]]);
  });

  it('does not record cells (or exclusions) that do not change', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    const end = new Date(START.getTime() + 30 * DAY);
    await clock.service.update(customerId, { changes: [grant('groceries', 'insights', end)], excludedIndustries: ['gambling'] });
    expect(await decisionRows(customerId)).toHaveLength(1);

    clock.advance(DAY);
    // Same end date written differently (another offset) is the same moment.
    const sameEnd = '2026-12-30T11:00:00.000+01:00';
    expect(new Date(sameEnd).getTime()).toBe(end.getTime());
    await clock.service.update(customerId, {
      changes: [{ category: 'groceries', purpose: 'insights', granted: true, expiresAt: sameEnd }, withdraw('fashion', 'offers'), grant('dining', 'insights')],
      excludedIndustries: ['gambling'],
    });
    const rows = await decisionRows(customerId);
    expect(rows.map((r) => `${r.category}|${r.purpose}|${r.granted}`)).toEqual(['groceries|insights|true', 'dining|insights|true']);
    expect(await exclusionRows(customerId)).toHaveLength(1);

    clock.advance(DAY);
    // A different end date is a new decision.
    await clock.service.update(customerId, { changes: [grant('groceries', 'insights')] });
    expect(await decisionRows(customerId)).toHaveLength(3);
  });

  it('within one change the last word about a cell counts', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    // Yes then no for a cell that was off: it stays off, and nothing needs recording.
    await clock.service.update(customerId, { changes: [grant('travel', 'insights'), withdraw('travel', 'insights')] });
    expect(await clock.service.covers({ customerId, categories: ['travel'], purpose: 'insights', industry: null, at: clock.now })).toBe(false);
    expect(await decisionRows(customerId)).toEqual([]);

    clock.advance(DAY);
    await clock.service.update(customerId, { changes: [grant('dining', 'offers')] });
    const at = clock.advance(DAY);
    // No then yes for a cell that was on: it stays on.
    await clock.service.update(customerId, { changes: [withdraw('dining', 'offers'), grant('dining', 'offers')] });
    expect(await clock.service.covers({ customerId, categories: ['dining'], purpose: 'offers', industry: null, at })).toBe(true);
    expect((await decisionRows(customerId)).map((r) => r.granted)).toEqual([true]);
  });

  it('withdraw all ends every grant in one change', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    await clock.service.update(customerId, { changes: [grant('groceries', 'insights'), grant('dining', 'insights'), grant('travel', 'offers')] });
    clock.advance(DAY);
    await clock.service.update(customerId, { changes: [grant('sport', 'offers', new Date(clock.now.getTime() + 365 * DAY))] });
    const withdrawnAt = clock.advance(DAY);
    const state = await clock.service.withdrawAll(customerId);
    expect(state.cells.filter((c) => c.granted)).toEqual([]);
    const rows = (await decisionRows(customerId)).filter((r) => !r.granted);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.change_id)).size).toBe(1);
    expect(rows.every((r) => r.source === 'withdraw_all' && r.recorded_at.getTime() === withdrawnAt.getTime())).toBe(true);
    expect(rows.map((r) => `${r.category}|${r.purpose}`).sort()).toEqual(['dining|insights', 'groceries|insights', 'sport|offers', 'travel|offers']);
    for (const [category, purpose] of [['groceries', 'insights'], ['sport', 'offers']] as const) {
      expect(await clock.service.covers({ customerId, categories: [category], purpose, industry: null, at: withdrawnAt })).toBe(false);
      expect(await clock.service.covers({ customerId, categories: [category], purpose, industry: null, at: new Date(withdrawnAt.getTime() - 1) })).toBe(true);
    }
    // Nothing left to withdraw: no empty change is recorded.
    clock.advance(DAY);
    await clock.service.withdrawAll(customerId);
    expect(await decisionRows(customerId)).toHaveLength(8);
    expect(await clock.service.history(customerId)).toHaveLength(3);
  });

  it('history lists each change once, newest first, with its decisions and industries together', async () => {
    const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
    const clock = consentAt(START);
    const first = clock.now;
    const end = new Date(START.getTime() + 90 * DAY);
    await clock.service.update(customerId, { changes: [grant('groceries', 'insights', end), grant('dining', 'offers')], excludedIndustries: ['gambling', 'alcohol'] });
    const second = clock.advance(DAY);
    await clock.service.update(customerId, { changes: [withdraw('dining', 'offers')] }, 'reminder');
    const third = clock.advance(DAY);
    await clock.service.update(customerId, { changes: [], excludedIndustries: ['alcohol'] });

    const history = await clock.service.history(customerId);
    expect(history.map((h) => h.recordedAt)).toEqual([third.toISOString(), second.toISOString(), first.toISOString()]);
    expect(new Set(history.map((h) => h.changeId)).size).toBe(3);
    expect(history[0]).toMatchObject({ policyVersion: CONSENT_POLICY.version, decisions: [], industries: [{ industry: 'gambling', excluded: false }] });
    expect(history[1]).toMatchObject({ source: 'reminder', decisions: [{ category: 'dining', purpose: 'offers', granted: false, expiresAt: null }], industries: [] });
    expect(history[2]?.source).toBe('portal');
    expect([...(history[2]?.decisions ?? [])].sort((a, b) => a.category.localeCompare(b.category))).toEqual([
      { category: 'dining', purpose: 'offers', granted: true, expiresAt: null },
      { category: 'groceries', purpose: 'insights', granted: true, expiresAt: end.toISOString() },
    ]);
    expect([...(history[2]?.industries ?? [])].sort((a, b) => a.industry.localeCompare(b.industry))).toEqual([
      { industry: 'alcohol', excluded: true },
      { industry: 'gambling', excluded: true },
    ]);
  });
});

describe('covers agrees with a simple model (property)', () => {
  // Few categories and industries, so operations collide with each other often.
  const CATEGORIES = ['groceries', 'dining', 'travel'] as const;
  const PURPOSE_LIST = ['insights', 'offers'] as const;
  const INDUSTRIES = ['gambling', 'alcohol', 'retail'] as const;

  type Cell = { granted: boolean; expiresAt: number | null };
  type ModelState = { cells: Map<string, Cell>; excluded: Set<string> };
  type Change = { category: (typeof CATEGORIES)[number]; purpose: Purpose; granted: boolean; expiresInMinutes: number | null };
  type Operation =
    | { kind: 'update'; gapMinutes: number; changes: Change[]; excluded: string[] | null }
    | { kind: 'withdrawAll'; gapMinutes: number };
  type Query = { categories: string[]; purpose: Purpose; industry: string | null };

  const change: fc.Arbitrary<Change> = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    purpose: fc.constantFrom(...PURPOSE_LIST),
    granted: fc.boolean(),
    // Mostly in the future; sometimes now or in the past, which must be refused as a whole.
    expiresInMinutes: fc.option(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 60 * 24 * 60 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: 0 }) }), {
      nil: null,
    }),
  });
  const gap = fc.integer({ min: 1, max: 60 * 24 * 30 });
  const operation: fc.Arbitrary<Operation> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('update' as const), gapMinutes: gap, changes: fc.array(change, { minLength: 0, maxLength: 4 }), excluded: fc.option(fc.subarray([...INDUSTRIES]), { nil: null }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdrawAll' as const), gapMinutes: gap }) },
  );
  const query: fc.Arbitrary<Query> = fc.record({
    categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
    purpose: fc.constantFrom(...PURPOSE_LIST),
    industry: fc.option(fc.constantFrom(...INDUSTRIES), { nil: null }),
  });

  const cellKey = (category: string, purpose: string) => `${category}|${purpose}`;
  const copy = (state: ModelState): ModelState => ({ cells: new Map(state.cells), excluded: new Set(state.excluded) });
  const modelCovers = (snapshots: { at: number; state: ModelState }[], q: Query, at: number): boolean => {
    const snapshot = [...snapshots].reverse().find((s) => s.at <= at);
    if (!snapshot) return false;
    if (q.industry && snapshot.state.excluded.has(q.industry)) return false;
    return q.categories.every((category) => {
      const cell = snapshot.state.cells.get(cellKey(category, q.purpose));
      return !!cell && cell.granted && (cell.expiresAt === null || cell.expiresAt > at);
    });
  };

  it('for random grants, withdrawals, exclusions and end dates at increasing times, now and in hindsight', async () => {
    expect(CATEGORIES.every((c) => (SELLABLE_CATEGORIES as readonly string[]).includes(c))).toBe(true);
    expect(INDUSTRIES.every((i) => (INDUSTRY_CODES as readonly string[]).includes(i))).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 10 }), fc.array(query, { minLength: 1, maxLength: 3 }), async (operations, queries) => {
        const customerId = await insertCustomer(ADULT_BIRTH_YEAR);
        const clock = consentAt(START);
        let model: ModelState = { cells: new Map(), excluded: new Set() };
        const snapshots: { at: number; state: ModelState }[] = [];
        const interesting = new Set<number>([START.getTime() - 1]);

        for (const op of operations) {
          const at = clock.advance(op.gapMinutes * 60_000).getTime();
          if (op.kind === 'withdrawAll') {
            await clock.service.withdrawAll(customerId);
            model = copy(model);
            for (const [k, cell] of model.cells) if (cell.granted) model.cells.set(k, { granted: false, expiresAt: null });
          } else {
            const changes = op.changes.map((c) => ({
              category: c.category,
              purpose: c.purpose,
              granted: c.granted,
              expiresAt: c.expiresInMinutes === null ? null : new Date(at + c.expiresInMinutes * 60_000).toISOString(),
            }));
            const refused = op.changes.some((c) => c.granted && c.expiresInMinutes !== null && c.expiresInMinutes <= 0);
            const attempt = clock.service.update(customerId, op.excluded ? { changes, excludedIndustries: op.excluded } : { changes });
            if (refused) {
              await expect(attempt).rejects.toThrow('The end date of a consent must lie in the future.');
            } else {
              await attempt;
              model = copy(model);
              // Within one change the last word about a cell counts.
              for (const c of op.changes) {
                const expiresAt = c.granted && c.expiresInMinutes !== null ? at + c.expiresInMinutes * 60_000 : null;
                model.cells.set(cellKey(c.category, c.purpose), { granted: c.granted, expiresAt });
                if (expiresAt !== null) [expiresAt - 1, expiresAt].forEach((t) => interesting.add(t));
              }
              if (op.excluded) model.excluded = new Set(op.excluded);
            }
          }
          snapshots.push({ at, state: model });
          [at - 1, at, at + 1].forEach((t) => interesting.add(t));

          // Right now, the service's own view of the state agrees with the model too.
          const state = await clock.service.state(customerId);
          for (const cell of state.cells.filter((c) => (CATEGORIES as readonly string[]).includes(c.category))) {
            expect(cell.granted, `${cell.category}|${cell.purpose} at ${new Date(at).toISOString()}`).toBe(
              modelCovers(snapshots, { categories: [cell.category], purpose: cell.purpose, industry: null }, at),
            );
          }
        }

        for (const t of [...interesting].sort((a, b) => a - b)) {
          for (const q of queries) {
            const actual = await clock.service.covers({ customerId, categories: q.categories, purpose: q.purpose, industry: q.industry, at: new Date(t) });
            expect(actual, `${JSON.stringify(q)} at ${new Date(t).toISOString()}`).toBe(modelCovers(snapshots, q, t));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
