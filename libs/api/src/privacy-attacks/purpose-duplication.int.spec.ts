import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyEstimates } from '@dd/audience/testing';
import { createPrivacyAccountant } from '@dd/privacy';
import {
  ATTACK_PRIVACY, attackerAccount, CHANCE_AT_MOST, createAttackWorld, insertMembers, PADDING_TOWNS, paddingMembers, seedTargets, SUCCESS_AT_LEAST, successRate,
  type AttackWorld, type Target,
} from './attack-world';
import { averagingAttack, createAsker } from './estimate-attack';

/**
 * Finding 5 (second half): the same member set under two purposes got two independent draws (the
 * purpose was part of the noise key), so asking every padded question for insights and for offers
 * doubled what averaging could use, for free. Now each question in each purpose is a release of its
 * own, charged like any other, so asking the other purpose costs what asking anything new costs.
 */
const TARGETS = 20;
const PADDED_SETS_PER_TARGET = 250;

let world: AttackWorld;
let targets: Target[];

beforeAll(async () => {
  world = await createAttackWorld();
  targets = await seedTargets(world.db, TARGETS);
  for (const town of PADDING_TOWNS) await insertMembers(world.db, paddingMembers(town, 30));
}, 120_000);
afterAll(async () => world.close());

async function organisation() {
  const { organisationId, entity } = await attackerAccount(world);
  return { organisation: { id: organisationId, industry: null, status: 'verified', kvkNumber: entity.kvkNumber }, entity };
}

describe('attack 5b: the same questions under both purposes', () => {
  it('with both purposes’ answers charged, a month of trying is right no more often than chance', async () => {
    const { organisation: asking, entity } = await organisation();
    const asker = createAsker(world, { organisations: [asking] });
    const rate = successRate(await averagingAttack(asker, targets, PADDED_SETS_PER_TARGET, ['insights', 'offers']), targets);
    console.log(`purpose duplication, defended: ${(rate * 100).toFixed(0)}% right after ${asker.answered()} answers`);
    // Every answer, in either purpose, was paid for: the second purpose is no free second draw.
    const spent = await createPrivacyAccountant({ db: world.db, settings: ATTACK_PRIVACY, now: () => new Date('2026-11-15T12:00:00Z') }).spent(entity, 'estimates');
    expect(spent).toBe(asker.answered() * ATTACK_PRIVACY.estimateEpsilonMicro);
    expect(rate).toBeLessThanOrEqual(CHANCE_AT_MOST);
    asker.stop();
  }, 600_000);

  it('control: with uncharged answers keyed to member set and purpose, the doubled draws tell X', async () => {
    const asker = createAsker(world, { organisations: [(await organisation()).organisation], releaser: (now) => legacyEstimates({ db: world.db, epsilonMicro: 500_000, now }) });
    const rate = successRate(await averagingAttack(asker, targets, PADDED_SETS_PER_TARGET, ['insights', 'offers']), targets);
    console.log(`purpose duplication, member set and purpose keyed, free: ${(rate * 100).toFixed(0)}% right after ${asker.answered()} answers`);
    expect(rate).toBeGreaterThanOrEqual(SUCCESS_AT_LEAST);
    asker.stop();
  }, 600_000);
});
