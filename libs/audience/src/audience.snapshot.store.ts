import { join } from 'node:path';
import type { Db } from '@dd/db';
import { AudienceIndex, type AudienceIndexParts } from './audience.index';
import { DEFAULT_SNAPSHOT_MAX_BYTES, readSnapshotFile, SnapshotRejected, writeSnapshotFile, type DatabaseIdentity, type SnapshotPoint } from './audience.snapshot';
import { snapshotRepository } from './audience.snapshot.repository';

export interface AudienceSnapshotSettings {
  /** Directory of the snapshot files, one per database (by name). */
  dir: string;
  /** After catch-ups that changed the index, a new snapshot at most this often; default 10 minutes. */
  everyMs?: number;
  /** Larger snapshots are neither written nor read; default 1 GiB. */
  maxBytes?: number;
}

/** How far back the change feed can be trusted to reach; see createAudienceEngine. */
export interface SnapshotLimits {
  /** Older snapshots are not loaded (the engine's own rebuild-after-idle window). */
  maxAgeMs: number;
  /** audience_changes rows are pruned once their changed_at is older than this. */
  feedRetentionMs: number;
}

/**
 * Transactions still open when a snapshot was taken wrote feed rows stamped with their own start
 * time, before the snapshot's; the prune spares them only if they started less than the retention
 * ago. An hour of margin covers such transactions and clock differences between the worker that
 * prunes and the database.
 */
const OPEN_TRANSACTION_MARGIN_MS = 3_600_000;

export interface LoadedSnapshot extends SnapshotPoint {
  index: AudienceIndex;
  file: string;
  bytes: number;
}

export interface SnapshotWriteStats {
  file: string;
  bytes: number;
  ms: number;
}

const sameDatabase = (a: DatabaseIdentity, b: DatabaseIdentity) => a.systemIdentifier === b.systemIdentifier && a.name === b.name && a.oid === b.oid;
const describe = (d: DatabaseIdentity) => `${d.name} (oid ${d.oid}, system ${d.systemIdentifier})`;

/** Saves and loads the snapshot of one database's audience index (file format: audience.snapshot.ts). */
export function createSnapshotStore(db: Db, settings: AudienceSnapshotSettings, limits: SnapshotLimits) {
  const maxBytes = settings.maxBytes ?? DEFAULT_SNAPSHOT_MAX_BYTES;
  let identity: Promise<DatabaseIdentity> | undefined;
  const databaseIdentity = () => {
    identity ??= snapshotRepository.databaseIdentity(db).catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return identity;
  };
  const fileOf = (database: DatabaseIdentity) => join(settings.dir, `audience-index.${database.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.snapshot`);

  return {
    /** Writes `parts` (taken at `point`) as this database's snapshot, replacing the previous one. */
    async save(parts: AudienceIndexParts, point: SnapshotPoint): Promise<SnapshotWriteStats> {
      const started = performance.now();
      const database = await databaseIdentity();
      const file = fileOf(database);
      const { bytes } = await writeSnapshotFile(file, { point, database, parts }, maxBytes);
      return { file, bytes, ms: performance.now() - started };
    },

    /**
     * This database's snapshot, if it may be caught up from the change feed; otherwise throws
     * SnapshotRejected saying why. Catching up re-reads every change from transactions at or above
     * the snapshot's xmin, so the feed must still hold all of them.
     */
    async load(): Promise<LoadedSnapshot> {
      const database = await databaseIdentity();
      const file = fileOf(database);
      const { header, parts, bytes } = await readSnapshotFile(file, maxBytes);
      if (!sameDatabase(header.database, database)) {
        throw new SnapshotRejected('other-database', `it was written for database ${describe(header.database)}, this is ${describe(database)}`);
      }
      const now = await snapshotRepository.horizon(db);
      const age = now.takenAt.getTime() - header.takenAt.getTime();
      if (age > limits.maxAgeMs) throw new SnapshotRejected('too-old', `it was taken ${Math.round(age / 60_000)} minutes ago, more than the ${limits.maxAgeMs / 60_000} allowed`);
      // The prune deletes by changed_at (time), not by transaction: what it leaves is every row
      // younger than the retention, which must reach back to the snapshot's open transactions.
      const pruneCutoff = now.takenAt.getTime() - limits.feedRetentionMs;
      if (header.takenAt.getTime() - OPEN_TRANSACTION_MARGIN_MS < pruneCutoff) {
        throw new SnapshotRejected('feed', `the change feed no longer reaches back to ${header.takenAt.toISOString()}`);
      }
      // Transaction horizons only move forward; one behind the snapshot's means the database went back (a restore).
      if (BigInt(header.xmin) > BigInt(now.xmin)) {
        throw new SnapshotRejected('feed', `it stands at transaction ${header.xmin}, ahead of the database (${now.xmin}): restored from an earlier backup?`);
      }
      return { index: AudienceIndex.fromParts(parts), xmin: header.xmin, takenAt: header.takenAt, file, bytes };
    },
  };
}

export type SnapshotStore = ReturnType<typeof createSnapshotStore>;
