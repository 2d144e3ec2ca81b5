import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudienceEngine, type AudienceEngine } from '@dd/audience';
import { isConsentCategory } from '@dd/categories';
import { sql } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { validateSegment } from '@dd/segments';
import { loadDuckDbPeer } from './duckdb.peer';
import { generatePopulation, type PopulationStats } from './population.generator';
import { compareSegments, type SegmentResult } from './segment.comparison';
import { mismatchReport } from './segment.report';
import { sampleSegments } from './segment.sampler';

// The segment benchmark in miniature, so CI notices when the generator or the engine drifts:
// 2,000 synthetic customers, 50 random segments, the index and PostgreSQL must agree exactly.
describe('segment benchmark (2,000 customers, 50 segments)', () => {
  let test: TestDatabase;
  let engine: AudienceEngine;
  let population: PopulationStats;
  let results: SegmentResult[];

  beforeAll(async () => {
    test = await createTestDatabase();
    population = await generatePopulation(test.db, { customers: 2_000, seed: 7, slice: 1_000 });
    engine = createAudienceEngine({ db: test.db });
    await engine.build();
    results = await compareSegments(test.db, await engine.ready(), sampleSegments(50, 7), { at: new Date(), warmups: 1, repeats: 1, sqlWarmups: 0 });
  });
  afterAll(async () => {
    engine?.stop();
    await test?.drop();
  });

  it('writes a plausible population through the consent triggers', async () => {
    expect(population.customers).toBe(2_000);
    expect(population.minors / population.withFeatures).toBeGreaterThan(0.01);
    expect(population.minors / population.withFeatures).toBeLessThan(0.06);
    const { rows } = await sql<{ cells: number; dated: number; lapsed: number; withdrawn: number; excluders: number; categories: string[] }>`
      select
        (select count(*)::int from consent_current) as cells,
        (select count(*)::int from consent_current where granted and expires_at > now()) as dated,
        (select count(*)::int from consent_current where granted and expires_at <= now()) as lapsed,
        (select count(*)::int from consent_current where not granted) as withdrawn,
        (select count(distinct customer_id)::int from industry_exclusions_current) as excluders,
        (select array_agg(distinct category) from consent_current) as categories`.execute(test.db);
    const row = rows[0]!;
    expect(row.cells).toBeGreaterThan(population.adults * 10);
    expect(row.dated).toBeGreaterThan(0);
    expect(row.lapsed).toBeGreaterThan(0);
    expect(row.withdrawn).toBeGreaterThan(0);
    expect(row.excluders / population.adults).toBeGreaterThan(0.05);
    expect(row.excluders / population.adults).toBeLessThan(0.15);
    expect(row.categories.every(isConsentCategory)).toBe(true);
    expect(row.categories).toContain('profile_age');
  });

  it('samples valid segments of 2-20 criteria', () => {
    for (const { segment } of results) {
      expect(validateSegment(segment.tree).categories).toEqual(segment.categories);
      expect(segment.predicates).toBeGreaterThanOrEqual(2);
      expect(segment.predicates).toBeLessThanOrEqual(20);
    }
  });

  it('counts exactly what PostgreSQL counts, for every segment', () => {
    const mismatches = results.filter((r) => r.engineCount !== r.sqlCount);
    expect(mismatches.map(mismatchReport)).toEqual([]);
    // Realistic selectivity: most segments find somebody even among 2,000 customers.
    expect(results.filter((r) => r.sqlCount > 0).length).toBeGreaterThan(25);
  });

  it('the DuckDB peer counts what PostgreSQL counts too, so its timings compare like with like', async () => {
    const peer = await loadDuckDbPeer(test.db);
    try {
      expect(peer.rows).toBe(population.withFeatures - (await erasedWithFeatures()));
      const at = new Date();
      const differ: string[] = [];
      for (const result of results) {
        const counted = await peer.count(result.segment, at);
        if (counted !== result.sqlCount) differ.push(`${mismatchReport(result)} duckdb=${counted}`);
      }
      expect(differ).toEqual([]);
    } finally {
      peer.close();
    }
  });

  async function erasedWithFeatures(): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from users u join customer_features f on f.customer_id = u.id where u.erasure_requested_at is not null`.execute(test.db);
    return rows[0]!.n;
  }
});
