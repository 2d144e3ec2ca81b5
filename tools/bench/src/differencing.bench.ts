import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { decodeMemberSet, encodeMemberSet, hashMemberNumbers, recordDelivery, encodeSketch, sketchOf, symmetricDifferenceAtLeast, DeliveryRefusedError } from '@dd/audience';
import { sql } from '@dd/db';
import { createBenchDatabase } from './bench-database';
import { percentile } from './percentile';

/**
 * `npm run bench:differencing -- --deliveries 5000 --size 10000`: how long the differencing check
 * takes with thousands of earlier deliveries of similar size (the worst case: all of them are
 * size candidates), against the naive check measured in the same run on the same data (read every
 * size candidate's members and merge).
 */
const { values } = parseArgs({ options: { deliveries: { type: 'string', default: '5000' }, size: { type: 'string', default: '10000' }, k: { type: 'string', default: '100' } } });
const deliveries = Number(values.deliveries);
const size = Number(values.size);
const k = Number(values.k);
if (![deliveries, size, k].every((n) => Number.isInteger(n) && n > 0) || size < k) {
  console.error('--deliveries, --size and --k must be positive whole numbers, with --size at least --k');
  process.exit(2);
}

/** xorshift32: deterministic member sets without Math.random. */
let state = 2463534242;
const next = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return state >>> 0;
};
const UNIVERSE = 1_000_000;
const randomSet = (n: number) => {
  const set = new Set<number>();
  while (set.size < n) set.add(next() % UNIVERSE);
  return Uint32Array.from(set).sort();
};

const bench = await createBenchDatabase();
try {
  const { db } = bench;
  const { id: organisationId } = await db.insertInto('organisations').values({ name: 'Bench B.V.' }).returning('id').executeTakeFirstOrThrow();
  const started = performance.now();
  const earlier: Uint32Array[] = [];
  for (let start = 0; start < deliveries; start += 100) {
    const batch = Array.from({ length: Math.min(100, deliveries - start) }, () => randomSet(size - k / 2 + (next() % k)));
    earlier.push(...batch);
    await db
      .insertInto('audience_deliveries')
      .values(batch.map((set, i) => ({ job_key: `seed-${start + i}`, organisation_id: organisationId, purpose: 'insights' as const, member_count: set.length, members_hash: hashMemberNumbers(set), sketch: encodeSketch(sketchOf(set)), members: encodeMemberSet(set) })))
      .execute();
  }
  console.log(`stored ${deliveries} earlier deliveries of ~${size} members in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Half fresh random sets (allowed), half an earlier set plus one member (refused): both paths.
  const probes = Array.from({ length: 100 }, (_, i) => {
    if (i % 2 === 0) return randomSet(size);
    const base = earlier[next() % earlier.length]!;
    let extra = next() % UNIVERSE;
    while (base.includes(extra)) extra = next() % UNIVERSE;
    return Uint32Array.from([...base, extra]).sort();
  });

  const guarded: number[] = [];
  const naive: number[] = [];
  let agree = 0;
  for (const [i, probe] of probes.entries()) {
    let refusedByGuard = false;
    const t0 = performance.now();
    // Rolled back, so every probe meets the same earlier deliveries.
    await db
      .transaction()
      .execute(async (trx) => {
        await recordDelivery(trx, { jobKey: `probe-${i}`, organisationId, purpose: 'insights', memberNos: probe }, k);
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        refusedByGuard = error instanceof DeliveryRefusedError;
      });
    guarded.push(performance.now() - t0);

    const t1 = performance.now();
    const { rows } = await sql<{ members: Buffer }>`select members from audience_deliveries where member_count > ${probe.length - k} and member_count < ${probe.length + k}`.execute(db);
    const refusedNaively = rows.some((row) => {
      const d = symmetricDifferenceAtLeast(probe, decodeMemberSet(row.members), k);
      return d > 0 && d < k;
    });
    naive.push(performance.now() - t1);
    if (refusedByGuard === refusedNaively && refusedByGuard === (i % 2 === 1)) agree++;
  }
  const [p50, p95, naiveP50] = [percentile(guarded, 50), percentile(guarded, 95), percentile(naive, 50)];
  console.log(`guarded check: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; naive (read and merge every size candidate): p50 ${naiveP50.toFixed(2)} ms`);
  console.log(`decisions as expected (fresh allowed, earlier+1 refused) and equal to the naive check: ${agree}/100`);
  console.log('naive_ratio = naive p50 / guarded p50');
  console.log(`differencing: deliveries=${deliveries} p50_ms=${p50.toFixed(2)} p95_ms=${p95.toFixed(2)} naive_ratio=${(naiveP50 / p50).toFixed(1)} agree=${agree}/100`);
  if (agree !== 100) process.exitCode = 1;
} finally {
  await bench.drop();
}
