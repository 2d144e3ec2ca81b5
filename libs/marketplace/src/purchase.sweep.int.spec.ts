import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { accountBalance, auditLedger } from '@dd/ledger';
import { createTestQueues } from '@dd/queue/testing';
import { approvedRequest, fulfilmentDeps, fundedOrganisation, inTown, RESERVED_CENTS, seedTown, TOWNS } from './fulfilment.fixtures';
import { fulfilPurchase } from './fulfilment.service';
import { failUnfinishedPurchase, PURCHASE_TIME_LIMIT_MINUTES, sweepStuckPurchases } from './purchase.sweep';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  await seedTown(db, TOWNS[0]!, 30);
}, 120_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const stateOf = (id: string) => db.selectFrom('purchase_requests').select(['status', 'failure_code', 'failure_params']).where('id', '=', id).executeTakeFirstOrThrow();
const releases = async (id: string) => (await db.selectFrom('ledger_transactions').select('id').where('idempotency_key', '=', `purchase:${id}:release`).execute()).length;

describe('purchases end within the stated bound', () => {
  it('a request approved longer ago than the limit is failed with a reason and its money released, exactly once', async () => {
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS);
    const stuck = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[0]!) });
    // One left approved by a lost job, one in progress whose worker died.
    await db.updateTable('purchase_requests').set({ decided_at: minutesAgo(PURCHASE_TIME_LIMIT_MINUTES + 1), status: 'fulfilling' }).where('id', '=', stuck).execute();
    const recent = await approvedRequest(db, { organisationId: await fundedOrganisation(db, RESERVED_CENTS), product: 'insight_report', segment: inTown(TOWNS[0]!) });
    expect(await accountBalance(db, 'advertiser_reserved', organisationId)).toBe(RESERVED_CENTS);

    expect(await sweepStuckPurchases(db)).toEqual([stuck]);
    expect(await stateOf(stuck)).toEqual({ status: 'failed', failure_code: 'fulfilmentTimedOut', failure_params: { minutes: PURCHASE_TIME_LIMIT_MINUTES } });
    expect(await accountBalance(db, 'advertiser_reserved', organisationId)).toBe(0);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(RESERVED_CENTS);
    // Within the bound: left to its job.
    expect((await stateOf(recent)).status).toBe('approved');

    // A second run, and the job's final-failure handler arriving late, release nothing again.
    expect(await sweepStuckPurchases(db)).toEqual([]);
    expect(await failUnfinishedPurchase(db, stuck, { code: 'fulfilmentFailed', params: {} })).toBe(false);
    expect(await releases(stuck)).toBe(1);
    expect(await accountBalance(db, 'advertiser_balance', organisationId)).toBe(RESERVED_CENTS);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_role']).where('subject_id', '=', stuck).execute();
    expect(audit).toEqual([{ action: 'purchase.failed', actor_role: 'system' }]);

    // A job retried after the sweep ended the request finds it failed and charges nothing.
    expect(await fulfilPurchase(fulfilmentDeps(db, redis.queues), stuck)).toMatchObject({ status: 'failed', failure: { code: 'fulfilmentTimedOut' } });
    expect(await db.selectFrom('sales').select('id').where('idempotency_key', '=', `purchase:${stuck}`).execute()).toEqual([]);
  });

  it('a job that failed for good fails its request at once; a delivered one is never touched', async () => {
    const organisationId = await fundedOrganisation(db, 2 * RESERVED_CENTS);
    const lost = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[0]!) });
    expect(await failUnfinishedPurchase(db, lost, { code: 'fulfilmentFailed', params: {} })).toBe(true);
    expect(await stateOf(lost)).toMatchObject({ status: 'failed', failure_code: 'fulfilmentFailed' });

    const delivered = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[0]!), title: 'Tweede rapport' });
    expect(await fulfilPurchase(fulfilmentDeps(db, redis.queues), delivered)).toMatchObject({ status: 'delivered' });
    await db.updateTable('purchase_requests').set({ decided_at: minutesAgo(PURCHASE_TIME_LIMIT_MINUTES * 2) }).where('id', '=', delivered).execute();
    expect(await sweepStuckPurchases(db)).toEqual([]);
    expect(await failUnfinishedPurchase(db, delivered, { code: 'fulfilmentFailed', params: {} })).toBe(false);
    expect((await stateOf(delivered)).status).toBe('delivered');
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  });
});
