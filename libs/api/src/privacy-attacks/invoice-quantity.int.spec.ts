import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExactDeliveryGate } from '@dd/privacy/testing';
import {
  approvedPurchase, ATTACK_PRIVACY, attackerAccount, CHANCE_AT_MOST, createAttackWorld, fulfilWith,
  seedBaseGroups, seedTargets, SUCCESS_AT_LEAST, successRate, union, withX, type AttackWorld, type Target,
} from './attack-world';

/**
 * Finding 4: the invoice released one more count. "Members billed" was the exact delivered count
 * plus fresh noise at epsilon 0.5 keyed to the delivered member set, outside every budget: buying
 * B and B ∪ (U ∧ X) gives two invoices that are identical when the person lacks X (same set, same
 * noise) and almost always differ when they have it. Now the invoice bills the audience the
 * delivery was decided on, a release of the accountant (its own draw per purchase, paid for).
 */
const TARGETS = 24;

let world: AttackWorld;
let targets: Target[];
let bases: unknown[];

beforeAll(async () => {
  world = await createAttackWorld();
  targets = await seedTargets(world.db, TARGETS);
  bases = await seedBaseGroups(world.db, TARGETS, 150);
}, 180_000);
afterAll(async () => world.close());

/** For each target, buy B and B ∪ (U ∧ X) and read both invoices through the API: the two quantities. */
async function attack(fulfil: (id: string) => Promise<unknown>): Promise<[number, number][]> {
  const attacker = await attackerAccount(world);
  const api = () => attacker.client.call();
  const billed = async (segment: unknown) => {
    const id = await approvedPurchase(world.db, { organisationId: attacker.organisationId, product: 'insight_report', segment });
    expect(await fulfil(id)).toMatchObject({ status: 'delivered' });
    const { invoiceId } = await (await api()).advertiser.purchases.get({ id, locale: 'en' });
    return (await (await api()).billing.invoice({ invoiceId: invoiceId! })).lines[0]!.quantity;
  };
  const pairs: [number, number][] = [];
  for (const [i, target] of targets.entries()) pairs.push([await billed(bases[i]), await billed(union(bases[i], withX(target.group)))]);
  return pairs;
}

/** Against member-set keyed noise: the same set bills the same number, so any difference means X. */
const differs = (pairs: [number, number][]) => pairs.map(([base, padded]) => base !== padded);
/** Against independent noise: one more person makes the second quantity larger a little more often. */
const larger = (pairs: [number, number][]) => pairs.map(([base, padded]) => padded > base);

describe('attack 4: the invoice quantity', () => {
  it('billing the released audience, the attacker is right no more often than chance', async () => {
    const pairs = await attack(fulfilWith(world));
    const rates = [successRate(differs(pairs), targets), successRate(larger(pairs), targets)];
    console.log(`invoice quantity, defended: ${rates.map((rate) => `${(rate * 100).toFixed(0)}%`).join(' / ')} right (differs / larger)`);
    for (const rate of rates) expect(rate).toBeLessThanOrEqual(CHANCE_AT_MOST);
  }, 300_000);

  it('control: billing the exact count plus noise keyed to the member set, the same attack works', async () => {
    const gate = createExactDeliveryGate({ db: world.db, settings: ATTACK_PRIVACY, options: { differencing: false } });
    const rate = successRate(differs(await attack(fulfilWith(world, { gate }))), targets);
    console.log(`invoice quantity, member-set keyed: ${(rate * 100).toFixed(0)}% right`);
    expect(rate).toBeGreaterThanOrEqual(SUCCESS_AT_LEAST);
  }, 300_000);
});
