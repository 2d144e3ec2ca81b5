import { sql, type Kysely } from 'kysely';

// Frozen: two-factor sign-in (TOTP, RFC 6238) for admin accounts.
//
// `two_factor_credentials` holds one confirmed authenticator per account: the shared secret
// encrypted with AES-256-GCM under TOTP_ENCRYPTION_KEY (never stored or returned in clear after
// set-up) and the last time step a code was accepted for, so a code cannot be used twice.
//
// `two_factor_recovery_codes` holds the ten single-use recovery codes, SHA-256 only: each code
// carries 60 random bits, so a salted slow hash would add nothing but time.
//
// `two_factor_challenges` is the pending second step after a correct password: only the SHA-256 of
// its token is stored, bound to one user, live for minutes and used once. A set-up challenge carries
// the new secret (encrypted) until the admin confirms it with a code.
//
// Admin sessions that started with a password alone end here: from now on an admin session exists
// only after the second step.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('two_factor_credentials')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('last_used_step', 'integer', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('two_factor_recovery_codes')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('two_factor_recovery_codes_pkey', ['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('two_factor_challenges')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('verify', 'set_up')`))
    .addColumn('set_up_secret_ciphertext', 'text')
    .addColumn('set_up_confirmed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addCheckConstraint('two_factor_challenges_set_up_secret', sql`(kind = 'set_up') = (set_up_secret_ciphertext is not null)`)
    .execute();
  await db.schema.createIndex('two_factor_challenges_user_idx').on('two_factor_challenges').column('user_id').execute();

  await sql`update sessions set revoked_at = now()
            where revoked_at is null and user_id in (select id from users where role = 'admin')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('two_factor_challenges').execute();
  await db.schema.dropTable('two_factor_recovery_codes').execute();
  await db.schema.dropTable('two_factor_credentials').execute();
}
