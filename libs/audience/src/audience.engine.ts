import type { Db } from '@dd/db';
import { featuresFromRow } from '@dd/segments';
import { AudienceIndex } from './audience.index';
import { hashBitset, popcount } from './bitset';
import { audienceRepository } from './audience.repository';
import type { AudienceQuery } from './member-state';

/** How long the change feed is kept; an engine that has not caught up for longer rebuilds instead. */
export const AUDIENCE_FEED_RETENTION_MS = 24 * 3_600_000;
/** Rebuild well before the feed it would read from could have been pruned. */
const REBUILD_AFTER_IDLE_MS = 6 * 3_600_000;

export interface AudienceEngineOptions {
  db: Db;
  /** Members read per query during a full build: bounds memory and keeps each query short. */
  buildChunk?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

export interface BuildStats {
  members: number;
  ms: number;
  byteSize: number;
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

  async function build(): Promise<BuildStats> {
    const started = performance.now();
    const next = new AudienceIndex();
    const at = now();
    const snapshot = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const snapshotXmin = await audienceRepository.snapshotXmin(trx);
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
      return snapshotXmin;
    });
    index = next;
    xmin = snapshot;
    lastCatchUp = Date.now();
    applied.clear();
    lastStats = { members: next.size, ms: performance.now() - started, byteSize: next.byteSize };
    return lastStats;
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
    const { changes, states, snapshotXmin } = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const snapshotXmin = await audienceRepository.snapshotXmin(trx);
      const changes = (await audienceRepository.changesSince(trx, xmin)).filter((c) => !applied.has(c.id));
      const members = [...new Set(changes.map((c) => c.member_no))];
      return { changes, states: await audienceRepository.memberStates(trx, members), snapshotXmin };
    });
    const at = now();
    for (const memberNo of new Set(changes.map((c) => c.member_no))) current.apply(memberNo, states.get(memberNo) ?? null, at);
    for (const change of changes) applied.set(change.id, BigInt(change.tx));
    xmin = snapshotXmin;
    const floor = BigInt(snapshotXmin);
    for (const [id, tx] of applied) if (tx < floor) applied.delete(id);
    lastCatchUp = Date.now();
  }

  async function ready(): Promise<AudienceIndex> {
    if (!index) {
      building ??= build().finally(() => {
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

  return {
    build,
    ready,
    refresh,
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
    stop(): void {
      if (poller) clearInterval(poller);
      poller = undefined;
    },
  };
}

export type AudienceEngine = ReturnType<typeof createAudienceEngine>;
