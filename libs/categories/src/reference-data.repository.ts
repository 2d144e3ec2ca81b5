import type { Database, Db, DbTransaction, Insertable } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const referenceDataRepository = {
  upsertCategories(db: Executor, rows: { code: string; kind: Database['categories']['kind'] }[]) {
    return db
      .insertInto('categories')
      .values(rows)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind') })))
      .execute();
  },

  upsertIndustries(db: Executor, rows: { code: string; sensitive: boolean }[]) {
    return db
      .insertInto('industries')
      .values(rows)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ sensitive: eb.ref('excluded.sensitive') })))
      .execute();
  },

  replaceRules(db: Executor, rows: Insertable<Database['categorisation_rules']>[]) {
    return db.deleteFrom('categorisation_rules').execute().then(() => db.insertInto('categorisation_rules').values(rows).execute());
  },

  listRules(db: Executor) {
    return db
      .selectFrom('categorisation_rules')
      .select(['id', 'priority', 'field', 'direction', 'pattern', 'category', 'note'])
      .orderBy('priority', 'desc')
      .orderBy('id')
      .execute();
  },
};
