import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { accountBalance, auditLedger, distributionJobId } from '@dd/ledger';
import { createTestQueues } from '@dd/queue/testing';
import { approvedRequest, fulfilmentDeps, fundedOrganisation, inTown, RESERVED_CENTS, seedTown, TOWNS } from './fulfilment.fixtures';
import { fulfilPurchase, type FulfilmentDeps, type FulfilmentStep } from './fulfilment.service';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
const cohorts: string[][] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  for (const i of [0, 1, 2, 3, 4]) cohorts.push(await seedTown(db, TOWNS[i]!, 30));
}, 120_000);
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const fulfil = (requestId: string, overrides: Partial<FulfilmentDeps> = {}) => fulfilPurchase(fulfilmentDeps(db, redis.queues, overrides), requestId);

/** A worker killed right after a step committed: the step is done, the rest is not. */
const crashAfter = (at: FulfilmentStep) => ({
  onStep: (step: FulfilmentStep) => {
    if (step === at) throw new Error(`worker killed after ${at}`);
  },
});

/** Everything that must exist exactly once for a delivered purchase. */
async function expectSingleOutcome(id: string, members: readonly string[]) {
  const sales = await db.selectFrom('sales').select(['id', 'member_count']).where('idempotency_key', '=', `purchase:${id}`).execute();
  expect(sales).toHaveLength(1);
  expect(sales[0]!.member_count).toBe(members.length);
  expect(await db.selectFrom('invoices').select('id').where('sale_id', '=', sales[0]!.id).execute()).toHaveLength(1);
  const receipts = await db.selectFrom('data_use_receipts').select('customer_id').where('reference', '=', `purchase:${id}`).execute();
  expect(receipts.map((r) => r.customer_id).sort()).toEqual([...members].sort());
  expect(await db.selectFrom('ledger_transactions').select('id').where('idempotency_key', '=', `purchase:${id}:release`).execute()).toHaveLength(1);
  const audit = await db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
  expect(audit.map((a) => a.action)).toEqual(['purchase.delivered']);
  expect(await redis.queues.get('ledger').getJob(distributionJobId(sales[0]!.id))).toBeDefined();
  expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  return sales[0]!.id;
}

describe('fulfilment after a crash, and run twice', () => {
  it('an offer campaign killed after the charge, then after start, finishes once on the next run', async () => {
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS);
    const id = await approvedRequest(db, { organisationId, product: 'offer_campaign', segment: inTown(TOWNS[0]!) });
    await expect(fulfil(id, crashAfter('charged'))).rejects.toThrow('worker killed after charged');
    const halfway = await db.selectFrom('purchase_requests').select(['status', 'sale_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(halfway).toEqual({ status: 'fulfilling', sale_id: null });
    // Charged (sale and invoice exist), nobody receipted yet, and no offer shown before delivery.
    expect(await db.selectFrom('sales').select('id').where('idempotency_key', '=', `purchase:${id}`).execute()).toHaveLength(1);
    expect(await db.selectFrom('data_use_receipts').select('id').where('reference', '=', `purchase:${id}`).execute()).toEqual([]);

    await expect(fulfil(id, crashAfter('started'))).rejects.toThrow('worker killed after started');
    const outcome = await fulfil(id);
    expect(outcome).toMatchObject({ status: 'delivered', requestId: id });
    // A late duplicate of the job, twice at once: the stored outcome, nothing more.
    expect(await Promise.all([fulfil(id), fulfil(id)])).toEqual([outcome, outcome]);
    await expectSingleOutcome(id, cohorts[0]!);
    expect(await db.selectFrom('offer_deliveries').select('customer_id').where('request_id', '=', id).execute()).toHaveLength(30);
  });

  it('an insight report killed after freezing reuses the stored report and its member set', async () => {
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS);
    const id = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[1]!) });
    await expect(fulfil(id, crashAfter('frozen'))).rejects.toThrow('worker killed after frozen');
    // Joining the town now does not change who the report was about.
    const late = await seedTown(db, TOWNS[1]!, 1);
    const outcome = await fulfil(id);
    expect(outcome).toMatchObject({ status: 'delivered' });
    expect(await db.selectFrom('privacy_reports').select('id').where('job_key', '=', `purchase:${id}`).execute()).toHaveLength(1);
    await expectSingleOutcome(id, cohorts[1]!);
    expect(await db.selectFrom('data_use_receipts').select('id').where('customer_id', '=', late[0]!).execute()).toEqual([]);
  });

  it('two workers starting the same approved request at once deliver it once', async () => {
    const organisationId = await fundedOrganisation(db, 2 * RESERVED_CENTS);
    const offer = await approvedRequest(db, { organisationId, product: 'offer_campaign', segment: inTown(TOWNS[2]!) });
    const report = await approvedRequest(db, { organisationId, product: 'insight_report', segment: inTown(TOWNS[3]!) });
    const [a, b, c, d] = await Promise.all([fulfil(offer), fulfil(offer), fulfil(report), fulfil(report)]);
    expect(a).toEqual(b);
    expect(c).toEqual(d);
    expect(a).toMatchObject({ status: 'delivered' });
    expect(c).toMatchObject({ status: 'delivered' });
    await expectSingleOutcome(offer, cohorts[2]!);
    await expectSingleOutcome(report, cohorts[3]!);
    expect(await accountBalance(db, 'advertiser_reserved', organisationId)).toBe(0);
  });

  it('releases the reservation in the very transaction that charges the sale', async () => {
    // A balance beyond the reservation: the ledger's own balance pre-check passes without the release first.
    const organisationId = await fundedOrganisation(db, RESERVED_CENTS + 5_000);
    const id = await approvedRequest(db, { organisationId, product: 'offer_campaign', segment: inTown(TOWNS[4]!) });
    expect(await fulfil(id)).toMatchObject({ status: 'delivered' });
    const saleId = await expectSingleOutcome(id, cohorts[4]!);
    const xids = await db
      .selectFrom('ledger_transactions')
      .select(['idempotency_key', 'created_xid'])
      .where('idempotency_key', 'in', [`purchase:${id}:release`, `sale:${saleId}:charge`, `invoice:${saleId}:vat`])
      .execute();
    expect(xids).toHaveLength(3);
    expect(new Set(xids.map((x) => x.created_xid)).size).toBe(1);
  });
});
