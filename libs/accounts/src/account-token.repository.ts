import type { AccountTokenPurpose, Database, Db, DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const accountTokenRepository = {
  insert(db: Executor, row: { tokenHash: string; userId: string; purpose: AccountTokenPurpose; email: string; expiresAt: Date }) {
    return db
      .insertInto('account_tokens')
      .values({ token_hash: row.tokenHash, user_id: row.userId, purpose: row.purpose, email: row.email, expires_at: row.expiresAt })
      .execute();
  },

  /** A live token and its account, if the account still has the address the token was mailed to. */
  findUsable(db: Executor, tokenHash: string, purpose: AccountTokenPurpose, now: Date) {
    return db
      .selectFrom('account_tokens')
      .innerJoin('users', (join) => join.onRef('users.id', '=', 'account_tokens.user_id').onRef('users.email', '=', 'account_tokens.email'))
      .select(['users.id', 'users.email', 'users.display_name', 'users.locale', 'users.role', 'users.email_verified_at'])
      .where('account_tokens.token_hash', '=', tokenHash)
      .where('account_tokens.purpose', '=', purpose)
      .where('account_tokens.used_at', 'is', null)
      .where('account_tokens.expires_at', '>', now)
      .where('users.erasure_requested_at', 'is', null)
      .executeTakeFirst();
  },

  /**
   * A live e-mail change token and its account. Unlike the other purposes the token's address is the
   * new one, not the account's, so the account is found by id.
   */
  findUsableChange(db: Executor, tokenHash: string, now: Date) {
    return db
      .selectFrom('account_tokens')
      .innerJoin('users', 'users.id', 'account_tokens.user_id')
      .select(['users.id', 'users.email', 'users.display_name', 'users.locale', 'users.role', 'account_tokens.email as new_email'])
      .where('account_tokens.token_hash', '=', tokenHash)
      .where('account_tokens.purpose', '=', 'email_change')
      .where('account_tokens.used_at', 'is', null)
      .where('account_tokens.expires_at', '>', now)
      .where('users.erasure_requested_at', 'is', null)
      .executeTakeFirst();
  },

  /** A user's newest open token of a purpose: the address it went to and until when it works. */
  findOpen(db: Executor, userId: string, purpose: AccountTokenPurpose, now: Date) {
    return db
      .selectFrom('account_tokens')
      .select(['email', 'expires_at'])
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** Uses a token up; true for exactly one caller, however many race for it. */
  async consume(db: Executor, tokenHash: string, purpose: AccountTokenPurpose, now: Date): Promise<boolean> {
    const result = await db
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  /** Voids a user's other open tokens of a purpose: only the newest link works. */
  voidOpen(db: Executor, userId: string, purpose: AccountTokenPurpose, now: Date) {
    return db
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
  },
};
