import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createImportService, runImport } from '@dd/data-import';
import { createTestQueues } from '@dd/queue/testing';
import { createBenchDatabase } from './bench-database';
import { ingStatement } from './ing-statement';

/**
 * `npm run bench:import -- --rows 50000`: the whole import of one statement (store, parse,
 * categorise, deduplicate, COPY into staging and merge, in one transaction) against a baseline
 * measured in the same run on the same database: inserting the same number of already-prepared rows
 * with plain multi-row INSERTs. The last line's `baseline_ratio` is import time / INSERT time.
 */
const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1 || rows > 200_000) {
  console.error('--rows must be a whole number from 1 to 200000');
  process.exit(2);
}

const bench = await createBenchDatabase();
const redis = createTestQueues();
try {
  const { db } = bench;
  const { id: customerId } = await db
    .insertInto('users')
    .values({ email: 'bench@example.nl', password_hash: 'x', role: 'customer', display_name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('customer_profiles').values({ user_id: customerId }).execute();
  const bytes = ingStatement(rows);

  // Baseline: the same number of rows, already prepared, inserted in one transaction.
  const baselineStart = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows; start += 4_000) {
      const batch = Array.from({ length: Math.min(4_000, rows - start) }, (_, k) => ({
        customer_id: customerId,
        booked_on: '2025-01-01',
        amount_cents: -(start + k + 1),
        counterparty_name: 'Baseline',
        description: `row ${start + k}`,
        dedupe_key: `baseline-${start + k}`,
        category: 'other',
      }));
      await trx.insertInto('transactions').values(batch).execute();
    }
  });
  const baselineSeconds = (performance.now() - baselineStart) / 1000;

  const started = performance.now();
  const upload = await createImportService({ db, queues: redis.queues }).storeUpload(customerId, { name: 'bench.csv', bytes });
  const result = await runImport({ db, queues: redis.queues }, upload.id);
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 'imported' || result.imported !== rows) {
    throw new Error(`import did not complete: ${JSON.stringify(result)}`);
  }
  const rowsPerSecond = Math.round(rows / seconds);
  console.log(`baseline (prepared rows, plain INSERT): ${baselineSeconds.toFixed(2)} s, ${Math.round(rows / baselineSeconds)} rows/s`);
  console.log(`import (store, parse, categorise, dedupe, COPY, merge): ${seconds.toFixed(2)} s; ratio to baseline ${(seconds / baselineSeconds).toFixed(2)}x`);
  console.log(`import: rows=${rows} rows_per_s=${rowsPerSecond} baseline_ratio=${(seconds / baselineSeconds).toFixed(2)}`);
} finally {
  await redis.close();
  await bench.drop();
}
