import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import type { LegalEntity } from './legal-entity';
import { createPrivacyAccountant, noisyCountOf } from './privacy-accountant';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from './privacy.settings';

let tdb: TestDatabase;
let db: Db;

const settings: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, estimateEpsilonMicro: 20_000, estimateMonthlyEpsilonMicro: 100_000, advertiserMonthlyEpsilonMicro: 1_000_000, memberMonthlyEpsilonMicro: 500_000, audienceEpsilonMicro: 100_000 };

let kvkCounter = 10_000_000;
async function organisation(kvkNumber: string | null = String(kvkCounter++)): Promise<LegalEntity> {
  const { id } = await db.insertInto('organisations').values({ name: `Adverteerder ${randomUUID().slice(0, 6)}`, kvk_number: kvkNumber, status: 'verified' }).returning('id').executeTakeFirstOrThrow();
  return { organisationId: id, kvkNumber };
}

const estimate = (accountant: ReturnType<typeof createPrivacyAccountant>, entity: LegalEntity, key: string, count = 500, extra: { cap?: { limit: number; windowMs: number } } = {}) =>
  db.transaction().execute((trx) => accountant.release(trx, { entity, kind: 'estimate', key, epsilonMicro: settings.estimateEpsilonMicro, produce: noisyCountOf(count, settings.estimateEpsilonMicro), ...extra }));

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
});
afterAll(async () => {
  await tdb.drop();
});

