import { sql, type Kysely } from 'kysely';

// Frozen: what a person needs to recognise their sessions, the idle timeout, and e-mail changes.
//
// `sessions.public_id` is the opaque id the sessions list hands out; the token's hash never leaves the
// server. `last_used_at` is refreshed at most every few minutes (not on every request) and decides the
// idle timeout; sessions that existed before start their idle clock now. `device_browser` and
// `device_os` are the browser and operating system families read from the User-Agent at sign-in;
// the client address is not stored. `end_reason` says why a session ended, so the sign-in page can
// tell a person that inactivity (or another device) signed them out.
//
// `account_tokens` gains the purpose `email_change`: its `email` is the new address the link was
// mailed to, and following the link proves that address.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('public_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('device_browser', 'text')
    .addColumn('device_os', 'text')
    .addColumn('end_reason', 'text', (c) => c.check(sql`end_reason in ('signed_out', 'ended', 'security', 'idle')`))
    .execute();
  await db.schema.createIndex('sessions_public_id_key').unique().on('sessions').column('public_id').execute();

  await sql`alter table account_tokens drop constraint account_tokens_purpose_check`.execute(db);
  await sql`alter table account_tokens add constraint account_tokens_purpose_check check (purpose in ('email_verification', 'password_reset', 'email_change'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('account_tokens').where('purpose', '=', 'email_change').execute();
  await sql`alter table account_tokens drop constraint account_tokens_purpose_check`.execute(db);
  await sql`alter table account_tokens add constraint account_tokens_purpose_check check (purpose in ('email_verification', 'password_reset'))`.execute(db);
  await db.schema.dropIndex('sessions_public_id_key').execute();
  await db.schema
    .alterTable('sessions')
    .dropColumn('public_id')
    .dropColumn('last_used_at')
    .dropColumn('device_browser')
    .dropColumn('device_os')
    .dropColumn('end_reason')
    .execute();
}
