import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const COLUMNS = ['id', 'name', 'tree', 'canonical_key', 'created_at', 'updated_at'] as const;

/** Every query names the organisation: one advertiser can never read or change another's segment. */
export const savedSegmentsRepository = {
  list(db: Executor, organisationId: string) {
    return db
      .selectFrom('saved_segments')
      .select(COLUMNS)
      .where('organisation_id', '=', organisationId)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .execute();
  },

  async count(db: Executor, organisationId: string): Promise<number> {
    const row = await db.selectFrom('saved_segments').select((eb) => eb.fn.countAll<string>().as('count')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
    return Number(row.count);
  },

  find(db: Executor, organisationId: string, id: string) {
    return db.selectFrom('saved_segments').select(COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  },

  insert(db: Executor, row: { organisationId: string; name: string; tree: unknown; canonicalKey: string; userId: string }) {
    return db
      .insertInto('saved_segments')
      .values({ organisation_id: row.organisationId, name: row.name, tree: JSON.stringify(row.tree), canonical_key: row.canonicalKey, created_by: row.userId })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  },

  update(db: Executor, organisationId: string, id: string, values: { name: string; tree?: unknown; canonicalKey?: string }) {
    return db
      .updateTable('saved_segments')
      .set({
        name: values.name,
        ...(values.tree === undefined ? {} : { tree: JSON.stringify(values.tree) }),
        ...(values.canonicalKey === undefined ? {} : { canonical_key: values.canonicalKey }),
        updated_at: sql<Date>`now()`,
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirst();
  },

  async delete(db: Executor, organisationId: string, id: string): Promise<boolean> {
    const result = await db.deleteFrom('saved_segments').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  },
};
