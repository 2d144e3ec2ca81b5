import type { Db } from '@dd/db';

export const estimateQuestionsRepository = {
  /** Records the question; true when it had not been asked today. */
  async recordIfNew(db: Db, organisationId: string, day: string, questionHash: string): Promise<boolean> {
    const inserted = await db
      .insertInto('estimate_questions')
      .values({ organisation_id: organisationId, day, question_hash: questionHash })
      .onConflict((oc) => oc.doNothing())
      .returning('question_hash')
      .executeTakeFirst();
    return inserted !== undefined;
  },

  async countForDay(db: Db, organisationId: string, day: string): Promise<number> {
    const { asked } = await db
      .selectFrom('estimate_questions')
      .select((eb) => eb.fn.countAll<string>().as('asked'))
      .where('organisation_id', '=', organisationId)
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    return Number(asked);
  },

  async forget(db: Db, organisationId: string, day: string, questionHash: string): Promise<void> {
    await db.deleteFrom('estimate_questions').where('organisation_id', '=', organisationId).where('day', '=', day).where('question_hash', '=', questionHash).execute();
  },
};
