import { sql, type Database, type Db, type DbTransaction } from '@dd/db';
import type { DatabaseIdentity, SnapshotPoint } from './audience.snapshot';

type Executor = Db | DbTransaction<Database>;

export const snapshotRepository = {
  /**
   * Where the reader stands in the change feed (transactions below `xmin` had all finished) and the
   * database's clock then: the feed is pruned by that clock, so a snapshot's age is measured by it too.
   */
  async horizon(trx: Executor): Promise<SnapshotPoint> {
    const { rows } = await sql<{ xmin: string; taken_at: Date }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, now() as taken_at`.execute(trx);
    return { xmin: rows[0]!.xmin, takenAt: rows[0]!.taken_at };
  },

  /** The cluster (its system identifier survives a restart, not an initdb), the database's name and its oid (new when it is recreated). */
  async databaseIdentity(db: Executor): Promise<DatabaseIdentity> {
    const { rows } = await sql<DatabaseIdentity>`
      select s.system_identifier::text as "systemIdentifier", d.datname as name, d.oid::text as oid
      from pg_control_system() s, pg_database d where d.datname = current_database()`.execute(db);
    return rows[0]!;
  },
};
