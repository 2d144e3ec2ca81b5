import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db, type Purpose } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import type { SegmentFeatures } from '@dd/segments';
import { featuresArb, treeArb } from '@dd/segments/testing';
import { createAudienceEngine, type AudienceEngine } from './audience.engine';
import type { AudienceQuery } from './member-state';
import { countWithSql, memberNumbersWithSql } from './segment.sql';

const CATEGORIES = ['groceries', 'travel', 'profile_age', 'profile_region'] as const;
const PURPOSES: Purpose[] = ['insights', 'offers'];
const INDUSTRIES = ['gambling', 'alcohol'] as const;

let tdb: TestDatabase;
let db: Db;
let engine: AudienceEngine;
const customers: string[] = [];

async function writeFeatures(customerId: string, f: SegmentFeatures) {
  const row = {
    customer_id: customerId,
    is_adult: f.isAdult,
    age_band: f.ageBand,
    province: f.province,
    municipality: f.municipality,
    household_band: f.householdBand,
    interests: [...f.interests],
    spend_bands: JSON.stringify(f.spendBands) as unknown as Record<string, number>,
  };
  await db.insertInto('customer_features').values(row).onConflict((oc) => oc.column('customer_id').doUpdateSet(row)).execute();
}

async function decide(customerId: string, category: string, purpose: Purpose, granted: boolean, expiresAt: Date | null = null) {
  await db
    .insertInto('consent_decisions')
    .values({ customer_id: customerId, change_id: randomUUID(), category, purpose, granted, expires_at: expiresAt, policy_version: 'test', policy_text_hash: 'test', source: 'test' })
    .execute();
}

async function exclude(customerId: string, industry: string, excluded: boolean) {
  await db.insertInto('industry_exclusions').values({ customer_id: customerId, change_id: randomUUID(), industry, excluded, policy_version: 'test' }).execute();
}

const queryArb: fc.Arbitrary<AudienceQuery> = fc.record({
  tree: treeArb({ maxDepth: 4 }),
  categories: fc.subarray([...CATEGORIES], { minLength: 1, maxLength: 3 }),
  purpose: fc.constantFrom(...PURPOSES),
  industry: fc.constantFrom<string | null>(null, ...INDUSTRIES),
});

async function expectEngineEqualsSql(queries: AudienceQuery[]) {
  for (const query of queries) {
    const at = new Date();
    const [fromEngine, fromSql] = [await engine.count(query), await countWithSql(db, query, at)];
    expect({ query, count: fromEngine }).toEqual({ query, count: fromSql });
  }
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  const features = fc.sample(featuresArb, { numRuns: 240, seed: 20261123 });
  const random = fc.sample(fc.record({ cells: fc.subarray(CATEGORIES.flatMap((c) => PURPOSES.map((p) => [c, p] as const))), industries: fc.subarray([...INDUSTRIES]) }), { numRuns: 240, seed: 7 });
  for (const [i, f] of features.entries()) {
    const id = await insertTestCustomer(db, { birthYear: f.isAdult ? 1980 : 2012 });
    customers.push(id);
    await writeFeatures(id, f);
    for (const [category, purpose] of random[i]!.cells) await decide(id, category, purpose, true);
    for (const industry of random[i]!.industries) await exclude(id, industry, true);
  }
  engine = createAudienceEngine({ db });
  await engine.build();
}, 60_000);

afterAll(async () => {
  engine?.stop();
  await tdb.drop();
});

