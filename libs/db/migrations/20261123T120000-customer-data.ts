import { sql, type Kysely } from 'kysely';

// Frozen: customer data (statement uploads, categories, derived features), consent, GDPR requests.
export async function up(db: Kysely<any>): Promise<void> {
  // Reference data, filled by the reference-data sync from the category catalogue and rule set.
  await db.schema
    .createTable('categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sellable', 'special', 'protected_life_event', 'internal')`))
    .execute();
  await db.schema
    .createTable('industries')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('sensitive', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createTable('categorisation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('any').check(sql`direction in ('any', 'debit', 'credit')`))
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().references('categories.code'))
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('stored').check(sql`status in ('stored', 'parsing', 'imported', 'failed')`))
    .addColumn('format', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress between 0 and 100`))
    .addColumn('rows_total', 'integer')
    .addColumn('rows_imported', 'integer')
    .addColumn('rows_duplicate', 'integer')
    .addColumn('error', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('uploads_customer_idx').on('uploads').columns(['customer_id', 'created_at']).execute();
  // The file itself, kept apart so listing uploads never reads megabytes; removed once processed.
  await db.schema
    .createTable('upload_contents')
    .addColumn('upload_id', 'uuid', (c) => c.primaryKey().references('uploads.id').onDelete('cascade'))
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('transactions')
    .addColumn('upload_id', 'uuid', (c) => c.references('uploads.id').onDelete('set null'))
    .addColumn('category_source', 'text', (c) => c.notNull().defaultTo('rule').check(sql`category_source in ('rule', 'customer')`))
    .addColumn('rule_id', 'text')
    .addColumn('special', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('protected_life_event', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('customer_features')
    .addColumn('customer_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('is_adult', 'boolean', (c) => c.notNull())
    .addColumn('age_band', 'text')
    .addColumn('province', 'text')
    .addColumn('municipality', 'text')
    .addColumn('household_band', 'text')
    .addColumn('interests', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // { category: band } for sellable categories only; special categories never get here.
    .addColumn('spend_bands', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Consent: append-only decisions; the current state is the latest row per key at a moment.
  await db.schema
    .createTable('consent_decisions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().references('categories.code'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('insights', 'offers')`))
    .addColumn('granted', 'boolean', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('policy_version', 'text', (c) => c.notNull())
    .addColumn('policy_text_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('consent_decisions_key_idx')
    .on('consent_decisions')
    .columns(['customer_id', 'category', 'purpose', 'recorded_at'])
    .execute();
  await db.schema
    .createTable('industry_exclusions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull().references('industries.code'))
    .addColumn('excluded', 'boolean', (c) => c.notNull())
    .addColumn('policy_version', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('industry_exclusions_key_idx')
    .on('industry_exclusions')
    .columns(['customer_id', 'industry', 'recorded_at'])
    .execute();

  // Consent history is append-only. Erasure is the one exception, and it must say so explicitly
  // in its own transaction (set_config('dd.erasure', 'on', true)).
  await sql`
    create function consent_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('dd.erasure', true) = 'on' then
        return old;
      end if;
      raise exception '% is append-only', tg_table_name;
    end $$`.execute(db);
  for (const table of ['consent_decisions', 'industry_exclusions']) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function consent_append_only()`.execute(db);
  }

  // "Where my data went": one receipt per sale that included the customer (filled by the marketplace).
  await db.schema
    .createTable('data_use_receipts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('advertiser_name', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('categories', sql`text[]`, (c) => c.notNull())
    .addColumn('audience_size', 'integer', (c) => c.notNull())
    .addColumn('share_cents', 'bigint', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addUniqueConstraint('data_use_receipts_customer_reference', ['customer_id', 'reference'])
    .execute();

  await db.schema
    .createTable('data_exports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('requested').check(sql`status in ('requested', 'building', 'ready', 'failed')`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ready_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('byte_size', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createTable('data_export_files')
    .addColumn('export_id', 'uuid', (c) => c.primaryKey().references('data_exports.id').onDelete('cascade'))
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .execute();

  // Erasure: the account stops working at once; a job removes the rest.
  await db.schema.alterTable('users').addColumn('erasure_requested_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('erasure_requested_at').execute();
  for (const table of [
    'data_export_files', 'data_exports', 'data_use_receipts', 'industry_exclusions', 'consent_decisions',
    'customer_features', 'upload_contents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('transactions')
    .dropColumn('upload_id')
    .dropColumn('category_source')
    .dropColumn('rule_id')
    .dropColumn('special')
    .dropColumn('protected_life_event')
    .execute();
  for (const table of ['uploads', 'categorisation_rules', 'industries', 'categories']) await db.schema.dropTable(table).execute();
  await sql`drop function if exists consent_append_only()`.execute(db);
}
