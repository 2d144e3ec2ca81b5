import { sql, type Kysely } from 'kysely';

// Frozen: an advertiser's saved segments. Only the canonical criteria tree is stored (the same
// question written two ways is stored one way) with its key, so a later purchase can refer to it.
// A name is unique within its organisation regardless of capitals ("Fietsers" and "fietsers" would
// only confuse the list).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_segments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 80`))
    .addColumn('tree', 'jsonb', (c) => c.notNull())
    .addColumn('canonical_key', 'text', (c) => c.notNull().check(sql`canonical_key ~ '^[0-9a-f]{64}$'`))
    // The advertiser user who created it; the segment belongs to the organisation and outlives them.
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index saved_segments_organisation_name_key on saved_segments (organisation_id, lower(name))`.execute(db);
  await db.schema.createIndex('saved_segments_organisation_updated_idx').on('saved_segments').columns(['organisation_id', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_segments').execute();
}
