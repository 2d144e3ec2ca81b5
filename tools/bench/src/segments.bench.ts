import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAudienceEngine } from '@dd/audience';
import { createBenchDatabase } from './bench-database';
import { generatePopulation, populationCounts, type PopulationStats } from './population.generator';
import { populationFingerprint, readPopulationMarker, writePopulationMarker } from './population.marker';
import { loadDuckDbPeer } from './duckdb.peer';
import { compareSegments, timePeer, timeTiled } from './segment.comparison';
import { breakdown, countSpread, int, lastLine, mismatchReport, ms, summarise, textTable } from './segment.report';
import { sampleSegments } from './segment.sampler';

/**
 * `npm run bench:segments -- --customers 1000000 [--segments 200] [--seed 1] [--keep [--regenerate]]`: the live
 * audience count. A synthetic Dutch population in PostgreSQL (accounts, features, consent through
 * consent_decisions and its triggers, industry exclusions), a full build of the in-memory index,
 * then random segments counted by the index and by PostgreSQL (`countWithSql`, the reference) in
 * the same run: engine p50/p95, the ratio of the medians, and exact equality for every segment.
 * `--keep` keeps the database as dd_bench_segments_<N> and reuses it next time (migrated forward).
 * `--tile 10` also counts the same segments on an index of ten copies of the population (10× the
 * customers), checked against ten times the SQL counts. `--duckdb` also counts them with DuckDB (the
 * peer in BENCHMARKS.md) on the same members and prints how many times faster the engine is.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    segments: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    repeats: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false },
    tile: { type: 'string', default: '1' },
    duckdb: { type: 'boolean', default: false },
  },
});
const wholeNumber = (name: string, text: string, min: number, max: number) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return value;
};
const customers = wholeNumber('customers', values.customers, 1, 10_000_000);
const segmentCount = wholeNumber('segments', values.segments, 1, 10_000);
const seed = wholeNumber('seed', values.seed, 0, 2 ** 31);
const repeats = wholeNumber('repeats', values.repeats, 1, 100);
const keep = values.keep;
const copies = wholeNumber('tile', values.tile, 1, 100);
const log = (line: string) => console.log(line);

const bench = await createBenchDatabase(keep ? { name: `dd_bench_segments_${customers}`, keep: true } : {});
let failed = false;
try {
  // 1. The population: generated, or reused from a kept database that holds exactly this one.
  let population: PopulationStats;
  let generation: string;
  const fingerprint = populationFingerprint(customers, seed);
  const marker = bench.created || values.regenerate ? null : await readPopulationMarker(bench.db, fingerprint);
  if (marker) {
    population = { ...(await populationCounts(bench.db)), seconds: marker.seconds };
    generation = `reused ${bench.name} (generated ${marker.generatedAt.toISOString().slice(0, 16)} in ${marker.seconds.toFixed(1)} s)`;
  } else {
    if (!bench.created) {
      log(`${bench.name} holds a population of another generator or seed, an unfinished one, or --regenerate was given: recreating it`);
      await bench.recreate();
    }
    log(`generating ${int(customers)} customers in ${bench.name} …`);
    population = await generatePopulation(bench.db, { customers, seed, log });
    if (keep) await writePopulationMarker(bench.db, fingerprint, population.seconds);
    generation = `generated in ${population.seconds.toFixed(1)} s${keep ? ` (kept as ${bench.name})` : ''}`;
  }

  // 2. A full rebuild of the index from PostgreSQL, saved as a snapshot and loaded back as a restart does;
  // the segments are counted on the restored index, so the exactness check covers the snapshot too.
  const snapshotDir = await mkdtemp(join(tmpdir(), 'dd-bench-audience-'));
  const engine = createAudienceEngine({ db: bench.db, snapshot: { dir: snapshotDir } });
  const build = await engine.build();
  const saved = (await engine.saveSnapshot())!;
  const restart = createAudienceEngine({ db: bench.db, snapshot: { dir: snapshotDir } });
  const index = await restart.ready();
  const restarted = restart.stats!;
  await rm(snapshotDir, { recursive: true, force: true });

  // 3. Segments, counted by both, timed, compared.
  const segments = sampleSegments(segmentCount, seed);
  const at = new Date();
  log(`counting ${segmentCount} segments with the index (${repeats}× each after warm-up) and with PostgreSQL …`);
  const results = await compareSegments(bench.db, index, segments, { at, repeats, log });
  const summary = summarise(results);
  const tiled = copies > 1 ? await timeTiled(index, results, copies, { at, customers, repeats }) : undefined;
  let duck: (Awaited<ReturnType<typeof timePeer>> & { loadSeconds: number }) | undefined;
  if (values.duckdb) {
    const peer = await loadDuckDbPeer(bench.db, { log });
    try {
      log(`duckdb: counting the same ${segmentCount} segments (${repeats}× each after warm-up) …`);
      duck = { ...(await timePeer(peer, results, { at, repeats })), loadSeconds: peer.loadSeconds };
    } finally {
      peer.close();
    }
  }

  console.log('');
  console.log(
    textTable(
      ['figure', 'value'],
      [
        ['customers', int(population.customers)],
        ['  with features / adults / minors', `${int(population.withFeatures)} / ${int(population.adults)} / ${int(population.minors)}`],
        ['  consent decisions / grants in force', `${int(population.consentDecisions)} / ${int(population.grantsNow)}`],
        ['  industry exclusions in force', int(population.exclusions)],
        ['population', generation],
        ['index build (full, from PostgreSQL)', `${(build.ms / 1000).toFixed(2)} s for ${int(build.members)} members`],
        ['index snapshot write / restart from it', `${(saved.ms / 1000).toFixed(2)} s (${(saved.bytes / 2 ** 20).toFixed(1)} MiB) / ${(restarted.ms / 1000).toFixed(2)} s (from ${restarted.source})`],
        ['index memory (byteSize)', `${(build.byteSize / 2 ** 20).toFixed(1)} MiB`],
        ['engine count p50 / p95 / max', `${ms(summary.engineP50)} / ${ms(summary.engineP95)} / ${ms(summary.engineMax)} ms`],
        ['PostgreSQL countWithSql p50 / p95', `${ms(summary.sqlP50)} / ${ms(summary.sqlP95)} ms`],
        ['sql_ratio', `${summary.sqlRatio.toFixed(1)} (median SQL time / median engine time, same segments, same run)`],
        ['exact', `${summary.exact}/${summary.segments} counts equal`],
        ['counts', countSpread(results)],
      ],
    ),
  );
  console.log('');
  console.log(breakdown(results));
  console.log('');
  console.log('engine = AudienceIndex.count (in memory, synchronous), median of the timed repeats per segment;');
  console.log('SQL = countWithSql (SELECT count(*) on PostgreSQL), one timed run per segment after a warm-up.');
  for (const mismatch of summary.mismatches) console.log(mismatchReport(mismatch));
  if (duck) {
    console.log(`duckdb: DuckDB in-process (2 threads) on the same members, one wide table (loaded in ${duck.loadSeconds.toFixed(1)} s), same eligibility; counts checked against SQL`);
    console.log(`segments-duckdb: p50_ms=${ms(duck.p50)} p95_ms=${ms(duck.p95)} engine_speedup=${(duck.p50 / summary.engineP50).toFixed(1)} exact=${duck.exact}/${duck.segments}`);
  }
  if (tiled) {
    console.log(`tiled: ${copies} copies of the population in one index, counts checked against ${copies} × the SQL count`);
    console.log(`segments-tiled: customers=${tiled.customers} p50_ms=${ms(tiled.p50)} p95_ms=${ms(tiled.p95)} exact=${tiled.exact}/${tiled.segments}`);
  }
  failed = summary.mismatches.length > 0 || (tiled !== undefined && tiled.exact !== tiled.segments) || (duck !== undefined && duck.exact !== duck.segments);
  console.log(lastLine(customers, summary));
} finally {
  await bench.drop();
}
if (failed) process.exitCode = 1;
