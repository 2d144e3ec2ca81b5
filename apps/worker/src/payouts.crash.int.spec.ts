import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { composeIBAN } from 'ibantools';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { accountBalance, auditLedger, createSale, distributeSale } from '@dd/ledger';
import { insertFundedOrganisation } from '@dd/ledger/testing';
import { batchFileJobId, checkPain001, createPayoutService, DEFAULT_PAYOUT_SETTINGS, readPain001, renderBatchFile, sha256, writeBatchFile } from '@dd/payouts';
import type { Queues } from '@dd/queue';
import { crashTestWorld } from './testing/crash-world';
import { waitFor } from './testing/worker.testing';

const PAYOUTS = 4_000;
const CENTS = 1_250;

describe('a worker killed while it writes a payout batch file', () => {
  const world = crashTestWorld();
  let db: Db;
  let queues: Queues;

  beforeAll(async () => {
    ({ db, queues } = await world.open());
  });

  /** Members with earnings from one real sale, each with an approved request to an IBAN of their own. */
  async function approvedRequests(): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      insert into users (email, password_hash, role, display_name, created_at)
      select 'lid-' || n || '@example.nl', 'x', 'customer', 'Lid ' || n, now() - interval '60 days' from generate_series(1, ${PAYOUTS}) as n
      returning id`.execute(db);
    const members = rows.map((r) => r.id);
    const organisationId = await insertFundedOrganisation(db, PAYOUTS * CENTS);
    const { saleId } = await createSale(db, { idempotencyKey: `sale-${randomUUID()}`, organisationId, amountCents: PAYOUTS * CENTS, memberIds: members }, { memberShareBp: 10_000, distributionBatchSize: 5_000 });
    await distributeSale(db, saleId);
    const ibans = members.map((_, i) => composeIBAN({ countryCode: 'NL', bban: `INGB${String(i + 1).padStart(10, '0')}` })!);
    const requestIds = members.map(() => randomUUID());
    await sql`
      insert into payout_requests (id, customer_id, amount_cents, iban, account_holder, status, end_to_end_id)
      select r.id, r.customer_id, ${CENTS}, r.iban, 'Lid de Vries', 'approved', 'DDE' || upper(replace(r.id::text, '-', ''))
      from unnest(${sql.val(requestIds)}::uuid[], ${sql.val(members)}::uuid[], ${sql.val(ibans)}::text[]) as r(id, customer_id, iban)`.execute(db);
    return requestIds;
  }

  const batchStatus = async (batchId: string) => (await db.selectFrom('payout_batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow()).status;

  it('after restarts: one file, identical to a fresh build, no payout in two batches, the ledger summing to zero', async () => {
    const requestIds = await approvedRequests();
    const payouts = createPayoutService({ db, queues, settings: { ...DEFAULT_PAYOUT_SETTINGS, holdingDays: 0 } });
    const batch = await payouts.createBatch(randomUUID(), requestIds);
    const jobs = queues.get('payouts');

    // Killed twice while the job runs: as soon as it is taken, and a moment into writing the file.
    for (const pause of [0, randomInt(20, 80)]) {
      const worker = world.startWorker();
      await waitFor('the worker to take the job', async () => ((await jobs.getJobState(batchFileJobId(batch.id))) === 'active' ? true : undefined), 30_000);
      await sleep(pause);
      worker.child.kill('SIGKILL');
      await worker.exit;
      expect(await batchStatus(batch.id)).toBe('generating');
    }

    const last = world.startWorker();
    await waitFor('the file to be written', async () => ((await batchStatus(batch.id)) === 'ready' ? true : undefined), 45_000);
    // Under load the job may lose its short lock and run once more (finding the file written) before it completes.
    await waitFor('the job to complete', async () => ((await jobs.getJobState(batchFileJobId(batch.id))) === 'completed' ? true : undefined), 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\n--- worker output ---\n${last.output()}`);
    });
    last.child.kill('SIGTERM');
    expect(await last.exit).toBe(0);
    expect(last.output()).toContain('job stalled; it goes back to the queue to run again');

    // The stored file is the one a fresh build gives, and writing it again changes nothing.
    const stored = await db.selectFrom('payout_batch_files').select(['content', 'sha256']).where('batch_id', '=', batch.id).execute();
    expect(stored).toHaveLength(1);
    const fresh = (await renderBatchFile(db, batch.id))!;
    expect(stored[0]!.sha256).toBe(sha256(fresh));
    expect(stored[0]!.content).toBe(fresh);
    expect(await writeBatchFile(db, batch.id)).toMatchObject({ written: false, sha256: sha256(fresh) });
    expect(checkPain001(fresh)).toEqual([]);
    expect(readPain001(fresh)).toMatchObject({ nbOfTxs: String(PAYOUTS), ctrlSum: `${(PAYOUTS * CENTS) / 100}.00` });

    // Every payout in exactly this one batch, and no way into another.
    const items = await sql<{ n: number; distinct: number }>`select count(*)::int as n, count(distinct request_id)::int as distinct from payout_batch_items`.execute(db);
    expect(items.rows[0]).toEqual({ n: PAYOUTS, distinct: PAYOUTS });
    await expect(payouts.createBatch(randomUUID(), requestIds.slice(0, 1))).rejects.toThrow(/not approved/);

    expect(await accountBalance(db, 'payouts_in_transit')).toBe(PAYOUTS * CENTS);
    expect(await auditLedger(db)).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0, unsettledSales: 0 });
  }, 120_000);
});
