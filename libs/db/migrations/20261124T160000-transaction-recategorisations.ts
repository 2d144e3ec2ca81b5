import { sql, type Kysely } from 'kysely';

// Frozen: re-categorisation runs (libs/data-import). When the categorisation rules change, every
// rule-decided transaction is categorised again by a worker job; a run records the reference-data
// fingerprint it brings the transactions to, how far it got (keyset over transaction id, so a crashed
// run resumes) and which customers' categories changed, until their features are queued for recompute.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transaction_recategorisations')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('after_transaction_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // Two workers starting at once must not open two runs for the same rules.
  await sql`
    create unique index transaction_recategorisations_open_idx
      on transaction_recategorisations (fingerprint) where finished_at is null
  `.execute(db);

  await db.schema
    .createTable('transaction_recategorisation_customers')
    .addColumn('run_id', 'bigint', (c) => c.notNull().references('transaction_recategorisations.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('queued_at', 'timestamptz')
    .addPrimaryKeyConstraint('transaction_recategorisation_customers_pkey', ['run_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('transaction_recategorisation_customers_customer_idx')
    .on('transaction_recategorisation_customers')
    .column('customer_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('transaction_recategorisation_customers').execute();
  await db.schema.dropTable('transaction_recategorisations').execute();
}
