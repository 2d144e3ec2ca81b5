import type { Database, Db, DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** Browsers that signed in to an account before (OWASP "device cookies"); only the token's hash is stored. */
export const knownDeviceRepository = {
  insert(db: Executor, row: { tokenHash: string; userId: string; expiresAt: Date }) {
    return db
      .insertInto('known_devices')
      .values({ token_hash: row.tokenHash, user_id: row.userId, expires_at: row.expiresAt })
      .execute();
  },

  /** The live device for a token hash, with its account's email (compared with the one being signed in to). */
  findActive(db: Executor, tokenHash: string, now: Date) {
    return db
      .selectFrom('known_devices')
      .innerJoin('users', 'users.id', 'known_devices.user_id')
      .select(['known_devices.token_hash', 'known_devices.user_id', 'users.email'])
      .where('known_devices.token_hash', '=', tokenHash)
      .where('known_devices.expires_at', '>', now)
      .executeTakeFirst();
  },

  touch(db: Executor, tokenHash: string, now: Date, expiresAt: Date) {
    return db.updateTable('known_devices').set({ last_used_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  },

  /** Removes one account's expired devices and all but its `keep` most recently used ones. */
  prune(db: Executor, userId: string, now: Date, keep: number) {
    return db
      .deleteFrom('known_devices')
      .where('user_id', '=', userId)
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', now),
          eb(
            'token_hash',
            'not in',
            eb.selectFrom('known_devices').select('token_hash').where('user_id', '=', userId).orderBy('last_used_at', 'desc').limit(keep),
          ),
        ]),
      )
      .execute();
  },
};
