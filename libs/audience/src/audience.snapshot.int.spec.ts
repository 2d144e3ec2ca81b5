import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql, type Db, type Purpose } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { featuresArb, treeArb } from '@dd/segments/testing';
import { createAudienceEngine, type AudienceLogger } from './audience.engine';
import { readSnapshotFile, writeSnapshotFile } from './audience.snapshot';
import type { AudienceQuery } from './member-state';
import { countWithSql, memberNumbersWithSql } from './segment.sql';
import { ADULT, insertAudienceMember } from './testing';

const CATEGORIES = ['groceries', 'travel', 'profile_age', 'profile_region'] as const;
const PURPOSES: Purpose[] = ['insights', 'offers'];
const INDUSTRIES = ['gambling', 'alcohol'] as const;
const HOUR = 3_600_000;

let tdb: TestDatabase;
let db: Db;
let dir: string;
const customers: string[] = [];

const queryArb: fc.Arbitrary<AudienceQuery> = fc.record({
  tree: treeArb({ maxDepth: 4 }),
  categories: fc.subarray([...CATEGORIES], { minLength: 1, maxLength: 3 }),
  purpose: fc.constantFrom(...PURPOSES),
  industry: fc.constantFrom<string | null>(null, ...INDUSTRIES),
});

async function decide(customerId: string, category: string, purpose: Purpose, granted: boolean, expiresAt: Date | null = null) {
  await db
    .insertInto('consent_decisions')
    .values({ customer_id: customerId, change_id: randomUUID(), category, purpose, granted, expires_at: expiresAt, policy_version: 'test', policy_text_hash: 'test', source: 'test' })
    .execute();
}

async function exclude(customerId: string, industry: string) {
  await db.insertInto('industry_exclusions').values({ customer_id: customerId, change_id: randomUUID(), industry, excluded: true, policy_version: 'test' }).execute();
}

/** A logger that keeps what the engine says, to see which way it started and why. */
function recordingLogger() {
  const lines: { level: 'info' | 'warn'; details: Record<string, unknown>; message: string }[] = [];
  const logger: AudienceLogger = {
    info: (details, message) => lines.push({ level: 'info', details: details as Record<string, unknown>, message }),
    warn: (details, message) => lines.push({ level: 'warn', details: details as Record<string, unknown>, message }),
  };
  return { logger, lines, rejection: () => lines.find((line) => line.message.startsWith('audience snapshot not used'))?.details['reason'] };
}

const snapshotEngine = (database = db, logger?: AudienceLogger) => createAudienceEngine({ db: database, snapshot: { dir }, ...(logger ? { logger } : {}) });

/** Saves a fresh snapshot of the database as it is now, and returns its file. */
async function saveFresh(): Promise<string> {
  const engine = snapshotEngine();
  await engine.build();
  const saved = await engine.saveSnapshot();
  await engine.close();
  return saved!.file;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  dir = await mkdtemp(join(tmpdir(), 'dd-audience-snapshot-'));
  const features = fc.sample(featuresArb, { numRuns: 200, seed: 20261124 });
  const random = fc.sample(
    fc.record({ cells: fc.subarray(CATEGORIES.flatMap((c) => PURPOSES.map((p) => [c, p] as const))), industries: fc.subarray([...INDUSTRIES]), dated: fc.boolean() }),
    { numRuns: 200, seed: 8 },
  );
  for (const [i, f] of features.entries()) {
    const { cells, industries, dated } = random[i]!;
    // Some grants end in a week: they travel through the snapshot's expiry queue.
    const open = dated ? cells.slice(1) : cells;
    const id = await insertAudienceMember(db, { features: f, grants: open.map(([category, purpose]) => ({ category, purpose })) });
    customers.push(id);
    if (dated && cells[0]) await decide(id, cells[0][0], cells[0][1], true, new Date(Date.now() + 7 * 24 * HOUR));
    for (const industry of industries) await exclude(id, industry);
  }
}, 120_000);

