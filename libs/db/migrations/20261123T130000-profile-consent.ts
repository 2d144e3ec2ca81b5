import { sql, type Kysely } from 'kysely';

// Frozen: profile facts (age band, region, household, interests) become consent categories of
// their own kind, so `consent_decisions` can reference them like the spending categories.
const KINDS_BEFORE = ['sellable', 'special', 'protected_life_event', 'internal'];
const KINDS_AFTER = [...KINDS_BEFORE, 'profile'];

/** The column check was created unnamed; PostgreSQL named it, so look it up rather than guess. */
async function dropKindCheck(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ conname: string }>`
    select conname from pg_constraint
    where conrelid = 'categories'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%'`.execute(db);
  for (const { conname } of rows) await sql`alter table categories drop constraint ${sql.id(conname)}`.execute(db);
}

async function addKindCheck(db: Kysely<any>, kinds: string[]): Promise<void> {
  const list = sql.join(kinds.map((kind) => sql.lit(kind)));
  await sql`alter table categories add constraint categories_kind_check check (kind in (${list}))`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await dropKindCheck(db);
  await addKindCheck(db, KINDS_AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Fails while any consent decision names a profile category: that history is append-only.
  await db.deleteFrom('categories').where('kind', '=', 'profile').execute();
  await dropKindCheck(db);
  await addKindCheck(db, KINDS_BEFORE);
}
