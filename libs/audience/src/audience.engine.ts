import type { Db } from '@dd/db';
import { featuresFromRow } from '@dd/segments';
import { AudienceIndex } from './audience.index';
import { hashBitset, popcount } from './bitset';
import { audienceRepository } from './audience.repository';
import { SnapshotRejected } from './audience.snapshot';
import { snapshotRepository } from './audience.snapshot.repository';
import { createSnapshotStore, type AudienceSnapshotSettings, type SnapshotWriteStats } from './audience.snapshot.store';
import type { AudienceQuery } from './member-state';

/** How long the change feed is kept; an engine that has not caught up for longer rebuilds instead. */
export const AUDIENCE_FEED_RETENTION_MS = 24 * 3_600_000;
/** Rebuild well before the feed it would read from could have been pruned. */
const REBUILD_AFTER_IDLE_MS = 6 * 3_600_000;
/** A snapshot of an index that did not change is still rewritten this often, so it stays young enough to load. */
const RESAVE_UNCHANGED_MS = 3_600_000;

/** The part of a pino logger the engine uses. */
export interface AudienceLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface AudienceEngineOptions {
  db: Db;
  /** Members read per query during a full build: bounds memory and keeps each query short. */
  buildChunk?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
  /** Save the index to files and start from them instead of a full build; unset: always a full build. */
  snapshot?: AudienceSnapshotSettings;
  logger?: AudienceLogger;
}

export interface BuildStats {
  members: number;
  ms: number;
  byteSize: number;
  /** Where the index came from: a full build from PostgreSQL, or a snapshot file and the change feed since. */
  source: 'postgres' | 'snapshot';
}

/**
 * Keeps an AudienceIndex equal to PostgreSQL. A full build reads every countable member in one
 * REPEATABLE READ snapshot; after that, `refresh()` applies the change feed (audience_changes,
 * written by triggers) before every count, so a withdrawal or feature change counts at once.
 *
 * Why the feed is read by transaction id rather than by row id: ids are handed out when a row is
 * written, not when its transaction commits, so a reader that only remembers the highest id seen
 * would miss a slow transaction that commits later with a lower id. Instead the engine remembers
 * the snapshot's xmin (every transaction below it had finished) and next time re-reads every change
 * from transactions at or above it. Re-applying a member is idempotent; ids already applied are
 * skipped while their transaction can still be re-read.
 *
 * With `snapshot` set, the index is also saved to a file (after a full build, after catch-ups at
 * most every `everyMs`, and on `close()`), and `ready()` starts from that file plus the feed since
 * its xmin when the file is intact, of this database and young enough for the feed to reach back.
 */
