import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from '@dd/db';
import { auditLedger, createSale, DEFAULT_LEDGER_SETTINGS, distributeSale } from '@dd/ledger';
import { insertFundedOrganisation, memberIds } from '@dd/ledger/testing';
import { createBenchDatabase } from './bench-database';

/**
 * `npm run bench:ledger -- --members 100000`: distributes one sale to N members the way the
 * `ledger.distribute` job does (charge, member credits in batches of 5,000, fee, every check the
 * database makes), against a baseline measured in the same run on the same database: inserting the
 * same number of postings with plain multi-row INSERTs into a table without constraints, indexes
 * or triggers. A second sale to the same members shows the cost once their accounts exist.
 */
const { values } = parseArgs({ options: { members: { type: 'string', default: '100000' }, batch: { type: 'string', default: String(DEFAULT_LEDGER_SETTINGS.distributionBatchSize) } } });
const members = Number(values.members);
const batch = Number(values.batch);
if (!Number.isInteger(members) || members < 1 || members > 1_000_000) {
  console.error('--members must be a whole number from 1 to 1000000');
  process.exit(2);
}
if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
  console.error('--batch must be a whole number from 1 to 10000');
  process.exit(2);
}

const seconds = (started: number) => (performance.now() - started) / 1000;
const bench = await createBenchDatabase();
try {
  const { db } = bench;
  const ids = memberIds(members);
  const amountCents = members * 50 + 7;
  const organisationId = await insertFundedOrganisation(db, amountCents * 2);
  const settings = { ...DEFAULT_LEDGER_SETTINGS, distributionBatchSize: batch };

  // Baseline: the same number of postings (plus one clearing posting per batch), no checks at all.
  await sql`create table bench_postings (transaction_id bigint not null, account_id bigint not null, amount_cents bigint not null, sale_id uuid)`.execute(db);
  const baselineStart = performance.now();
  for (let start = 0; start < members; start += batch) {
    const size = Math.min(batch, members - start);
    const rows = Array.from({ length: size + 1 }, (_, k) => ({ transaction_id: start / batch + 1, account_id: start + k + 1, amount_cents: k === 0 ? 35 * size : -35, sale_id: null }));
    await db.transaction().execute(async (trx) => {
      await sql`insert into bench_postings (transaction_id, account_id, amount_cents, sale_id) values ${sql.join(
        rows.map((r) => sql`(${r.transaction_id}, ${r.account_id}, ${r.amount_cents}, ${r.sale_id})`),
      )}`.execute(trx);
    });
  }
  const baselineSeconds = seconds(baselineStart);

  const recordStart = performance.now();
  const { saleId } = await createSale(db, { idempotencyKey: `bench-${randomUUID()}`, organisationId, amountCents, memberIds: ids }, settings);
  const recordSeconds = seconds(recordStart);

  const started = performance.now();
  const result = await distributeSale(db, saleId);
  const distributeSeconds = seconds(started);
  if (result.alreadyDistributed || result.batchesPosted !== result.batches) throw new Error(`distribution did not run in full: ${JSON.stringify(result)}`);

  const secondSale = await createSale(db, { idempotencyKey: `bench-${randomUUID()}`, organisationId, amountCents, memberIds: ids }, settings);
  const secondStart = performance.now();
  await distributeSale(db, secondSale.saleId);
  const secondSeconds = seconds(secondStart);

  const credited = await db.selectFrom('ledger_postings').select((eb) => eb.fn.countAll<number>().as('n')).where('sale_id', '=', saleId).executeTakeFirstOrThrow();
  const { rows } = await sql<{ zero: boolean }>`select coalesce(sum(amount_cents), 0) = 0 as zero from ledger_postings`.execute(db);
  const audit = await auditLedger(db);
  const sumZero = rows[0]!.zero && audit.unbalancedTransactions === 0 && audit.balanceMismatches === 0;
  const creditsPerSecond = Math.round(members / distributeSeconds);

  console.log(`baseline (plain multi-row INSERT of ${members + result.batches} postings, no checks): ${baselineSeconds.toFixed(2)} s, ${Math.round(members / baselineSeconds)} rows/s`);
  console.log(`record sale (frozen member set of ${members}): ${recordSeconds.toFixed(2)} s`);
  console.log(
    `distribute (charge, ${result.batches} batches of ${batch}, fee; new member accounts): ${distributeSeconds.toFixed(2)} s; ratio to baseline ${(distributeSeconds / baselineSeconds).toFixed(2)}x`,
  );
  console.log(`second sale to the same members (accounts exist): ${secondSeconds.toFixed(2)} s, ${Math.round(members / secondSeconds)} credits/s`);
  console.log(`postings of the first sale: ${credited.n} (members + advertiser + fee); ledger audit: ${JSON.stringify(audit)}`);
  console.log(`ledger: members=${members} credits_per_s=${creditsPerSecond} sum_zero=${sumZero}`);
} finally {
  await bench.drop();
}
