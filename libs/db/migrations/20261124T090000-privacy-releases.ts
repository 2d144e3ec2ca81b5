import { sql, type Kysely } from 'kysely';

// Frozen: the privacy accountant's ledger. Every value released about members (an audience
// estimate, the noisy audience a delivery is decided and billed on, a report's tables, a campaign's
// statistics) is one row, charged to the budget of the legal entity (KvK number) that received it,
// and stored so that the same key never yields a second value. It replaces the per-advertiser spend
// totals, the report-only member charges, the per-day estimate questions and the stored delivery
// member sets of the exact differencing check (docs/PRIVACY.md, "The accountant").

const KINDS = ['estimate', 'audience', 'report', 'campaign_schedule', 'campaign_stats'];
const list = (values: string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_releases')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // The legal entity whose budget pays: "kvk:<8 digits>", or "org:<id>" for an organisation without one.
    .addColumn('budget_owner', 'text', (c) => c.notNull().check(sql`budget_owner ~ '^(kvk:[0-9]{8}|org:[0-9a-f-]{36})$'`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('pool', 'text', (c) => c.notNull().check(sql`pool in ('estimates', 'purchases')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in (${list(KINDS)})`))
    .addColumn('release_key', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period ~ '^[0-9]{4}-[0-9]{2}$'`))
    .addColumn('epsilon_micro', 'bigint', (c) => c.notNull().check(sql`epsilon_micro > 0`))
    // A release paid for in advance by another (a campaign's scheduled statistics): it states its
    // epsilon, but the budget counted the one that paid.
    .addColumn('prepaid_by', 'bigint', (c) => c.references('privacy_releases.id'))
    .addColumn('value', 'jsonb', (c) => c.notNull())
    // What a member reads on their privacy page (the purchase's title); null for estimates.
    .addColumn('label', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('privacy_releases_key', ['budget_owner', 'kind', 'release_key'])
    .execute();
  await sql`create index privacy_releases_budget_idx on privacy_releases (budget_owner, period, pool) include (epsilon_micro) where prepaid_by is null`.execute(db);
  await db.schema.createIndex('privacy_releases_recent_idx').on('privacy_releases').columns(['budget_owner', 'kind', 'created_at']).execute();
  await db.schema.createIndex('privacy_releases_kind_key_idx').on('privacy_releases').columns(['kind', 'release_key']).execute();
  // A ledger: what was released stays released, with what it cost.
  await sql`
    create function privacy_releases_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'privacy_releases is append-only';
    end $$`.execute(db);
  await sql`create trigger privacy_releases_no_change before update or delete on privacy_releases
    for each row execute function privacy_releases_append_only()`.execute(db);

  // Which members a release was charged to (reports and campaigns; estimates charge no member).
  await db.schema
    .createTable('member_release_charges')
    .addColumn('release_id', 'bigint', (c) => c.notNull().references('privacy_releases.id'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('epsilon_micro', 'bigint', (c) => c.notNull().check(sql`epsilon_micro > 0`))
    .addPrimaryKeyConstraint('member_release_charges_pkey', ['release_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('member_release_charges_customer_idx').on('member_release_charges').column('customer_id').execute();

  // What was charged before: every charged report becomes a release of its organisation, with its members.
  await sql`
    insert into privacy_releases (budget_owner, organisation_id, pool, kind, release_key, period, epsilon_micro, value, label, created_at)
    select case when o.kvk_number is not null then 'kvk:' || o.kvk_number else 'org:' || o.id::text end,
           r.organisation_id, 'purchases', 'report', r.job_key, r.period, r.epsilon_micro,
           jsonb_build_object('reportId', r.id), r.title, r.created_at
    from privacy_reports r join organisations o on o.id = r.organisation_id
    where r.status = 'charged'`.execute(db);
  await sql`
    insert into member_release_charges (release_id, customer_id, epsilon_micro)
    select p.id, c.customer_id, c.epsilon_micro
    from member_privacy_charges c join privacy_reports r on r.id = c.report_id
    join privacy_releases p on p.kind = 'report' and p.release_key = r.job_key`.execute(db);

  await db.schema.dropTable('member_privacy_charges').execute();
  await db.schema.dropTable('advertiser_privacy_spend').execute();
  await db.schema.dropTable('estimate_questions').execute();
  // The exact differencing check is gone: an exact comparison of member sets was itself an answer about a person.
  await db.schema.dropTable('audience_deliveries').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audience_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_key', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull().check(sql`member_count > 0`))
    .addColumn('members_hash', 'text', (c) => c.notNull())
    .addColumn('sketch', 'bytea', (c) => c.notNull())
    .addColumn('members', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audience_deliveries_size_idx').on('audience_deliveries').column('member_count').execute();
  await db.schema
    .createTable('estimate_questions')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('question_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('estimate_questions_pkey', ['organisation_id', 'day', 'question_hash'])
    .execute();
  await db.schema
    .createTable('advertiser_privacy_spend')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('spent_micro', 'bigint', (c) => c.notNull().check(sql`spent_micro >= 0`))
    .addPrimaryKeyConstraint('advertiser_privacy_spend_pkey', ['organisation_id', 'period'])
    .execute();
  await db.schema
    .createTable('member_privacy_charges')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('privacy_reports.id'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('epsilon_micro', 'bigint', (c) => c.notNull().check(sql`epsilon_micro > 0`))
    .addPrimaryKeyConstraint('member_privacy_charges_pkey', ['report_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('member_privacy_charges_customer_idx').on('member_privacy_charges').column('customer_id').execute();
  await db.schema.dropTable('member_release_charges').execute();
  await db.schema.dropTable('privacy_releases').execute();
  await sql`drop function privacy_releases_append_only()`.execute(db);
}
