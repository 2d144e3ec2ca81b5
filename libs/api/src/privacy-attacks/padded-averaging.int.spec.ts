import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyEstimates } from '@dd/audience/testing';
import {
  attackerAccount, CHANCE_AT_MOST, createAttackWorld, insertMembers, PADDING_TOWNS, paddingMembers, seedTargets, SUCCESS_AT_LEAST, successRate, type AttackWorld, type Target,
} from './attack-world';
import { averagingAttack, createAsker } from './estimate-attack';

/**
 * Finding 3: estimates over padded member sets average out. C_j ∪ (U ∧ X) and C_j ∪ (U ∧ ¬X) for
 * many different padding sets C_j each got fresh noise (the key was the member set, and padding
 * changes it) and no budget was charged, so about 1,000 questions per target told X with |z| ≥ 3.9.
 * Now every new question is a release charged to the legal entity's monthly estimate budget (20 at
 * epsilon 0.02 each: 1,000 questions a month, for all targets together), at most 250 in 24 hours.
 */
const TARGETS = 20;
const QUESTIONS_PER_TARGET = 1_000;

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
  return { id: organisationId, industry: null, status: 'verified', kvkNumber: entity.kvkNumber };
}

describe('attack 3: averaging estimates over padded member sets', () => {
  it('with every new question charged to a monthly budget, a month of trying is right no more often than chance', async () => {
    const asker = createAsker(world, { organisations: [await organisation()] });
    const rate = successRate(await averagingAttack(asker, targets, QUESTIONS_PER_TARGET / 2), targets);
    console.log(`padded averaging, defended: ${(rate * 100).toFixed(0)}% right after ${asker.answered()} answers`);
    // The month's budget bought 1,000 answers in all, not 1,000 per target.
    expect(asker.answered()).toBeLessThanOrEqual(1_000);
    expect(rate).toBeLessThanOrEqual(CHANCE_AT_MOST);
    asker.stop();
  }, 600_000);

  it('control: with uncharged estimates keyed to the member set (epsilon 0.5, no cap), 1,000 questions per target tell X', async () => {
    const asker = createAsker(world, { organisations: [await organisation()], releaser: (now) => legacyEstimates({ db: world.db, epsilonMicro: 500_000, now }) });
    const rate = successRate(await averagingAttack(asker, targets, QUESTIONS_PER_TARGET / 2), targets);
    console.log(`padded averaging, member-set keyed and free: ${(rate * 100).toFixed(0)}% right after ${asker.answered()} answers`);
    expect(asker.answered()).toBe(TARGETS * QUESTIONS_PER_TARGET);
    expect(rate).toBeGreaterThanOrEqual(SUCCESS_AT_LEAST);
    asker.stop();
  }, 600_000);
});
