import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyEstimates } from '@dd/audience/testing';
import { recordDeposit } from '@dd/ledger';
import { createPrivacyAccountant } from '@dd/privacy';
import {
  approvedPurchase, ATTACK_PRIVACY, CHANCE_AT_MOST, createAttackWorld, fulfilWith, insertMembers, PADDING_TOWNS, paddingGroup, paddingMembers, seedTargets,
  SUCCESS_AT_LEAST, successRate, union, withX, type AttackWorld, type Target,
} from './attack-world';
import { averagingAttack, createAsker } from './estimate-attack';

/**
 * Sybil organisations (finding 3): organisations could be created instantly, unverified ones could
 * ask estimates, and each had a daily cap of its own, so ten accounts asked ten times as much. Now
 * only organisations an admin verified ask anything, and the budget and the rolling cap belong to
 * the legal entity (the KvK number), shared by every account registered under it. Different legal
 * entities do each have a budget of their own; what bounds them all together for reports and
 * campaigns is each member's monthly budget, the second test here.
 */
const TARGETS = 40;
const SYBILS = 10;
const KVK = '81234567';

let world: AttackWorld;
let targets: Target[];

beforeAll(async () => {
  world = await createAttackWorld();
  targets = await seedTargets(world.db, TARGETS);
  for (const town of PADDING_TOWNS) await insertMembers(world.db, paddingMembers(town, 30));
}, 120_000);
afterAll(async () => world.close());

/** Ten organisations signed up in a minute: half left unverified, half verified under one company's KvK number. */
async function sybils() {
  const organisations = [];
  for (let i = 0; i < SYBILS; i++) {
    const verified = i % 2 === 0;
    const { id } = await world.db
      .insertInto('organisations')
      .values({ name: `Sybil ${i} B.V.`, kvk_number: KVK, status: verified ? 'verified' : 'unverified' })
      .returning('id')
      .executeTakeFirstOrThrow();
    organisations.push({ id, industry: null, status: verified ? 'verified' : 'unverified', kvkNumber: KVK });
  }
  return organisations;
}

describe('Sybil organisations', () => {
  it('ten accounts of one company, asking for a day, get one legal entity’s answers: right no more often than chance', async () => {
    const asker = createAsker(world, { organisations: await sybils(), days: 1 });
    const rate = successRate(await averagingAttack(asker, targets, 500), targets);
    console.log(`sybils, defended: ${(rate * 100).toFixed(0)}% right after ${asker.answered()} answers`);
    // One rolling cap for the legal entity, not one per account.
    expect(asker.answered()).toBeLessThanOrEqual(ATTACK_PRIVACY.estimateQuestionsPerDay);
    expect(rate).toBeLessThanOrEqual(CHANCE_AT_MOST);
    asker.stop();
  }, 600_000);

  it('control: with a cap per account, reset at midnight, and unverified accounts answered, the same day of asking tells X', async () => {
    const asker = createAsker(world, {
      organisations: await sybils(),
      days: 1,
      releaser: (now) => legacyEstimates({ db: world.db, epsilonMicro: 500_000, questionsPerDay: 1_000, now }),
    });
    const rate = successRate(await averagingAttack(asker, targets, 500), targets);
    console.log(`sybils, per-account caps: ${(rate * 100).toFixed(0)}% right after ${asker.answered()} answers`);
    expect(asker.answered()).toBeGreaterThan(5_000);
    expect(rate).toBeGreaterThanOrEqual(SUCCESS_AT_LEAST);
    asker.stop();
  }, 600_000);

  it('legal entities with their own KvK each have a budget, but together learn about a member only within that member’s month', async () => {
    const fulfil = fulfilWith(world);
    const accountant = createPrivacyAccountant({ db: world.db, settings: ATTACK_PRIVACY });
    const target = targets[0]!;
    // Twenty distinct companies, each buying a report on a base of its own plus the target.
    const reportCost = ATTACK_PRIVACY.audienceEpsilonMicro + ATTACK_PRIVACY.tableEpsilonMicro;
    const delivered = [];
    for (let i = 0; i < 20; i++) {
      // Far enough above k that noise (scale 10) never takes the released audience below it.
      await insertMembers(world.db, paddingMembers(PADDING_TOWNS[i]!, 250, '55-64'));
      const base = paddingGroup(PADDING_TOWNS[i]!, '55-64');
      const { id: organisationId } = await world.db
        .insertInto('organisations')
        .values({ name: `Bedrijf ${i} B.V.`, kvk_number: String(82_000_000 + i), status: 'verified' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordDeposit(world.db, { organisationId, amountCents: 10_000_000, idempotencyKey: `sybil:${randomUUID()}` });
      const id = await approvedPurchase(world.db, { organisationId, product: 'insight_report', segment: union(base, withX(target.group, target.hasX)) });
      delivered.push(await fulfil(id));
      // Each company paid from a budget of its own.
      expect(await accountant.spent({ organisationId, kvkNumber: String(82_000_000 + i) }, 'purchases')).toBe(reportCost);
    }
    expect(delivered.every((outcome) => (outcome as { status: string }).status === 'delivered')).toBe(true);
    // The member was in at most as many of those reports as their month allows, and no more.
    const spent = await accountant.memberSpent(target.id);
    expect(spent).toBeLessThanOrEqual(ATTACK_PRIVACY.memberMonthlyEpsilonMicro);
    expect(spent).toBe(Math.floor(ATTACK_PRIVACY.memberMonthlyEpsilonMicro / reportCost) * reportCost);
    const charges = await world.db.selectFrom('member_release_charges').select('release_id').where('customer_id', '=', target.id).execute();
    expect(charges).toHaveLength(Math.floor(ATTACK_PRIVACY.memberMonthlyEpsilonMicro / reportCost));
  }, 300_000);
});