export function createAudienceEngine(options: AudienceEngineOptions) {
  const { db } = options;
  const chunk = options.buildChunk ?? 250_000;
  const now = options.now ?? (() => Date.now());
  let index: AudienceIndex | undefined;
  let xmin = '0';
  const applied = new Map<number, bigint>();
  let building: Promise<BuildStats> | undefined;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let poller: NodeJS.Timeout | undefined;
  let lastStats: BuildStats | undefined;
  let takenAt = new Date(0);
  const snapshots = options.snapshot
    ? createSnapshotStore(db, options.snapshot, { maxAgeMs: REBUILD_AFTER_IDLE_MS, feedRetentionMs: AUDIENCE_FEED_RETENTION_MS })
    : undefined;
  const saveEveryMs = options.snapshot?.everyMs ?? 10 * 60_000;
  /** Bumped whenever the index changes, so a snapshot already saved (or being saved) of this state is not written again. */
  let version = 0;
  let savedVersion = -1;
  let savedAt = 0;
  let saving: { version: number; done: Promise<SnapshotWriteStats | undefined> } | undefined;

  async function build(): Promise<BuildStats> {
    const started = performance.now();
    const next = new AudienceIndex();
    const at = now();
    const snapshot = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const horizon = await snapshotRepository.horizon(trx);
      const max = await audienceRepository.maxMemberNo(trx);
      for (let from = 0; from <= max; from += chunk) {
        const to = from + chunk - 1;
        for (const row of await audienceRepository.featureRows(trx, from, to)) {
          next.apply(row.member_no, { memberNo: row.member_no, features: featuresFromRow(row), grants: [], excludedIndustries: [] }, at);
        }
        for (const cell of await audienceRepository.openGrantsByCell(trx, from, to)) next.grantAll(cell.category, cell.purpose, cell.members);
        for (const grant of await audienceRepository.datedGrants(trx, from, to)) {
          next.grantUntil(grant.category, grant.purpose, grant.member_no, grant.expires_at.getTime(), at);
        }
        for (const group of await audienceRepository.exclusionsByIndustry(trx, from, to)) next.excludeAll(group.industry, group.members);
      }
      return horizon;
    });
    index = next;
    xmin = snapshot.xmin;
    takenAt = snapshot.takenAt;
    lastCatchUp = Date.now();
    applied.clear();
    version++;
    lastStats = { members: next.size, ms: performance.now() - started, byteSize: next.byteSize, source: 'postgres' };
    if (snapshots) saveInBackground();
    return lastStats;
  }

  /** The snapshot if there is a usable one (then caught up), else a full build; one log line says which and why. */
  async function start(): Promise<BuildStats> {
    if (!snapshots) return build();
    const started = performance.now();
    let loaded: Awaited<ReturnType<typeof snapshots.load>>;
    try {
      loaded = await snapshots.load();
    } catch (error) {
      const reason = error instanceof SnapshotRejected ? error.reason : 'unreadable';
      const details = { reason, ...(error instanceof SnapshotRejected ? {} : { err: error }) };
      const message = `audience snapshot not used, full build: ${error instanceof Error ? error.message : String(error)}`;
      // No snapshot yet is the ordinary first start; anything else is worth a look.
      if (reason === 'missing') options.logger?.info(details, message);
      else options.logger?.warn(details, message);
      return build();
    }
    index = loaded.index;
    xmin = loaded.xmin;
    takenAt = loaded.takenAt;
    applied.clear();
    lastCatchUp = Date.now();
    savedVersion = ++version;
    savedAt = Date.now();
    const loadMs = performance.now() - started;
    await catchUp();
    lastStats = { members: index.size, ms: performance.now() - started, byteSize: index.byteSize, source: 'snapshot' };
    options.logger?.info({ file: loaded.file, bytes: loaded.bytes, takenAt: loaded.takenAt, loadMs: Math.round(loadMs), ms: Math.round(lastStats.ms), members: lastStats.members }, 'audience index loaded from its snapshot and caught up');
    return lastStats;
  }

  /**
   * Saves the index as it is now. The parts are copied before anything is awaited, so the file holds
   * exactly the state at `xmin`; a caller arriving while a save of the same state is under way shares it.
   */
  function saveSnapshot(): Promise<SnapshotWriteStats | undefined> {
    const current = index;
    if (!snapshots || !current) return Promise.resolve(undefined);
    if (saving?.version === version) return saving.done;
    const parts = current.snapshotParts();
    const point = { xmin, takenAt };
    const previous = saving?.done.catch(() => undefined);
    const entry = { version, done: Promise.resolve<SnapshotWriteStats | undefined>(undefined) };
    savedVersion = version;
    savedAt = Date.now();
    entry.done = (async () => {
      await previous;
      return snapshots.save(parts, point);
    })().finally(() => {
      if (saving === entry) saving = undefined;
    });
    saving = entry;
    return entry.done;
  }

  function saveInBackground(): void {
    saveSnapshot().then((saved) => {
      if (saved) options.logger?.info({ file: saved.file, bytes: saved.bytes, ms: Math.round(saved.ms) }, 'audience snapshot saved');
    }, (error: unknown) => {
      savedVersion = -1;
      options.logger?.warn({ err: error }, 'audience snapshot not saved; the next start may do a full build');
      options.onError?.(error);
    });
  }

  let lastCatchUp = 0;

  async function catchUp(): Promise<void> {
    const current = index;
    if (!current) return;
    if (lastCatchUp && Date.now() - lastCatchUp > REBUILD_AFTER_IDLE_MS) {
      await build();
      lastCatchUp = Date.now();
      return;
    }
    const { changes, states, horizon } = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const horizon = await snapshotRepository.horizon(trx);
      const changes = (await audienceRepository.changesSince(trx, xmin)).filter((c) => !applied.has(c.id));
      const members = [...new Set(changes.map((c) => c.member_no))];
      return { changes, states: await audienceRepository.memberStates(trx, members), horizon };
    });
    const at = now();
    for (const memberNo of new Set(changes.map((c) => c.member_no))) current.apply(memberNo, states.get(memberNo) ?? null, at);
    for (const change of changes) applied.set(change.id, BigInt(change.tx));
    xmin = horizon.xmin;
    takenAt = horizon.takenAt;
    const floor = BigInt(xmin);
    for (const [id, tx] of applied) if (tx < floor) applied.delete(id);
    lastCatchUp = Date.now();
    if (changes.length > 0) version++;
    if (snapshots && Date.now() - savedAt >= (version === savedVersion ? RESAVE_UNCHANGED_MS : saveEveryMs)) saveInBackground();
  }

  async function ready(): Promise<AudienceIndex> {
    if (!index) {
      building ??= start().finally(() => {
        building = undefined;
      });
      await building;
    }
    return index!;
  }

  function startCatchUp(): Promise<void> {
    inFlight = catchUp().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  /**
   * Applies every change committed before the call. A read already under way may have started
   * before the caller's change committed, so callers join the next read instead; all callers
   * arriving during one read share that next one.
   */
  async function refresh(): Promise<AudienceIndex> {
    const current = await ready();
    if (!inFlight) {
      await startCatchUp();
    } else {
      queued ??= inFlight
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return startCatchUp();
        });
      await queued;
    }
    return index ?? current;
  }

  function stop(): void {
    if (poller) clearInterval(poller);
    poller = undefined;
  }

  return {
    build,
    /** The index, loaded from its snapshot (when configured and usable) or built in full, once. */
    ready,
    refresh,
    /** Writes the snapshot now (resolves undefined without `snapshot` settings or an index). */
    saveSnapshot,
    /** Eligible members of the segment now, including every change committed before the call. */
    async count(query: AudienceQuery): Promise<number> {
      return (await refresh()).count(query, now());
    },
    /** The count and a digest of exactly who was counted (for keying noise to the member set). */
    async question(query: AudienceQuery): Promise<{ count: number; memberSetHash: string }> {
      const bits = (await refresh()).evaluate(query, now());
      return { count: popcount(bits), memberSetHash: hashBitset(bits) };
    },
    async memberNumbers(query: AudienceQuery): Promise<Uint32Array> {
      return (await refresh()).memberNumbers(query, now());
    },
    get stats(): BuildStats | undefined {
      return lastStats;
    },
    /** Long-running processes also catch up in the background, so large change batches stay off the request path. */
    startPolling(intervalMs = 500): void {
      poller ??= setInterval(() => {
        refresh().catch((error: unknown) => options.onError?.(error));
      }, intervalMs);
      poller.unref();
    },
    stop,
    /** Stops polling and, on a graceful shutdown, saves changes not yet in the snapshot (a fraction of a second at 1M members). */
    async close(): Promise<void> {
      stop();
      try {
        if (snapshots && index && version !== savedVersion) await saveSnapshot();
        else await saving?.done;
      } catch (error) {
        // A snapshot that cannot be written (a full disk, a read-only volume) must not fail the shutdown.
        options.logger?.warn({ err: error }, 'audience snapshot not saved at shutdown; the next start may do a full build');
      }
    },
  };
}

export type AudienceEngine = ReturnType<typeof createAudienceEngine>;
