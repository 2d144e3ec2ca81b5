import { sql, type Kysely } from 'kysely';

// Frozen: what the platform tells its users in the portal, and how each wants to hear it.
//
// `notifications` holds one row per event per user. `notification_key` is unique per user, so a
// retried job or a repeated event never notifies twice. Rows go with the user at erasure.
//
// `notification_preferences` holds only the choices a user made; a kind without a row follows its
// default in the registry (libs/notifications), so a new kind needs no backfill. The in-portal
// notification is always written; the preference decides the mail.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notification_key', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addUniqueConstraint('notifications_user_key_unique', ['user_id', 'notification_key'])
    .execute();
  // The list (newest first, keyset on created_at and id) and the unread count of one user.
  await db.schema.createIndex('notifications_user_created_idx').on('notifications').columns(['user_id', 'created_at desc', 'id desc']).execute();
  await db.schema.createIndex('notifications_user_unread_idx').on('notifications').column('user_id').where(sql.ref('read_at'), 'is', null).execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mail', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['user_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notifications').execute();
}
