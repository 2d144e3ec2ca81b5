import { sql, type Kysely } from 'kysely';

// Frozen: the marketplace. Organisations are verified by an admin before they buy; a purchase
// request states its product, segment and purpose, reserves its estimated cost from the prepaid
// balance (ledger account `advertiser_reserved`), is moderated, and is fulfilled by a worker job.
// An offer campaign lands in each member's inbox (offer_deliveries); the advertiser only ever sees
// noised, thresholded counts of it.

const LEDGER_KINDS = [
  'advertiser_balance',
  'member_earnings',
  // Money an advertiser set aside for purchase requests that are not fulfilled or released yet.
  'advertiser_reserved',
  'platform_fee',
  'platform_bank',
  'payouts_in_transit',
  'unclaimed_earnings',
  'sales_clearing',
  'vat_payable',
];
const OWNED_KINDS = ['advertiser_balance', 'member_earnings', 'advertiser_reserved'];
const list = (values: string[]) => sql.join(values.map((value) => sql.lit(value)));

const PURCHASE_STATUSES = ['pending_review', 'approved', 'rejected', 'cancelled', 'fulfilling', 'delivered', 'failed'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table ledger_accounts drop constraint ledger_accounts_kind_check`.execute(db);
  await sql`alter table ledger_accounts add constraint ledger_accounts_kind_check check (kind in (${list(LEDGER_KINDS)}))`.execute(db);
  await sql`alter table ledger_accounts drop constraint ledger_accounts_owner_check`.execute(db);
  await sql`alter table ledger_accounts add constraint ledger_accounts_owner_check check ((kind in (${list(OWNED_KINDS)})) = (owner_id is not null))`.execute(db);

  // A refused report keeps why as a stable code too (its sentence is for people), so the purchase
  // that asked for it can tell the advertiser in their own language.
  await db.schema
    .alterTable('privacy_reports')
    .addColumn('refusal_code', 'text', (c) => c.check(sql`refusal_code in ('below_minimum', 'differencing', 'advertiser_budget')`))
    .execute();

  // Registration details are checked by the API (KvK: 8 digits; VAT: NL + 9 digits + B + 2 digits);
  // the database keeps the shapes too, so no path around the API stores a malformed number.
  await db.schema
    .alterTable('organisations')
    .addColumn('contact_name', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rejection_reason', 'text')
    .execute();
  await sql`alter table organisations add constraint organisations_kvk_check check (kvk_number is null or kvk_number ~ '^[0-9]{8}$')`.execute(db);
  await sql`alter table organisations add constraint organisations_vat_check check (vat_number is null or vat_number ~ '^NL[0-9]{9}B[0-9]{2}$')`.execute(db);
  await sql`alter table organisations add constraint organisations_rejection_check check ((status = 'rejected') = (rejection_reason is not null))`.execute(db);

  await db.schema
    .createTable('purchase_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('product', 'text', (c) => c.notNull().check(sql`product in ('insight_report', 'offer_campaign')`))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('insights', 'offers')`))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 120`))
    // What the advertiser will do with it, in their own words: shown to the moderator.
    .addColumn('purpose_statement', 'text', (c) => c.notNull().check(sql`length(purpose_statement) between 20 and 1000`))
    .addColumn('segment', 'jsonb', (c) => c.notNull())
    .addColumn('canonical_key', 'text', (c) => c.notNull().check(sql`canonical_key ~ '^[0-9a-f]{64}$'`))
    .addColumn('saved_segment_id', 'uuid', (c) => c.references('saved_segments.id').onDelete('set null'))
    .addColumn('categories', sql`text[]`, (c) => c.notNull())
    .addColumn('breakdowns', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('offer_title', 'text')
    .addColumn('offer_body', 'text')
    .addColumn('offer_url', 'text')
    .addColumn('offer_code', 'text')
    .addColumn('offer_ends_on', 'date')
    // The noised estimate at request time, the most members billed, and what was reserved (incl. VAT).
    .addColumn('estimated_members', 'integer', (c) => c.notNull().check(sql`estimated_members >= 0`))
    .addColumn('max_members', 'integer', (c) => c.notNull().check(sql`max_members > 0`))
    .addColumn('price_per_member_cents', 'integer', (c) => c.notNull().check(sql`price_per_member_cents > 0`))
    .addColumn('reserved_cents', 'bigint', (c) => c.notNull().check(sql`reserved_cents > 0`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending_review').check(sql`status in (${list(PURCHASE_STATUSES)})`))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    // Why fulfilment refused or failed: a stable code (translated by the portal) and its parameters.
    .addColumn('failure_code', 'text')
    .addColumn('failure_params', 'jsonb')
    .addColumn('billed_members', 'integer')
    .addColumn('sale_id', 'uuid', (c) => c.references('sales.id'))
    .addColumn('report_id', 'uuid', (c) => c.references('privacy_reports.id'))
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('purchase_requests_product_purpose_check', sql`(product = 'insight_report') = (purpose = 'insights')`)
    .addCheckConstraint(
      'purchase_requests_offer_check',
      sql`(product = 'offer_campaign') = (offer_title is not null and offer_body is not null and offer_ends_on is not null)`,
    )
    .addCheckConstraint('purchase_requests_report_check', sql`product = 'offer_campaign' or cardinality(breakdowns) > 0`)
    .addCheckConstraint('purchase_requests_rejected_check', sql`status <> 'rejected' or decision_reason is not null`)
    .addCheckConstraint('purchase_requests_delivered_check', sql`(status = 'delivered') = (delivered_at is not null)`)
    .execute();
  await db.schema.createIndex('purchase_requests_status_created_idx').on('purchase_requests').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('purchase_requests_organisation_created_idx').on('purchase_requests').columns(['organisation_id', 'created_at']).execute();

  // One inbox entry per member and campaign; opening and clicking are only ever counted in aggregate.
  await db.schema
    .createTable('offer_deliveries')
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('purchase_requests.id'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opened_at', 'timestamptz')
    .addColumn('clicked_at', 'timestamptz')
    .addColumn('dismissed_at', 'timestamptz')
    .addPrimaryKeyConstraint('offer_deliveries_pkey', ['request_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('offer_deliveries_customer_idx').on('offer_deliveries').columns(['customer_id', 'delivered_at']).execute();

  // Admins search the audit log by subject (a request, an organisation) as well as by time.
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_type', 'subject_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('offer_deliveries').execute();
  await db.schema.alterTable('privacy_reports').dropColumn('refusal_code').execute();
  await db.schema.dropTable('purchase_requests').execute();
  await db.schema.dropIndex('audit_log_subject_idx').execute();
  await db.schema.alterTable('organisations').dropColumn('contact_name').dropColumn('decided_at').dropColumn('decided_by').dropColumn('rejection_reason').execute();
  await sql`alter table organisations drop constraint if exists organisations_kvk_check`.execute(db);
  await sql`alter table organisations drop constraint if exists organisations_vat_check`.execute(db);
}
