import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { checkDelivery, DeliveryRefusedError, encodeSketch, recordDelivery, sketchOf } from './delivery-guard';
import { encodeMemberSet, hashMemberNumbers } from './member-set';

const K = 100;
let tdb: TestDatabase;
let db: Db;
let organisationId: string;

const sorted = (values: Iterable<number>) => Uint32Array.from(new Set(values)).sort();
const range = (from: number, count: number) => sorted(Array.from({ length: count }, (_, i) => from + i));

async function deliver(memberNos: Uint32Array, jobKey = `job-${randomUUID()}`) {
  return db.transaction().execute((trx) => recordDelivery(trx, { jobKey, organisationId, purpose: 'insights', memberNos }, K));
}

async function refusal(memberNos: Uint32Array) {
  const error = await deliver(memberNos).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryRefusedError);
  return error as DeliveryRefusedError;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  organisationId = (await db.insertInto('organisations').values({ name: 'Test B.V.' }).returning('id').executeTakeFirstOrThrow()).id;
  // Thousands of earlier deliveries of similar sizes, written directly (their own overlap does not matter here).
  const earlier = fc.sample(fc.uniqueArray(fc.nat({ max: 200_000 }), { minLength: 900, maxLength: 1_100 }), { numRuns: 2_000, seed: 11 });
  for (let start = 0; start < earlier.length; start += 200) {
    await db
      .insertInto('audience_deliveries')
      .values(
        earlier.slice(start, start + 200).map((values) => {
          const set = sorted(values);
          return { job_key: `seed-${randomUUID()}`, organisation_id: organisationId, purpose: 'insights' as const, member_count: set.length, members_hash: hashMemberNumbers(set), sketch: encodeSketch(sketchOf(set)), members: encodeMemberSet(set) };
        }),
      )
      .execute();
  }
}, 120_000);
afterAll(async () => {
  await tdb.drop();
});

describe('differencing defence', () => {
  it('refuses a set that differs from an earlier one by fewer than k, among thousands of deliveries', async () => {
    const base = range(1_000_000, 1_000);
    await deliver(base);
    // One member more: the classic "everyone in the segment plus the target" attack.
    const plusOne = sorted([...base, 5_000_000]);
    expect((await refusal(plusOne)).refusal).toBe('differencing');
    // k-1 swapped out: still too close.
    const swapped = sorted([...base.slice(0, 1_000 - 49), ...range(6_000_000, 50)]);
    expect((await refusal(swapped)).refusal).toBe('differencing');
    // Exactly k different members: allowed.
    const far = sorted([...base.slice(0, 950), ...range(7_000_000, 50)]);
    await expect(deliver(far)).resolves.toMatchObject({ memberCount: 1_000 });
  });

  it('allows the identical set again, since it reveals nothing new', async () => {
    const base = range(2_000_000, 500);
    await deliver(base);
    await expect(deliver(base)).resolves.toMatchObject({ memberCount: 500 });
  });

  it('refuses anything below k and is idempotent per job key', async () => {
    expect((await refusal(range(3_000_000, K - 1))).refusal).toBe('below_minimum');
    const set = range(3_100_000, 400);
    const first = await deliver(set, 'job-fixed');
    expect(await deliver(sorted([...set, 1]), 'job-fixed')).toEqual(first);
  });

  it('lets only one of two concurrent deliveries that differ by one member through', async () => {
    const base = range(4_000_000, 300);
    const results = await Promise.allSettled([deliver(base), deliver(sorted([...base, 4_999_999]))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DeliveryRefusedError);
  });

  it('checkDelivery answers what recordDelivery would refuse, without recording anything', async () => {
    const base = range(8_000_000, 600);
    await deliver(base);
    const count = async () => Number((await db.selectFrom('audience_deliveries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(await checkDelivery(db, sorted([...base, 8_999_999]), K)).toBe('differencing');
    expect(await checkDelivery(db, base, K)).toBeNull();
    expect(await checkDelivery(db, range(9_000_000, 600), K)).toBeNull();
    expect(await checkDelivery(db, range(9_100_000, K - 1), K)).toBe('below_minimum');
    expect(await count()).toBe(before);
    // The set it passed is still delivered by recordDelivery, the one it refused still refused.
    expect((await refusal(sorted([...base, 8_999_999]))).refusal).toBe('differencing');
    await expect(deliver(range(9_000_000, 600))).resolves.toMatchObject({ memberCount: 600 });
  });
});