afterAll(async () => {
  await tdb?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('audience index snapshot', () => {
  it('restores an index that counts exactly like a fresh build', async () => {
    await saveFresh();
    const { logger, lines } = recordingLogger();
    const restarted = snapshotEngine(db, logger);
    const restored = await restarted.ready();
    expect(restarted.stats?.source).toBe('snapshot');
    expect(lines.map((line) => line.message)).toEqual(['audience index loaded from its snapshot and caught up']);

    const fresh = createAudienceEngine({ db });
    await fresh.build();
    const built = await fresh.ready();
    expect(restored.size).toBe(built.size);
    for (const query of fc.sample(queryArb, { numRuns: 120, seed: 11 })) {
      expect({ query, count: restored.count(query) }).toEqual({ query, count: built.count(query) });
    }
    for (const query of fc.sample(queryArb, { numRuns: 20, seed: 12 })) {
      expect(restored.memberNumbers(query)).toEqual(await memberNumbersWithSql(db, query));
    }
  });

  it('counts changes committed after the snapshot once restarted', async () => {
    await saveFresh();
    const [withdrawn, changed, erased] = [customers[0]!, customers[1]!, customers[2]!];
    const region: AudienceQuery = { tree: { field: 'province', in: ['NL-GR'] }, categories: ['profile_region'], purpose: 'insights', industry: null };
    await db.updateTable('customer_features').set({ province: 'NL-GR', is_adult: true }).where('customer_id', 'in', [withdrawn, changed]).execute();
    await decide(changed, 'profile_region', 'insights', true);
    await decide(withdrawn, 'profile_region', 'insights', true);
    const before = await saveFresh();
    const { header: saved } = await readSnapshotFile(before);

    // After the snapshot: a withdrawal, a move, an erasure, a new member.
    await decide(withdrawn, 'profile_region', 'insights', false);
    await db.updateTable('customer_features').set({ province: 'NL-LI' }).where('customer_id', '=', changed).execute();
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
      await trx.deleteFrom('users').where('id', '=', erased).execute();
    });
    await insertAudienceMember(db, { features: { ...ADULT, province: 'NL-GR' }, grants: [{ category: 'profile_region', purpose: 'insights' }] });
    customers.splice(0, 3);

    const restarted = snapshotEngine();
    const index = await restarted.ready();
    expect(restarted.stats?.source).toBe('snapshot');
    // ready() itself caught up: the index is compared without another refresh.
    for (const query of [region, ...fc.sample(queryArb, { numRuns: 60, seed: 13 })]) {
      expect({ query, count: index.count(query) }).toEqual({ query, count: await countWithSql(db, query) });
    }
    expect(index.size).toBe(saved.members);
  });

  it('refuses a damaged snapshot, one of another database, a too old one and one the feed cannot reach; a good one loads', async () => {
    const file = await saveFresh();
    const good = await readFile(file);
    const startWith = async (bytes: Buffer | (() => Promise<void>), database = db) => {
      if (typeof bytes === 'function') await bytes();
      else await writeFile(file, bytes);
      const { logger, rejection } = recordingLogger();
      const engine = snapshotEngine(database, logger);
      await engine.ready();
      // Closing waits for the snapshot a full build writes, so it cannot overwrite the next case's file.
      await engine.close();
      return { source: engine.stats?.source, reason: rejection() };
    };

    expect(await startWith(good)).toEqual({ source: 'snapshot', reason: undefined });

    const flipped = Buffer.from(good);
    flipped[flipped.length - 5]! ^= 0x10;
    expect(await startWith(flipped)).toEqual({ source: 'postgres', reason: 'checksum' });
    expect(await startWith(good.subarray(0, good.length - 4))).toEqual({ source: 'postgres', reason: 'checksum' });
    const magic = Buffer.from(good);
    magic[0] = 0x41;
    expect(await startWith(magic)).toEqual({ source: 'postgres', reason: 'not-a-snapshot' });
    const version = Buffer.from(good);
    version.writeUInt32LE(99, 8);
    expect(await startWith(version)).toEqual({ source: 'postgres', reason: 'version' });

    const { header, parts } = await readSnapshotFile(file);
    const rewrite = (changes: Partial<{ xmin: string; takenAt: Date }>) => () => writeSnapshotFile(file, { point: { xmin: header.xmin, takenAt: header.takenAt, ...changes }, database: header.database, parts }).then(() => undefined);
    expect(await startWith(rewrite({ takenAt: new Date(header.takenAt.getTime() - 7 * HOUR) }))).toEqual({ source: 'postgres', reason: 'too-old' });
    expect(await startWith(rewrite({ xmin: (BigInt(header.xmin) + 1_000_000n).toString() }))).toEqual({ source: 'postgres', reason: 'feed' });

    // Another database of the same server: its snapshot file, under this database's name.
    const other = await createTestDatabase();
    try {
      const theirs = snapshotEngine(other.db);
      await theirs.build();
      const { file: theirFile } = (await theirs.saveSnapshot())!;
      expect(await startWith(() => copyFile(theirFile, file))).toEqual({ source: 'postgres', reason: 'other-database' });
    } finally {
      await other.drop();
    }

    await rm(file);
    const missing = recordingLogger();
    const engine = snapshotEngine(db, missing.logger);
    await engine.ready();
    expect({ source: engine.stats?.source, reason: missing.rejection(), level: missing.lines[0]?.level }).toEqual({ source: 'postgres', reason: 'missing', level: 'info' });
    // The full build wrote a new snapshot: the next start loads it.
    await engine.saveSnapshot();
    expect(await startWith(async () => undefined)).toEqual({ source: 'snapshot', reason: undefined });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('saves again after catch-ups that changed the index, at most every everyMs', async () => {
    const { logger, lines } = recordingLogger();
    const engine = createAudienceEngine({ db, snapshot: { dir, everyMs: 0 }, logger });
    const saves = () => lines.filter((line) => line.message === 'audience snapshot saved');
    // Nothing to save before there is an index; loading the snapshot saves nothing either.
    expect(await engine.saveSnapshot()).toBeUndefined();
    await engine.ready();
    expect(engine.stats?.source).toBe('snapshot');
    const id = await insertAudienceMember(db, { features: ADULT, grants: [{ category: 'travel', purpose: 'insights' }] });
    customers.push(id);
    const members = (await engine.refresh()).size;
    // The save runs in the background; the bound is generous so a busy machine only makes it slower.
    await vi.waitFor(() => expect(saves()).toHaveLength(1), { timeout: 30_000, interval: 20 });
    expect((await readSnapshotFile(saves()[0]!.details['file'] as string)).header.members).toBe(members);
    // Nothing changed since: no new snapshot (until an hour has passed), not even on close.
    await engine.refresh();
    await engine.close();
    expect(saves()).toHaveLength(1);
  });

  it('saves what changed since its last snapshot when closed', async () => {
    const engine = snapshotEngine();
    await engine.ready();
    await engine.saveSnapshot();
    const id = await insertAudienceMember(db, { features: ADULT, grants: [{ category: 'profile_age', purpose: 'offers' }] });
    customers.push(id);
    const members = (await engine.refresh()).size;
    const { file } = (await engine.saveSnapshot())!;
    expect((await readSnapshotFile(file)).header.members).toBe(members);
    await insertAudienceMember(db, { features: ADULT, grants: [] });
    await engine.refresh();
    await engine.close();
    expect((await readSnapshotFile(file)).header.members).toBe(members + 1);
  });

  it('closes without failing when the snapshot cannot be written, and says so', async () => {
    // The directory is a file: every write fails, as on a read-only or missing volume.
    const blocked = join(dir, 'not-a-directory');
    await writeFile(blocked, 'x');
    const { logger, lines } = recordingLogger();
    const engine = createAudienceEngine({ db, snapshot: { dir: blocked }, logger });
    await engine.build();
    await insertAudienceMember(db, { features: ADULT, grants: [] });
    await engine.refresh();
    await expect(engine.close()).resolves.toBeUndefined();
    expect(lines.some((line) => line.level === 'warn' && line.message.startsWith('audience snapshot not saved'))).toBe(true);
  });
});
