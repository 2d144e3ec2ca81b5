import { sql, type Kysely } from 'kysely';

// Frozen: an upload's stored file is compressed with lz4 instead of PostgreSQL's default pglz.
//
// The file lives in `upload_contents` only from the upload until its import finishes (then it is
// deleted), and is written once and read once on the way. pglz spends more time compressing a
// 10 MB statement than storing it takes otherwise (measured 140–200 ms against ~95 ms with lz4 for
// the same 10.6 MB, a third of the import before parsing begins), for space held only minutes.
// A PostgreSQL built without lz4 keeps pglz: the column's behaviour is the same either way.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      alter table upload_contents alter column bytes set compression lz4;
    exception when feature_not_supported then
      raise notice 'lz4 is not available in this PostgreSQL; upload contents stay pglz-compressed';
    end
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table upload_contents alter column bytes set compression default`.execute(db);
}
