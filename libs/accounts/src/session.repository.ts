import type { Db, DbTransaction, Database, SessionEndReason } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const sessionRepository = {
  insert(db: Executor, row: { tokenHash: string; userId: string; expiresAt: Date; lastUsedAt: Date; browser: string | null; os: string | null }) {
    return db
      .insertInto('sessions')
      .values({
        token_hash: row.tokenHash,
        user_id: row.userId,
        expires_at: row.expiresAt,
        // One clock for both, so a new session was last used when it was created.
        created_at: row.lastUsedAt,
        last_used_at: row.lastUsedAt,
        device_browser: row.browser,
        device_os: row.os,
      })
      .execute();
  },

  /** The live session for a token hash, with the columns the API needs about its user. */
  findActive(db: Executor, tokenHash: string, now: Date) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'sessions.token_hash',
        'sessions.expires_at',
        'sessions.last_used_at',
        'users.id as user_id',
        'users.email',
        'users.display_name',
        'users.role',
        'users.locale',
        'organisations.id as organisation_id',
        'organisations.name as organisation_name',
        'organisations.status as organisation_status',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', now)
      .where('users.erasure_requested_at', 'is', null)
      .executeTakeFirst();
  },

  /** What the API checks about a signed-in advertiser's organisation on every estimate: its status and legal entity. */
  findOrganisationFacts(db: Executor, organisationId: string) {
    return db.selectFrom('organisations').select(['id', 'status', 'industry', 'kvk_number']).where('id', '=', organisationId).executeTakeFirst();
  },

  revoke(db: Executor, tokenHash: string, now: Date, reason: SessionEndReason) {
    return db
      .updateTable('sessions')
      .set({ revoked_at: now, end_reason: reason })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .execute();
  },

  /** Records a use, unless another request (of any API process) recorded one since `staleBefore`. */
  touch(db: Executor, tokenHash: string, now: Date, staleBefore: Date) {
    return db
      .updateTable('sessions')
      .set({ last_used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('last_used_at', '<', staleBefore)
      .where('revoked_at', 'is', null)
      .execute();
  },

  /** A user's sessions that are neither ended nor expired, newest use first (the idle timeout is the service's to apply). */
  listUnended(db: Executor, userId: string, now: Date) {
    return db
      .selectFrom('sessions')
      .select(['token_hash', 'public_id', 'created_at', 'last_used_at', 'device_browser', 'device_os'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('last_used_at', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
  },

  /** Ends one of a user's sessions by its public id; returns its token hash, or undefined when there is no such live session. */
  async revokeByPublicId(db: Executor, userId: string, publicId: string, now: Date): Promise<string | undefined> {
    const row = await db
      .updateTable('sessions')
      .set({ revoked_at: now, end_reason: 'ended' })
      .where('user_id', '=', userId)
      .where('public_id', '=', publicId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('token_hash')
      .executeTakeFirst();
    return row?.token_hash;
  },

  /** How a session ended, whatever its state, with its user's role (the idle timeout depends on it). */
  findEnding(db: Executor, tokenHash: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.revoked_at', 'sessions.end_reason', 'sessions.expires_at', 'sessions.last_used_at', 'users.role'])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  /** Ends every live session of a user except the one whose hash is given; returns the hashes ended. */
  async revokeAllOfUser(db: Executor, userId: string, now: Date, exceptTokenHash?: string, reason: SessionEndReason = 'security'): Promise<string[]> {
    let query = db.updateTable('sessions').set({ revoked_at: now, end_reason: reason }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
    const rows = await query.returning('token_hash').execute();
    return rows.map((row) => row.token_hash);
  },

  /** Removes sessions that can no longer be used; returns how many. */
  async deleteExpired(db: Executor, now: Date): Promise<number> {
    const result = await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('revoked_at', 'is not', null)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