describe('the privacy accountant', () => {
  it('releases a key once: the same key returns the stored value and charges nothing more', async () => {
    const accountant = createPrivacyAccountant({ db, settings });
    const org = await organisation();
    const first = await estimate(accountant, org, 'question-a', 1_000);
    expect(first).toMatchObject({ status: 'released', release: { fresh: true, epsilonMicro: 20_000 } });
    const again = await Promise.all(Array.from({ length: 20 }, () => estimate(accountant, org, 'question-a', 5)));
    for (const outcome of again) expect(outcome).toMatchObject({ status: 'released', release: { fresh: false, value: first.status === 'released' ? first.release.value : null } });
    expect(await accountant.spent(org, 'estimates')).toBe(20_000);
    // A new question is a new draw, paid for.
    expect(await estimate(accountant, org, 'question-b', 1_000)).toMatchObject({ status: 'released', release: { fresh: true } });
    expect(await accountant.spent(org, 'estimates')).toBe(40_000);
  });

  it('stops at exactly the monthly budget, in integer millionths', async () => {
    const accountant = createPrivacyAccountant({ db, settings });
    const org = await organisation();
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await estimate(accountant, org, `q-${i}`));
    expect(outcomes.map((o) => o.status)).toEqual(['released', 'released', 'released', 'released', 'released', 'refused', 'refused']);
    expect(outcomes[5]).toEqual({ status: 'refused', reason: 'budget' });
    expect(await accountant.spent(org, 'estimates')).toBe(settings.estimateMonthlyEpsilonMicro);
    // Questions already answered keep answering when the budget is spent.
    expect(await estimate(accountant, org, 'q-0')).toMatchObject({ status: 'released', release: { fresh: false } });
    // The other pool is separate: purchases are not paid from the estimate budget.
    expect(await accountant.spent(org, 'purchases')).toBe(0);
  });

  it('under 40 parallel new questions with room for 5, releases exactly 5', async () => {
    const accountant = createPrivacyAccountant({ db, settings });
    const org = await organisation();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => estimate(accountant, org, `parallel-${i}`)));
    expect(outcomes.filter((o) => o.status === 'released')).toHaveLength(5);
    expect(await accountant.spent(org, 'estimates')).toBe(100_000);
  });

  it('belongs to the legal entity: organisations with one KvK number share a budget, another KvK has its own', async () => {
    const accountant = createPrivacyAccountant({ db, settings });
    const kvk = String(kvkCounter++);
    const [first, second, other] = [await organisation(kvk), await organisation(kvk), await organisation()];
    for (let i = 0; i < 3; i++) await estimate(accountant, first, `shared-${i}`);
    const fromSecond = [];
    for (let i = 0; i < 3; i++) fromSecond.push((await estimate(accountant, second, `second-${i}`)).status);
    expect(fromSecond).toEqual(['released', 'released', 'refused']);
    expect(await accountant.spent(second, 'estimates')).toBe(100_000);
    // The same question from a second account of the company is the stored answer, not a new draw.
    expect(await estimate(accountant, second, 'shared-0')).toMatchObject({ status: 'released', release: { fresh: false } });
    expect(await estimate(accountant, other, 'shared-0')).toMatchObject({ status: 'released', release: { fresh: true } });
  });

  it('caps new releases in any 24 hours (rolling, not reset at midnight)', async () => {
    let clock = new Date('2026-11-10T23:30:00Z');
    const accountant = createPrivacyAccountant({ db, settings: { ...settings, estimateMonthlyEpsilonMicro: 10_000_000 }, now: () => clock });
    const org = await organisation();
    const cap = { limit: 3, windowMs: 24 * 3_600_000 };
    const ask = (key: string) => estimate(accountant, org, key, 100, { cap });
    for (const key of ['a', 'b', 'c']) expect((await ask(key)).status).toBe('released');
    expect(await ask('d')).toEqual({ status: 'refused', reason: 'cap' });
    clock = new Date('2026-11-11T00:30:00Z');
    expect(await ask('d')).toEqual({ status: 'refused', reason: 'cap' });
    expect((await ask('a')).status).toBe('released');
    clock = new Date('2026-11-11T23:31:00Z');
    expect((await ask('d')).status).toBe('released');
  });

  it('releases a delivery audience once, charging the members whose month allows it and leaving out the others', async () => {
    const accountant = createPrivacyAccountant({ db, settings });
    const org = await organisation();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await insertTestCustomer(db));
    const spendAll = await organisation();
    // Two members have used most of their month already.
    await db.transaction().execute((trx) => accountant.releaseAudience(trx, { entity: spendAll, key: `purchase:${randomUUID()}`, label: 'Eerder', candidates: ids.slice(0, 2), memberCostMicro: 450_000, requireMicro: 100_000 }));
    const key = `purchase:${randomUUID()}`;
    const run = () => db.transaction().execute((trx) => accountant.releaseAudience(trx, { entity: org, key, label: 'Fietsers', candidates: ids, memberCostMicro: 300_000, requireMicro: 300_000 }));
    const first = await run();
    expect(first.status).toBe('released');
    if (first.status !== 'released') return;
    expect(first.members).toEqual([...ids.slice(2)].sort());
    expect(await run()).toEqual({ ...first, release: { ...first.release, fresh: false } });
    expect(await accountant.memberSpent(ids[5]!)).toBe(300_000);
    expect(await accountant.memberSpent(ids[0]!)).toBe(450_000);
    expect(await accountant.spent(org, 'purchases')).toBe(100_000);
    const usage = await accountant.memberUsage(ids[5]!);
    expect(usage).toMatchObject({ budget: '0.5', used: '0.3', reports: [{ title: 'Fietsers', epsilon: '0.3' }] });
  });

  it('refuses a purchase whose whole cost does not fit, before charging anyone', async () => {
    const accountant = createPrivacyAccountant({ db, settings });
    const org = await organisation();
    const member = { id: await insertTestCustomer(db) };
    const outcome = await db.transaction().execute((trx) => accountant.releaseAudience(trx, { entity: org, key: `purchase:${randomUUID()}`, label: 'Te duur', candidates: [member.id], memberCostMicro: 100_000, requireMicro: 1_100_000 }));
    expect(outcome).toEqual({ status: 'refused', reason: 'budget' });
    expect(await accountant.memberSpent(member.id)).toBe(0);
    expect(await accountant.spent(org, 'purchases')).toBe(0);
  });

  it('keeps the ledger append-only', async () => {
    const accountant = createPrivacyAccountant({ db, settings });
    const org = await organisation(null);
    await estimate(accountant, org, 'kept');
    await expect(sql`update privacy_releases set value = '1' where release_key = 'kept'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from privacy_releases where release_key = 'kept'`.execute(db)).rejects.toThrow(/append-only/);
  });
});
