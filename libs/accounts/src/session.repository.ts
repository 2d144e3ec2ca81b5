import type { Db, DbTransaction, Database } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const sessionRepository = {
  insert(db: Executor, row: { tokenHash: string; userId: string; expiresAt: Date }) {
    return db
      .insertInto('sessions')
      .values({ token_hash: row.tokenHash, user_id: row.userId, expires_at: row.expiresAt })
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

  revoke(db: Executor, tokenHash: string, now: Date) {
    return db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .execute();
  },

  /** Ends every live session of a user except the one whose hash is given; returns the hashes ended. */
  async revokeAllOfUser(db: Executor, userId: string, now: Date, exceptTokenHash?: string): Promise<string[]> {
    let query = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
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
