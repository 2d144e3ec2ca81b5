import { sql } from 'kysely';
import type { Database, Db, DbTransaction, Locale } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** PostgreSQL's text of a timestamptz in UTC with microseconds: a cursor built from a JS Date would lose rows in a tie. */
const CURSOR_TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

const INSERT_CHUNK = 5_000;

export interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  display_name: string;
}

/** Owns `notifications` and `notification_preferences`; reads the recipient's address and language from `users`. */
export const notificationRepository = {
  /** A user who can still be told something: not on the way out through erasure. */
  recipients(db: Executor, userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'email', 'locale', 'display_name'])
      .where(sql<boolean>`id = any(${sql.val([...userIds])}::uuid[])`)
      .where('erasure_requested_at', 'is', null)
      .execute();
  },

  async organisationAdvertisers(db: Executor, organisationId: string): Promise<string[]> {
    const rows = await db.selectFrom('users').select('id').where('organisation_id', '=', organisationId).where('role', '=', 'advertiser').execute();
    return rows.map((row) => row.id);
  },

  /** The ids of the rows written now; a key a user already has writes nothing. In chunks: a campaign reaches more members than one statement takes parameters. */
  async insert(db: Executor, rows: readonly { userId: string; kind: string; key: string; params: Record<string, unknown> }[]): Promise<{ id: string; user_id: string }[]> {
    const written: { id: string; user_id: string }[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      written.push(
        ...(await db
          .insertInto('notifications')
          .values(chunk.map((row) => ({ user_id: row.userId, kind: row.kind, notification_key: row.key, params: JSON.stringify(row.params) })))
          .onConflict((oc) => oc.columns(['user_id', 'notification_key']).doNothing())
          .returning(['id', 'user_id'])
          .execute()),
      );
    }
    return written;
  },

  /** The users' own choices for one kind (users without a row follow the default). */
  async mailChoices(db: Executor, userIds: readonly string[], kind: string): Promise<Map<string, boolean>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('notification_preferences')
      .select(['user_id', 'mail'])
      .where(sql<boolean>`user_id = any(${sql.val([...userIds])}::uuid[])`)
      .where('kind', '=', kind)
      .execute();
    return new Map(rows.map((row) => [row.user_id, row.mail]));
  },

  preferences(db: Executor, userId: string) {
    return db.selectFrom('notification_preferences').select(['kind', 'mail']).where('user_id', '=', userId).execute();
  },

  async setPreference(db: Executor, userId: string, kind: string, mail: boolean): Promise<void> {
    await db
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind, mail })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mail, updated_at: sql`now()` }))
      .execute();
  },

  /** Newest first, keyset on (created_at, id) after `before`; `limit + 1` rows so the caller knows whether there is more. */
  page(db: Executor, userId: string, before: readonly [string, string] | null, limit: number) {
    let query = db
      .selectFrom('notifications')
      .select(['id', 'kind', 'params', 'created_at', 'read_at', sql<string>`to_char(created_at at time zone 'UTC', ${CURSOR_TIMESTAMP_FORMAT})`.as('created_key')])
      .where('user_id', '=', userId);
    if (before) query = query.where(sql<boolean>`(created_at, id) < (${before[0]}::timestamptz, ${before[1]}::uuid)`);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  },

  async unreadCount(db: Executor, userId: string): Promise<number> {
    const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('count')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.count);
  },

  /** Marks one of the user's own notifications read (another user's id matches nothing); the number of rows changed. */
  async markRead(db: Executor, userId: string, id: string | null, at: Date): Promise<number> {
    let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
    if (id !== null) query = query.where('id', '=', id);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Everything stored for one user, oldest first: their part of a data export. */
  forExport(db: Executor, userId: string) {
    return Promise.all([
      db.selectFrom('notifications').select(['kind', 'params', 'created_at', 'read_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
      db.selectFrom('notification_preferences').select(['kind', 'mail', 'updated_at']).where('user_id', '=', userId).orderBy('kind').execute(),
    ]);
  },

  exists(db: Executor, userId: string, id: string) {
    return db.selectFrom('notifications').select('id').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  },
};
