import { sql, type Kysely } from 'kysely';

// Frozen: what the privacy engine needs. Member numbers for compact member sets, the current
// consent as a projection of the append-only history, a change feed that keeps in-memory audience
// indexes fresh, the privacy-budget ledger, deliveries for the differencing defence, and the
// per-day record of distinct estimate questions.
export async function up(db: Kysely<any>): Promise<void> {
  // A small, stable integer per person: bitmaps and stored member sets address people by it. It
  // means nothing outside this database and is never shown to an advertiser.
  await sql`alter table users add column member_no integer generated always as identity`.execute(db);
  await sql`alter table users add constraint users_member_no_key unique (member_no)`.execute(db);

  // Current consent per (customer, category, purpose): derived from consent_decisions by a trigger
  // and never written by code, so counting never has to find "the latest decision" row by row.
  await db.schema
    .createTable('consent_current')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('granted', 'boolean', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decision_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('consent_current_pkey', ['customer_id', 'category', 'purpose'])
    .execute();
  await db.schema.createIndex('consent_current_granted_idx').on('consent_current').columns(['category', 'purpose', 'customer_id']).where(sql.ref('granted'), '=', true).execute();
  await sql`
    create function consent_current_apply() returns trigger language plpgsql as $$
    begin
      insert into consent_current (customer_id, category, purpose, granted, expires_at, recorded_at, decision_id)
      select distinct on (customer_id, category, purpose) customer_id, category, purpose, granted, expires_at, recorded_at, id
      from new_rows
      order by customer_id, category, purpose, recorded_at desc, id desc
      on conflict (customer_id, category, purpose) do update
        set granted = excluded.granted, expires_at = excluded.expires_at, recorded_at = excluded.recorded_at, decision_id = excluded.decision_id
        -- The same order as "the latest decision" everywhere else: by time recorded, then by id.
        where (consent_current.recorded_at, consent_current.decision_id) < (excluded.recorded_at, excluded.decision_id);
      return null;
    end $$`.execute(db);
  await sql`create trigger consent_decisions_current after insert on consent_decisions
    referencing new table as new_rows for each statement execute function consent_current_apply()`.execute(db);
  await sql`insert into consent_current (customer_id, category, purpose, granted, expires_at, recorded_at, decision_id)
    select distinct on (customer_id, category, purpose) customer_id, category, purpose, granted, expires_at, recorded_at, id
    from consent_decisions order by customer_id, category, purpose, recorded_at desc, id desc`.execute(db);

  // Industries a customer excludes now (rows exist only while excluded), derived the same way.
  await db.schema
    .createTable('industry_exclusions_current')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('industry', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('industry_exclusions_current_pkey', ['customer_id', 'industry'])
    .execute();
  await sql`
    create function industry_exclusions_current_apply() returns trigger language plpgsql as $$
    begin
      with latest as (
        select distinct on (customer_id, industry) customer_id, industry, excluded
        from new_rows order by customer_id, industry, recorded_at desc, id desc
      ), removed as (
        delete from industry_exclusions_current c using latest l
        where c.customer_id = l.customer_id and c.industry = l.industry and not l.excluded
      )
      insert into industry_exclusions_current (customer_id, industry)
      select customer_id, industry from latest where excluded
      on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create trigger industry_exclusions_current after insert on industry_exclusions
    referencing new table as new_rows for each statement execute function industry_exclusions_current_apply()`.execute(db);
  await sql`insert into industry_exclusions_current (customer_id, industry)
    select customer_id, industry from (
      select distinct on (customer_id, industry) customer_id, industry, excluded
      from industry_exclusions order by customer_id, industry, recorded_at desc, id desc
    ) latest where excluded`.execute(db);

  // The change feed: one row per person whose countable state changed, written by triggers so that
  // no writer can forget it. `tx` lets a reader catch every change, including ones that commit out
  // of id order (see libs/audience, audience-changes.repository). Rows are pruned after a day.
  await db.schema
    .createTable('audience_changes')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('member_no', 'integer', (c) => c.notNull())
    .addColumn('tx', sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audience_changes_tx_idx').on('audience_changes').column('tx').execute();
  await db.schema.createIndex('audience_changes_changed_at_idx').on('audience_changes').column('changed_at').execute();
  await sql`
    create function audience_changed_by_customer() returns trigger language plpgsql as $$
    begin
      insert into audience_changes (member_no)
      select distinct u.member_no from changed_rows r join users u on u.id = r.customer_id;
      return null;
    end $$`.execute(db);
  await sql`
    create function audience_changed_by_user() returns trigger language plpgsql as $$
    begin
      insert into audience_changes (member_no) select distinct member_no from changed_rows where role = 'customer';
      return null;
    end $$`.execute(db);
  const feeds: [table: string, event: 'insert' | 'update' | 'delete', fn: string][] = [
    ['customer_features', 'insert', 'audience_changed_by_customer'],
    ['customer_features', 'update', 'audience_changed_by_customer'],
    ['customer_features', 'delete', 'audience_changed_by_customer'],
    ['consent_decisions', 'insert', 'audience_changed_by_customer'],
    ['industry_exclusions', 'insert', 'audience_changed_by_customer'],
    ['users', 'update', 'audience_changed_by_user'],
    ['users', 'delete', 'audience_changed_by_user'],
  ];
  for (const [table, event, fn] of feeds) {
    const transition = event === 'delete' ? 'old table' : 'new table';
    await sql`create trigger ${sql.raw(`${table}_audience_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
      referencing ${sql.raw(transition)} as changed_rows for each statement execute function ${sql.raw(fn)}()`.execute(db);
  }

  // Privacy budget ledger. Epsilon is stored in millionths (integer arithmetic, exact sums); the
  // settings only accept epsilons that are whole millionths. One report = one row, keyed to the job
  // that produced it, holding the published result so a retry re-sends it instead of new noise.
  await db.schema
    .createTable('privacy_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_key', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period ~ '^[0-9]{4}-[0-9]{2}$'`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('epsilon_micro', 'bigint', (c) => c.notNull().check(sql`epsilon_micro > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('charged', 'refused')`))
    .addColumn('refusal', 'text')
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('advertiser_privacy_spend')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('spent_micro', 'bigint', (c) => c.notNull().check(sql`spent_micro >= 0`))
    .addPrimaryKeyConstraint('advertiser_privacy_spend_pkey', ['organisation_id', 'period'])
    .execute();
  await db.schema
    .createTable('member_privacy_spend')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('spent_micro', 'bigint', (c) => c.notNull().check(sql`spent_micro >= 0`))
    .addPrimaryKeyConstraint('member_privacy_spend_pkey', ['customer_id', 'period'])
    .execute();
  await db.schema
    .createTable('member_privacy_charges')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('privacy_reports.id'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('epsilon_micro', 'bigint', (c) => c.notNull().check(sql`epsilon_micro > 0`))
    .addPrimaryKeyConstraint('member_privacy_charges_pkey', ['report_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('member_privacy_charges_customer_idx').on('member_privacy_charges').column('customer_id').execute();

  // Deliveries: the frozen member set of every delivery, as sorted member numbers (4 bytes each),
  // for the differencing defence. Candidates are found by size, so member_count is indexed.
  await db.schema
    .createTable('audience_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_key', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull().check(sql`member_count > 0`))
    .addColumn('members_hash', 'text', (c) => c.notNull())
    // Members per hash bucket: the L1 distance of two sketches is a lower bound of the sets'
    // symmetric difference, so most earlier deliveries are ruled out without reading their members.
    // (256 little-endian 4-byte counts: binary, because parsing thousands of text arrays is the slow part).
    .addColumn('sketch', 'bytea', (c) => c.notNull())
    .addColumn('members', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audience_deliveries_size_idx').on('audience_deliveries').column('member_count').execute();

  // Secrets the platform generates for itself on first start (the noise key), kept with the data
  // they protect so every process and every restart uses the same one.
  await db.schema
    .createTable('platform_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Distinct estimate questions per advertiser per day: asking the same question again is free.
  await db.schema
    .createTable('estimate_questions')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('question_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('estimate_questions_pkey', ['organisation_id', 'day', 'question_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'estimate_questions', 'platform_secrets', 'audience_deliveries', 'member_privacy_charges', 'member_privacy_spend',
    'advertiser_privacy_spend', 'privacy_reports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const trigger of [
    'customer_features_audience_insert', 'customer_features_audience_update', 'customer_features_audience_delete',
    'consent_decisions_audience_insert', 'industry_exclusions_audience_insert', 'users_audience_update', 'users_audience_delete',
  ]) {
    const table = trigger.replace(/_audience_(insert|update|delete)$/, '');
    await sql`drop trigger ${sql.raw(trigger)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger consent_decisions_current on consent_decisions`.execute(db);
  await sql`drop trigger industry_exclusions_current on industry_exclusions`.execute(db);
  for (const table of ['audience_changes', 'industry_exclusions_current', 'consent_current']) await db.schema.dropTable(table).execute();
  for (const fn of ['audience_changed_by_user', 'audience_changed_by_customer', 'industry_exclusions_current_apply', 'consent_current_apply']) {
    await sql`drop function ${sql.raw(fn)}()`.execute(db);
  }
  await sql`alter table users drop column member_no`.execute(db);
}