describe('audience engine against PostgreSQL', () => {
  it('counts exactly what the SQL count of the same segment returns', async () => {
    await expectEngineEqualsSql(fc.sample(queryArb, { numRuns: 150, seed: 1 }));
  });

  it('returns the same members as SQL, not only the same number', async () => {
    for (const query of fc.sample(queryArb, { numRuns: 40, seed: 2 })) {
      expect(await engine.memberNumbers(query)).toEqual(await memberNumbersWithSql(db, query));
    }
  });

  it('stays exact after random changes committed through the change feed, without a rebuild', async () => {
    const changes = fc.sample(
      fc.record({
        who: fc.nat({ max: customers.length - 1 }),
        kind: fc.constantFrom('features', 'grant', 'withdraw', 'exclude', 'include', 'erase-request', 'erase', 'new-customer'),
        features: featuresArb,
        category: fc.constantFrom(...CATEGORIES),
        purpose: fc.constantFrom(...PURPOSES),
        industry: fc.constantFrom(...INDUSTRIES),
      }),
      { numRuns: 60, seed: 3 },
    );
    const queries = fc.sample(queryArb, { numRuns: 25, seed: 4 });
    const erased = new Set<string>();
    for (const [step, change] of changes.entries()) {
      const id = customers[change.who]!;
      if (erased.has(id)) continue;
      switch (change.kind) {
        case 'features':
          await writeFeatures(id, change.features);
          break;
        case 'grant':
          await decide(id, change.category, change.purpose, true);
          break;
        case 'withdraw':
          await decide(id, change.category, change.purpose, false);
          break;
        case 'exclude':
          await exclude(id, change.industry, true);
          break;
        case 'include':
          await exclude(id, change.industry, false);
          break;
        case 'erase-request':
          await db.updateTable('users').set({ erasure_requested_at: new Date() }).where('id', '=', id).execute();
          break;
        case 'erase':
          await db.transaction().execute(async (trx) => {
            await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
            await trx.deleteFrom('users').where('id', '=', id).execute();
          });
          erased.add(id);
          break;
        case 'new-customer': {
          const fresh = await insertTestCustomer(db, { birthYear: 1990 });
          customers.push(fresh);
          await writeFeatures(fresh, change.features);
          for (const category of CATEGORIES) await decide(fresh, category, change.purpose, true);
          break;
        }
      }
      if (step % 6 === 5) await expectEngineEqualsSql(queries);
    }
    await expectEngineEqualsSql(queries);
    expect(engine.stats?.members).toBeGreaterThan(0);
  }, 120_000);

  it('sees a consent withdrawal in the very next count', async () => {
    const id = await insertTestCustomer(db, { birthYear: 1975 });
    await writeFeatures(id, { isAdult: true, ageBand: '45-54', province: 'NL-FR', municipality: null, householdBand: null, interests: [], spendBands: {} });
    await decide(id, 'profile_region', 'insights', true);
    const query: AudienceQuery = { tree: { field: 'province', in: ['NL-FR'] }, categories: ['profile_region'], purpose: 'insights', industry: null };
    const before = await engine.count(query);
    await decide(id, 'profile_region', 'insights', false);
    expect(await engine.count(query)).toBe(before - 1);
  });

  it('catches a change whose transaction commits after a later one was already read', async () => {
    const query: AudienceQuery = { tree: { field: 'province', in: ['NL-DR'] }, categories: ['profile_region'], purpose: 'offers', industry: null };
    const [slow, quick] = [await insertTestCustomer(db, { birthYear: 1970 }), await insertTestCustomer(db, { birthYear: 1971 })];
    for (const id of [slow, quick]) {
      await writeFeatures(id, { isAdult: true, ageBand: '55-64', province: 'NL-DR', municipality: null, householdBand: null, interests: [], spendBands: {} });
    }
    const before = await engine.count(query);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The slow transaction writes its change (and gets its feed id) first, but commits last.
    const slowTx = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('consent_decisions')
        .values({ customer_id: slow, change_id: randomUUID(), category: 'profile_region', purpose: 'offers', granted: true, policy_version: 'test', policy_text_hash: 'test', source: 'test' })
        .execute();
      await released;
    });
    await new Promise((r) => setTimeout(r, 50));
    await decide(quick, 'profile_region', 'offers', true);
    expect(await engine.count(query)).toBe(before + 1);
    release();
    await slowTx;
    expect(await engine.count(query)).toBe(before + 2);
    expect(await countWithSql(db, query)).toBe(before + 2);
  });

  it('lets a dated grant stop counting when its end date passes, with no write at all', async () => {
    const id = await insertTestCustomer(db, { birthYear: 1960 });
    await writeFeatures(id, { isAdult: true, ageBand: '65+', province: 'NL-ZE', municipality: null, householdBand: null, interests: [], spendBands: {} });
    const query: AudienceQuery = { tree: { field: 'province', in: ['NL-ZE'] }, categories: ['profile_region'], purpose: 'insights', industry: null };
    const before = await engine.count(query);
    await decide(id, 'profile_region', 'insights', true, new Date(Date.now() + 1_200));
    expect(await engine.count(query)).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1_400));
    expect(await engine.count(query)).toBe(before);
    expect(await countWithSql(db, query)).toBe(before);
  });

  it('keeps consent_current equal to the latest decision per cell in the append-only history', async () => {
    const { rows } = await sql<{ differences: number }>`
      with latest as (
        select distinct on (customer_id, category, purpose) customer_id, category, purpose, granted, expires_at
        from consent_decisions order by customer_id, category, purpose, recorded_at desc, id desc
      )
      select count(*)::int as differences from latest l
      full join consent_current c using (customer_id, category, purpose)
      where l.granted is distinct from c.granted or l.expires_at is distinct from c.expires_at`.execute(db);
    expect(rows[0]!.differences).toBe(0);
    const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from consent_current`.execute(db);
    expect(counted[0]!.n).toBeGreaterThan(100);
  });

  it('a rebuilt index equals the incrementally maintained one', async () => {
    const queries = fc.sample(queryArb, { numRuns: 30, seed: 5 });
    const incremental = await Promise.all(queries.map((q) => engine.count(q)));
    const rebuilt = createAudienceEngine({ db });
    const stats = await rebuilt.build();
    expect(stats.members).toBe((await engine.refresh()).size);
    expect(await Promise.all(queries.map((q) => rebuilt.count(q)))).toEqual(incremental);
  });
});
