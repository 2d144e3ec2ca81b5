import type { Database, Db, DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** The columns of `users` that mail about an account needs, and its verification state. */
export const accountMailRepository = {
  findById(db: Executor, userId: string) {
    return db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'locale', 'role', 'email_verified_at', 'password_hash'])
      .where('id', '=', userId)
      .where('erasure_requested_at', 'is', null)
      .executeTakeFirst();
  },

  findByEmail(db: Executor, email: string) {
    return db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'locale', 'role', 'email_verified_at'])
      .where('email', '=', email)
      .where('erasure_requested_at', 'is', null)
      .executeTakeFirst();
  },

  /** Only for the address the user has now, so a link mailed to an older address proves nothing. */
  markVerified(db: Executor, userId: string, email: string, at: Date) {
    return db
      .updateTable('users')
      .set({ email_verified_at: at })
      .where('id', '=', userId)
      .where('email', '=', email)
      .where('email_verified_at', 'is', null)
      .execute();
  },

  /** Whether someone signed up for the organisation has proven their address (advertisers sign up one account each). */
  async organisationHasVerifiedAccount(db: Executor, organisationId: string): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('email_verified_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return !!row;
  },

  /** The new address, proven by the link that was mailed to it. */
  setVerifiedEmail(db: Executor, userId: string, email: string, at: Date) {
    return db.updateTable('users').set({ email, email_verified_at: at }).where('id', '=', userId).execute();
  },

  /** Whether an address belongs to an account, one being erased included (it keeps its address until it is gone). */
  async emailInUse(db: Executor, email: string): Promise<{ id: string; display_name: string; locale: 'nl' | 'en' } | undefined> {
    return db.selectFrom('users').select(['id', 'display_name', 'locale']).where('email', '=', email).executeTakeFirst();
  },

  setPasswordHash(db: Executor, userId: string, passwordHash: string) {
    return db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  },
};
