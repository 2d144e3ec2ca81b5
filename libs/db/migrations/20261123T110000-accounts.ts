import { sql, type Kysely } from 'kysely';

// Frozen: written against Kysely<any> and never importing application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kvk_number', 'text', (c) => c.check(sql`kvk_number ~ '^[0-9]{8}$'`))
    .addColumn('vat_number', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('industry', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('unverified').check(sql`status in ('unverified', 'verified', 'rejected')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('customer', 'advertiser', 'admin')`))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('restrict'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('nl').check(sql`locale in ('nl', 'en')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // An advertiser always acts for an organisation; nobody else belongs to one.
    .addCheckConstraint('users_organisation_iff_advertiser', sql`(role = 'advertiser') = (organisation_id is not null)`)
    .execute();
  await db.schema.createIndex('users_email_key').on('users').column('email').unique().execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sign_in_failures_user_at_idx').on('sign_in_failures').columns(['user_id', 'failed_at']).execute();

  await db.schema
    .createTable('customer_profiles')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('birth_year', 'integer', (c) => c.check(sql`birth_year between 1900 and 2100`))
    .addColumn('province', 'text')
    .addColumn('municipality', 'text')
    .addColumn('household_size', 'integer', (c) => c.check(sql`household_size between 1 and 20`))
    .addColumn('interests', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('transactions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('booked_on', 'date', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull().defaultTo('EUR'))
    .addColumn('counterparty_name', 'text', (c) => c.notNull())
    .addColumn('counterparty_iban', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('bank_code', 'text')
    .addColumn('category', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('transactions_customer_dedupe_key', ['customer_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('transactions_customer_booked_idx').on('transactions').columns(['customer_id', 'booked_on']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // No foreign key: the entry outlives an erased account, keeping only its pseudonymous id.
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  // The audit log is append-only, enforced by the database for every client.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'transactions', 'customer_profiles', 'sign_in_failures', 'sessions', 'users', 'organisations']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
