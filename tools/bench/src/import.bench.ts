import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadCategoriser } from '@dd/categories';
import { createImportService, parseStatement, prepareImportRows, runImport, sha256OfUpload, type ImportPhase } from '@dd/data-import';
import { createTestQueues } from '@dd/queue/testing';
import { createBenchDatabase } from './bench-database';
import { ingStatement } from './ing-statement';

/**
 * `npm run bench:import -- --rows 50000`: the whole import of one statement (store, read back, parse,
 * categorise, deduplicate, COPY, in one transaction) against a baseline measured in the same run on the same
 * database: a plain multi-row INSERT of exactly the rows this import stores (the same parsed, categorised and
 * keyed rows, prepared before the clock starts), 4,000 per INSERT, in one transaction, for a customer of its
 * own. After one untimed run of each, `--rounds` (default 3) rounds of baseline, import, import, baseline; the last
 * line's `baseline_ratio` is import time / INSERT time (medians). `--compare-whole` also times the
 * whole-file path (the import with its streaming path off) in the same run, for the ratio of the two.
 */
const { values } = parseArgs({
  options: { rows: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '3' }, 'compare-whole': { type: 'boolean', default: false } },
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1 || rows > 200_000) {
  console.error('--rows must be a whole number from 1 to 200000');
  process.exit(2);
}
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) {
  console.error('--rounds must be a whole number from 1 to 20');
  process.exit(2);
}

const BASELINE_BATCH = 4_000;

/** The middle value; with an even count the mean of the two middle ones. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const bench = await createBenchDatabase();
const redis = createTestQueues();
try {
  const { db } = bench;
  const deps = { db, queues: redis.queues };
  const bytes = ingStatement(rows);
  const prepared = prepareImportRows(parseStatement({ name: 'bench.csv', bytes }), await loadCategoriser(db));
  let customers = 0;

  const newCustomer = async () => {
    customers += 1;
    const { id } = await db
      .insertInto('users')
      .values({ email: `bench-${customers}@example.nl`, password_hash: 'x', role: 'customer', display_name: 'Bench' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('customer_profiles').values({ user_id: id }).execute();
    return id;
  };

  const baseline = async (): Promise<number> => {
    const customerId = await newCustomer();
    // The import's rows point at their upload; so do these, with the same foreign-key check per row.
    const { id: uploadId } = await db
      .insertInto('uploads')
      .values({
        customer_id: customerId, file_name: 'baseline.csv', byte_size: bytes.length, sha256: await sha256OfUpload(bytes),
        format: null, rows_total: null, rows_imported: null, rows_duplicate: null, error: null, finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batches: (typeof prepared)[number][][] = [];
    for (let start = 0; start < prepared.length; start += BASELINE_BATCH) batches.push(prepared.slice(start, start + BASELINE_BATCH));
    const ready = batches.map((batch) => batch.map((row) => ({ ...row, customer_id: customerId, upload_id: uploadId })));
    const started = performance.now();
    await db.transaction().execute(async (trx) => {
      for (const batch of ready) await trx.insertInto('transactions').values(batch).execute();
    });
    return (performance.now() - started) / 1000;
  };

  const phases = new Map<string, number[]>();
  const importOnce = async (streaming = true): Promise<number> => {
    const customerId = await newCustomer();
    const started = performance.now();
    const storeStarted = performance.now();
    const upload = await createImportService(deps).storeUpload(customerId, { name: 'bench.csv', bytes });
    const record = (phase: ImportPhase, milliseconds: number) => {
      const name = streaming ? phase : `${phase} (whole-file path)`;
      phases.set(name, [...(phases.get(name) ?? []), milliseconds]);
    };
    record('store', performance.now() - storeStarted);
    const cpu = process.cpuUsage();
    const result = await runImport({ ...deps, onPhase: record, streaming }, upload.id);
    const used = process.cpuUsage(cpu);
    // The worker's own CPU (parse, categorise, keys, COPY text): what overlaps, or not, with PostgreSQL's work.
    phases.set(streaming ? 'node cpu' : 'node cpu (whole-file path)', [...(phases.get(streaming ? 'node cpu' : 'node cpu (whole-file path)') ?? []), (used.user + used.system) / 1000]);
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 'imported' || result.imported !== rows) throw new Error(`import did not complete: ${JSON.stringify(result)}`);
    return seconds;
  };

  // One untimed run of each first: the first writes into a new database are slower (empty caches, new relation
  // files, full-page images after its checkpoint), and whichever side ran first would carry that alone.
  await baseline();
  await importOnce();
  phases.clear();
  // Then rounds of baseline, import, (whole-file path twice,) import, baseline: each side runs early and late in
  // every round, so drift in the machine's load and the table's growth (every run adds its rows to the same
  // indexes) weigh on all alike.
  const compare = values['compare-whole'] === true;
  const baselineSeconds: number[] = [];
  const importSeconds: number[] = [];
  const wholeSeconds: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    baselineSeconds.push(await baseline());
    importSeconds.push(await importOnce());
    if (compare) wholeSeconds.push(await importOnce(false), await importOnce(false));
    importSeconds.push(await importOnce());
    baselineSeconds.push(await baseline());
  }

  const base = median(baselineSeconds);
  const seconds = median(importSeconds);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  for (const [phase, times] of phases) console.log(`  phase ${phase}: median ${Math.round(median(times))} ms (${times.map((ms) => Math.round(ms)).join(', ')})`);
  console.log(`baseline (prepared rows, plain INSERT): ${list(baselineSeconds)} s; median ${base.toFixed(2)} s, ${Math.round(rows / base)} rows/s`);
  console.log(`import (store, read, parse, categorise, dedupe, COPY): ${list(importSeconds)} s; median ${seconds.toFixed(2)} s; ratio to baseline ${(seconds / base).toFixed(2)}x`);
  if (compare) {
    const whole = median(wholeSeconds);
    console.log(`whole-file path: ${list(wholeSeconds)} s; median ${whole.toFixed(2)} s; ratio to baseline ${(whole / base).toFixed(2)}x; streaming/whole ${(seconds / whole).toFixed(2)}`);
  }
  console.log(`import: rows=${rows} rows_per_s=${Math.round(rows / seconds)} baseline_ratio=${(seconds / base).toFixed(2)}`);
} finally {
  await redis.close();
  await bench.drop();
}
