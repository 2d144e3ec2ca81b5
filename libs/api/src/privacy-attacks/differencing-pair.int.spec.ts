import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExactDeliveryGate } from '@dd/privacy/testing';
import {
  approvedPurchase, ATTACK_PRIVACY, attackerAccount, CHANCE_AT_MOST, createAttackWorld, fulfilWith, insertMembers, PADDING_TOWNS, paddingMembers,
  seedTargets, SUCCESS_AT_LEAST, successRate, union, withX, type AttackWorld, type Target,
} from './attack-world';

/**
 * Finding 1: the differencing defence as an exact membership oracle. With one delivered base set
 * S, a purchase of S ∪ (U ∧ X) was refused as "differencing" exactly when the one person of U has
 * X (the set is then close to S without being identical). Refusals cost nothing, so every target
 * is one free, certain answer. Now deliveries are decided on released noisy audiences only.
 */
const TARGETS = 24;
const BASE = { field: 'municipality', in: PADDING_TOWNS.slice(0, 6) };

let world: AttackWorld;
let targets: Target[];

beforeAll(async () => {
  world = await createAttackWorld();
  targets = await seedTargets(world.db, TARGETS);
  for (const town of PADDING_TOWNS.slice(0, 6)) await insertMembers(world.db, paddingMembers(town, 60));
}, 120_000);
afterAll(async () => world.close());

/** The attacker buys S, then S ∪ (U ∧ X) for each target, and guesses X whenever the second is refused. */
async function attack(fulfil: (id: string) => Promise<unknown>): Promise<boolean[]> {
  const attacker = await attackerAccount(world);
  const first = await approvedPurchase(world.db, { organisationId: attacker.organisationId, product: 'insight_report', segment: BASE });
  expect(await fulfil(first)).toMatchObject({ status: 'delivered' });
  const guesses: boolean[] = [];
  for (const target of targets) {
    const id = await approvedPurchase(world.db, { organisationId: attacker.organisationId, product: 'insight_report', segment: union(BASE, withX(target.group)) });
    await fulfil(id);
    // What the advertiser reads through the API: the request's status and, if refused, why.
    const seen = await (await attacker.client.call()).advertiser.purchases.get({ id, locale: 'en' });
    guesses.push(seen.status === 'failed');
  }
  return guesses;
}

describe('attack 1: the differencing pair', () => {
  it('with the accountant, refusals are decided on released noisy audiences: the attacker is right no more often than chance', async () => {
    const rate = successRate(await attack(fulfilWith(world)), targets);
    console.log(`differencing pair, defended: ${(rate * 100).toFixed(0)}% right`);
    expect(rate).toBeLessThanOrEqual(CHANCE_AT_MOST);
  }, 300_000);

  it('control: with the exact differencing check of old, the same attack is right about (nearly) everyone', async () => {
    const rate = successRate(await attack(fulfilWith(world, { gate: createExactDeliveryGate({ db: world.db, settings: ATTACK_PRIVACY, options: { memberSetKeyedInvoice: false } }) })), targets);
    console.log(`differencing pair, exact check: ${(rate * 100).toFixed(0)}% right`);
    expect(rate).toBeGreaterThanOrEqual(SUCCESS_AT_LEAST);
  }, 300_000);
});
