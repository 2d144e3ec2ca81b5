import { countWithSql, type AudienceIndex } from '@dd/audience';
import type { Db } from '@dd/db';
import { percentile } from './percentile';
import type { SampledSegment } from './segment.sampler';

export interface SegmentResult {
  segment: SampledSegment;
  engineCount: number;
  sqlCount: number;
  /** Median of the timed in-memory counts of this segment. */
  engineMs: number;
  sqlMs: number;
}

export interface ComparisonOptions {
  /** The moment both sides count at (consent end dates are compared with it). */
  at: Date;
  /** Untimed passes over all segments before timing the engine. */
  warmups?: number;
  /** Timed engine counts per segment; the median is kept. */
  repeats?: number;
  /** Untimed SQL counts (of the first segments) before timing, so the tables are in the cache. */
  sqlWarmups?: number;
  log?: (line: string) => void;
}

/**
 * Counts every segment with the in-memory index (`AudienceIndex.count`, pure, synchronous) and
 * with PostgreSQL (`countWithSql`, the reference), at the same moment, timing both. The engine
 * is timed first for all segments, then SQL, so neither evicts the other's caches mid-measurement.
 */
export async function compareSegments(db: Db, index: AudienceIndex, segments: readonly SampledSegment[], options: ComparisonOptions): Promise<SegmentResult[]> {
  const { at } = options;
  const nowMs = at.getTime();
  const warmups = options.warmups ?? 2;
  const repeats = options.repeats ?? 5;
  const log = options.log ?? (() => {});

  for (let pass = 0; pass < warmups; pass++) for (const segment of segments) index.count(segment, nowMs);
  const engine = segments.map((segment) => {
    const times: number[] = [];
    let count = -1;
    for (let r = 0; r < repeats; r++) {
      const started = performance.now();
      const counted = index.count(segment, nowMs);
      times.push(performance.now() - started);
      if (count !== -1 && counted !== count) throw new Error(`the index counted the same segment twice with different results: ${count}, ${counted}`);
      count = counted;
    }
    return { count, ms: percentile(times, 50) };
  });

  for (const segment of segments.slice(0, options.sqlWarmups ?? 2)) await countWithSql(db, segment, at);
  const results: SegmentResult[] = [];
  for (const [i, segment] of segments.entries()) {
    const started = performance.now();
    const sqlCount = await countWithSql(db, segment, at);
    const sqlMs = performance.now() - started;
    results.push({ segment, engineCount: engine[i]!.count, sqlCount, engineMs: engine[i]!.ms, sqlMs });
    if ((i + 1) % 50 === 0 && i + 1 < segments.length) log(`sql: ${i + 1}/${segments.length} segments counted`);
  }
  return results;
}

export interface TimedResult {
  p50: number;
  p95: number;
  /** Segments whose count equals the expected one. */
  exact: number;
  segments: number;
}

/**
 * Times a counter on the benchmark's segments like the engine: one warm-up pass, then the median
 * of `repeats` counts per segment; p50/p95 over those medians, and how many counts were as expected.
 */
async function timeCounts(
  results: readonly SegmentResult[],
  count: (segment: SampledSegment) => number | Promise<number>,
  expected: (result: SegmentResult) => number,
  repeats: number,
): Promise<TimedResult> {
  for (const { segment } of results) await count(segment);
  const medians: number[] = [];
  let exact = 0;
  for (const result of results) {
    const times: number[] = [];
    let counted = -1;
    for (let r = 0; r < repeats; r++) {
      const started = performance.now();
      counted = await count(result.segment);
      times.push(performance.now() - started);
    }
    medians.push(percentile(times, 50));
    if (counted === expected(result)) exact++;
  }
  return { p50: percentile(medians, 50), p95: percentile(medians, 95), exact, segments: results.length };
}

/**
 * The same segments on an index of `copies` copies of the population (AudienceIndex.tiled): how the
 * count scales with size, on data whose exact answer is known (copies × the SQL count at 1×).
 */
export async function timeTiled(
  index: AudienceIndex,
  results: readonly SegmentResult[],
  copies: number,
  options: { at: Date; customers: number; repeats?: number },
): Promise<TimedResult & { copies: number; customers: number }> {
  const tiled = index.tiled(copies);
  const nowMs = options.at.getTime();
  const timed = await timeCounts(results, (segment) => tiled.count(segment, nowMs), (r) => r.sqlCount * copies, options.repeats ?? 5);
  return { ...timed, copies, customers: options.customers * copies };
}

/** The same segments counted by a peer (DuckDB), checked against the SQL counts. */
export function timePeer(
  peer: { count(query: SampledSegment, at: Date): Promise<number> },
  results: readonly SegmentResult[],
  options: { at: Date; repeats?: number },
): Promise<TimedResult> {
  return timeCounts(results, (segment) => peer.count(segment, options.at), (r) => r.sqlCount, options.repeats ?? 5);
}
