import type { Database, Db, DbTransaction, TwoFactorChallengeKind } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const twoFactorRepository = {
  findCredential(db: Executor, userId: string) {
    return db.selectFrom('two_factor_credentials').select(['secret_ciphertext', 'last_used_step']).where('user_id', '=', userId).executeTakeFirst();
  },

  /** False when the account has a credential already (a second set-up raced this one). */
  async insertCredential(db: Executor, row: { userId: string; secretCiphertext: string; lastUsedStep: number }): Promise<boolean> {
    const result = await db
      .insertInto('two_factor_credentials')
      .values({ user_id: row.userId, secret_ciphertext: row.secretCiphertext, last_used_step: row.lastUsedStep })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return result !== undefined;
  },

  /** Records an accepted time step; true for exactly one caller per step, however many race with the same code. */
  async advanceStep(db: Executor, userId: string, step: number): Promise<boolean> {
    const result = await db
      .updateTable('two_factor_credentials')
      .set({ last_used_step: step })
      .where('user_id', '=', userId)
      .where('last_used_step', '<', step)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  deleteCredential(db: Executor, userId: string) {
    return db.deleteFrom('two_factor_credentials').where('user_id', '=', userId).executeTakeFirst();
  },

  replaceRecoveryCodes(db: DbTransaction<Database>, userId: string, codeHashes: readonly string[]) {
    return db
      .deleteFrom('two_factor_recovery_codes')
      .where('user_id', '=', userId)
      .execute()
      .then(() => db.insertInto('two_factor_recovery_codes').values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute());
  },

  deleteRecoveryCodes(db: Executor, userId: string) {
    return db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  },

  /** Uses a recovery code up; true for exactly one caller. */
  async useRecoveryCode(db: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
    const result = await db
      .updateTable('two_factor_recovery_codes')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  async countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
    const row = await db
      .selectFrom('two_factor_recovery_codes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  insertChallenge(db: Executor, row: { tokenHash: string; userId: string; kind: TwoFactorChallengeKind; setUpSecretCiphertext: string | null; expiresAt: Date }) {
    return db
      .insertInto('two_factor_challenges')
      .values({ token_hash: row.tokenHash, user_id: row.userId, kind: row.kind, set_up_secret_ciphertext: row.setUpSecretCiphertext, expires_at: row.expiresAt })
      .execute();
  },

  /** A live, unused challenge and its account, while the account is still an admin that is not being erased. */
  findLiveChallenge(db: Executor, tokenHash: string, now: Date) {
    return db
      .selectFrom('two_factor_challenges')
      .innerJoin('users', 'users.id', 'two_factor_challenges.user_id')
      .select([
        'two_factor_challenges.user_id',
        'two_factor_challenges.kind',
        'two_factor_challenges.set_up_secret_ciphertext',
        'two_factor_challenges.set_up_confirmed_at',
        'users.email',
        'users.role',
      ])
      .where('two_factor_challenges.token_hash', '=', tokenHash)
      .where('two_factor_challenges.used_at', 'is', null)
      .where('two_factor_challenges.expires_at', '>', now)
      .where('users.erasure_requested_at', 'is', null)
      .executeTakeFirst();
  },

  async markSetUpConfirmed(db: Executor, tokenHash: string, now: Date): Promise<boolean> {
    const result = await db
      .updateTable('two_factor_challenges')
      .set({ set_up_confirmed_at: now })
      .where('token_hash', '=', tokenHash)
      .where('set_up_confirmed_at', 'is', null)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  /** Uses a challenge up; true for exactly one caller. */
  async consumeChallenge(db: Executor, tokenHash: string, now: Date): Promise<boolean> {
    const result = await db
      .updateTable('two_factor_challenges')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

};
