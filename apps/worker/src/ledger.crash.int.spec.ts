import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Db } from '@dd/db';
import { auditLedger, createSale, distributionJobId, enqueueDistribution, splitSale } from '@dd/ledger';
import { insertFundedOrganisation, memberIds } from '@dd/ledger/testing';
import type { Queues } from '@dd/queue';
import { beforeAll, describe, expect, it } from 'vitest';
import { crashTestWorld } from './testing/crash-world';
import { waitFor } from './testing/worker.testing';

const MEMBERS = 20_000;
const BATCH = 500;
const AMOUNT = 740_003;

describe('a worker killed again and again while it distributes a sale', () => {
  const world = crashTestWorld();
  let db: Db;
  let queues: Queues;

  beforeAll(async () => {
    ({ db, queues } = await world.open());
  });

  const creditBatches = async (saleId: string) =>
    (
      await db
        .selectFrom('ledger_transactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sale_id', '=', saleId)
        .where('kind', '=', 'sale.member_credits')
        .executeTakeFirstOrThrow()
    ).n;
  const status = async (saleId: string) => (await db.selectFrom('sales').select('status').where('id', '=', saleId).executeTakeFirstOrThrow()).status;
  /** True while the worker has a database transaction open that has written something. */
  const workerMidTransaction = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = 'worker' and backend_xid is not null`.execute(db)
    ).rows[0]!.n > 0;

  it('finishes after a restart: every member credited exactly once, every transaction and the ledger summing to zero', async () => {
    const organisationId = await insertFundedOrganisation(db, 1_000_000);
    const members = memberIds(MEMBERS);
    const settings = { memberShareBp: 7_000, distributionBatchSize: BATCH };
    const { saleId } = await createSale(db, { idempotencyKey: `order-${randomUUID()}`, organisationId, amountCents: AMOUNT, memberIds: members }, settings);
    await enqueueDistribution(queues, saleId);

    // Four kills at different moments: inside an open write transaction (twice), right after a
    // batch committed, and after a random pause. Each must land while the sale is unfinished.
    const moments: ('mid-transaction' | 'after-batch' | 'random')[] = ['mid-transaction', 'after-batch', 'mid-transaction', 'random'];
    const kills: { moment: string; batchesBefore: number; batchesAtKill: number }[] = [];
    for (const moment of moments) {
      const batchesBefore = await creditBatches(saleId);
      const worker = world.startWorker();
      const died = worker.exit.then((code) => {
        throw new Error(`worker exited (${code}) before it was killed:\n${worker.output()}`);
      });
      const ready = (async () => {
        if (moment === 'mid-transaction') {
          await waitFor('the worker to commit a batch', async () => ((await creditBatches(saleId)) > batchesBefore ? true : undefined), 30_000);
          // A tight poll: a batch transaction is open for some tens of milliseconds.
          const deadline = Date.now() + 30_000;
          while (!(await workerMidTransaction())) {
            if (Date.now() > deadline) throw new Error('the worker never opened a write transaction');
            await sleep(2);
          }
        } else {
          await waitFor('the worker to commit a batch', async () => ((await creditBatches(saleId)) > batchesBefore ? true : undefined), 30_000);
          if (moment === 'random') await sleep(randomInt(0, 60));
        }
      })();
      await Promise.race([ready, died]);
      worker.child.kill('SIGKILL');
      await worker.exit;
      kills.push({ moment, batchesBefore, batchesAtKill: await creditBatches(saleId) });
      expect(await status(saleId)).toBe('pending');
    }
    const batches = MEMBERS / BATCH;
    expect(kills.every((kill) => kill.batchesAtKill > kill.batchesBefore && kill.batchesAtKill < batches)).toBe(true);

    // The last worker picks the job up after the dead one's lock expires, and finishes it.
    const last = world.startWorker();
    await waitFor('the sale to be distributed', async () => ((await status(saleId)) === 'distributed' ? true : undefined), 45_000);
    const ledger = queues.get('ledger');
    await waitFor('the job to complete', async () => ((await ledger.getJobState(distributionJobId(saleId))) === 'completed' ? true : undefined), 10_000);
    last.child.kill('SIGTERM');
    expect(await last.exit).toBe(0);
    expect(last.output()).toContain('job stalled; it goes back to the queue to run again');
    const job = await ledger.getJob(distributionJobId(saleId));
    expect(job?.returnvalue).toMatchObject({ batches, alreadyDistributed: false });
    expect(job!.returnvalue.batchesPosted).toBe(batches - kills.at(-1)!.batchesAtKill);

    // Every member exactly once, with exactly their share.
    const credits = await db
      .selectFrom('ledger_postings as p')
      .innerJoin('ledger_accounts as a', 'a.id', 'p.account_id')
      .select(['a.owner_id', 'p.amount_cents'])
      .where('p.sale_id', '=', saleId)
      .where('a.kind', '=', 'member_earnings')
      .execute();
    const split = splitSale({ amountCents: AMOUNT, memberShareBp: 7_000, memberKeys: members, tieSeed: saleId });
    expect(credits).toHaveLength(MEMBERS);
    expect(new Set(credits.map((c) => c.owner_id)).size).toBe(MEMBERS);
    const expected = new Map(split.members.map((m) => [m.key, -m.cents]));
    expect(credits.every((c) => expected.get(c.owner_id!) === c.amount_cents)).toBe(true);

    // Each transaction sums to zero, so does the whole ledger, and balances equal the posting sums.
    const { rows: unbalanced } = await sql`select transaction_id from ledger_postings group by transaction_id having sum(amount_cents) <> 0 or count(*) < 2`.execute(db);
    expect(unbalanced).toEqual([]);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0, unsettledSales: 0 });
    const balances = await db.selectFrom('ledger_balances').select(['kind', 'balance_cents']).where('kind', 'in', ['advertiser_balance', 'platform_fee', 'sales_clearing']).execute();
    expect(Object.fromEntries(balances.map((b) => [b.kind, b.balance_cents]))).toEqual({
      advertiser_balance: 1_000_000 - AMOUNT,
      platform_fee: split.platformFeeCents,
      sales_clearing: 0,
    });
  }, 120_000);
});
