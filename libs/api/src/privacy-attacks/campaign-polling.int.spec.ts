import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffersInboxService, createPurchaseResultsService, type OfferStatsPolicy } from '@dd/marketplace';
import { createPrivacyAccountant } from '@dd/privacy';
import { legacyOfferStats } from '@dd/privacy/testing';
import {
  approvedPurchase, ATTACK_PRIVACY, attackerAccount, CHANCE_AT_MOST, createAttackWorld, fulfilWith, insertMembers, PADDING_TOWNS, paddingMembers, seedTargets,
  SUCCESS_AT_LEAST, successRate, TARGET_TOWNS, type AttackWorld, type Target,
} from './attack-world';

/**
 * Finding 5 (first half): offer statistics moved per event. Their noise was keyed to the true
 * count, so one more open was a new draw, and polling just before and just after a person could
 * have opened the offer showed whether they did. Now opened and clicked are released on a schedule
 * (a day after delivery, a week after, at the end), each release charged, with noise keyed to the
 * campaign and the checkpoint: between two checkpoints nothing moves.
 */
const TARGETS = 24;
const HOUR = 3_600_000;

let world: AttackWorld;
let targets: Target[];

beforeAll(async () => {
  world = await createAttackWorld();
  targets = await seedTargets(world.db, TARGETS);
  await insertMembers(world.db, paddingMembers(PADDING_TOWNS[0]!, 150));
}, 120_000);
afterAll(async () => world.close());

/**
 * One campaign to the targets and 150 others, 40 of whom open it first (so the count is above the
 * threshold). Then each target may open it (those with X do) at a moment the attacker knows; the
 * attacker reads the statistics a minute before and a minute after, and guesses "opened" when the
 * opened count changed.
 */
async function attack(policy?: (now: () => Date) => OfferStatsPolicy): Promise<boolean[]> {
  const attacker = await attackerAccount(world);
  // Target towns hold only targets: everyone there and in one padding town.
  const everyone = { field: 'municipality', in: [PADDING_TOWNS[0]!, ...TARGET_TOWNS] };
  const id = await approvedPurchase(world.db, { organisationId: attacker.organisationId, product: 'offer_campaign', segment: everyone });
  expect(await fulfilWith(world)(id)).toMatchObject({ status: 'delivered' });
  const start = Date.now();
  let clock = start;
  const now = () => new Date(clock);
  const accountant = createPrivacyAccountant({ db: world.db, settings: ATTACK_PRIVACY, now });
  const results = createPurchaseResultsService({ db: world.db, settings: ATTACK_PRIVACY, accountant, now, ...(policy ? { offerStats: policy(now) } : {}) });
  const inbox = createOffersInboxService({ db: world.db, now });
  const opened = async () => JSON.stringify((await results.results(attacker.organisationId, id)).offerStats?.opened ?? null);

  const recipients = await world.db.selectFrom('offer_deliveries').select('customer_id').where('request_id', '=', id).execute();
  const targetIds = new Set(targets.map((t) => t.id));
  for (const other of recipients.filter((r) => !targetIds.has(r.customer_id)).slice(0, 40)) await inbox.open(other.customer_id, id);

  const guesses: boolean[] = [];
  for (const [i, target] of targets.entries()) {
    clock = start + 2 * HOUR + i * 6 * HOUR;
    const before = await opened();
    clock += 60_000;
    if (target.hasX) await inbox.open(target.id, id);
    clock += 60_000;
    guesses.push((await opened()) !== before);
  }
  return guesses;
}

describe('attack 5a: polling campaign statistics', () => {
  it('with statistics released on a schedule, polling around each person is right no more often than chance', async () => {
    const rate = successRate(await attack(), targets);
    console.log(`campaign polling, scheduled: ${(rate * 100).toFixed(0)}% right`);
    expect(rate).toBeLessThanOrEqual(CHANCE_AT_MOST);
  }, 300_000);

  it('control: with noise keyed to the true count on every read, polling sees each open', async () => {
    const legacy = () => legacyOfferStats({ db: world.db, epsilonMicro: 500_000, minimumAudience: ATTACK_PRIVACY.minimumAudience, cellThreshold: ATTACK_PRIVACY.cellThreshold });
    const rate = successRate(await attack(legacy), targets);
    console.log(`campaign polling, per-read noise: ${(rate * 100).toFixed(0)}% right`);
    expect(rate).toBeGreaterThanOrEqual(SUCCESS_AT_LEAST);
  }, 300_000);
});
