import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const paymentReferenceRepository = {
  async referenceOf(db: Executor, organisationId: string): Promise<string | undefined> {
    const row = await db.selectFrom('payment_references').select('reference').where('organisation_id', '=', organisationId).executeTakeFirst();
    return row?.reference;
  },

  /** Nothing happens when the organisation already has a reference or the reference is taken; the caller reads back. */
  async insert(db: Executor, organisationId: string, reference: string): Promise<void> {
    await db
      .insertInto('payment_references')
      .values({ organisation_id: organisationId, reference })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  ownersOf(db: Executor, references: readonly string[]) {
    return db
      .selectFrom('payment_references')
      .select(['reference', 'organisation_id'])
      .where(sql<boolean>`reference = any(${sql.val([...references])}::text[])`)
      .execute();
  },

  /** Advertiser organisations with their reference (if one was handed out), for the admin's assignment list. */
  organisations(db: Executor) {
    return db
      .selectFrom('organisations as o')
      .leftJoin('payment_references as r', 'r.organisation_id', 'o.id')
      .select(['o.id', 'o.name', 'o.kvk_number', 'o.status', 'r.reference'])
      .orderBy('o.name')
      .orderBy('o.id')
      .execute();
  },

  organisationExists(db: Executor, organisationId: string) {
    return db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
  },
};
