import type { Database, Db, DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const RUN_COLUMNS = ['id', 'fingerprint', 'after_transaction_id', 'changed', 'finished_at'] as const;

/** The bookkeeping of re-categorisation runs: which rules they apply, how far they got, whom they changed. */
export const recategorisationRepository = {
  latest(db: Executor) {
    return db.selectFrom('transaction_recategorisations').select(RUN_COLUMNS).orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  find(db: Executor, runId: number) {
    return db.selectFrom('transaction_recategorisations').select(RUN_COLUMNS).where('id', '=', runId).executeTakeFirst();
  },

  /**
   * Closes the unfinished runs for other rules: their cursors say how far *their* rules got, which
   * means nothing once newer rules start from the first transaction again.
   */
  closeOpenExcept(db: Executor, fingerprint: string) {
    return db
      .updateTable('transaction_recategorisations')
      .set({ finished_at: new Date() })
      .where('finished_at', 'is', null)
      .where('fingerprint', '<>', fingerprint)
      .execute();
  },

  /** Opens a run for the fingerprint, or returns the one already open (the partial unique index decides). */
  async open(db: Executor, fingerprint: string): Promise<number> {
    const inserted = await db
      .insertInto('transaction_recategorisations')
      .values({ fingerprint })
      .onConflict((oc) => oc.column('fingerprint').where('finished_at', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return Number(inserted.id);
    const open = await db
      .selectFrom('transaction_recategorisations')
      .select('id')
      .where('fingerprint', '=', fingerprint)
      .where('finished_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(open.id);
  },

  /** Moves the cursor forward (never back: an overlapping run may be ahead) and counts the rows changed. */
  advance(db: Executor, runId: number, afterTransactionId: number, changed: number) {
    return db
      .updateTable('transaction_recategorisations')
      .set((eb) => ({
        after_transaction_id: eb.fn('greatest', [eb.ref('after_transaction_id'), eb.val(afterTransactionId)]),
        changed: eb('changed', '+', changed),
      }))
      .where('id', '=', runId)
      .execute();
  },

  finish(db: Executor, runId: number) {
    return db.updateTable('transaction_recategorisations').set({ finished_at: new Date() }).where('id', '=', runId).where('finished_at', 'is', null).execute();
  },

  addCustomers(db: Executor, runId: number, customerIds: readonly string[]) {
    if (customerIds.length === 0) return Promise.resolve();
    return db
      .insertInto('transaction_recategorisation_customers')
      .values(customerIds.map((customerId) => ({ run_id: runId, customer_id: customerId })))
      .onConflict((oc) => oc.columns(['run_id', 'customer_id']).doNothing())
      .execute()
      .then(() => undefined);
  },

  unqueuedCustomers(db: Executor, runId: number, limit: number) {
    return db
      .selectFrom('transaction_recategorisation_customers')
      .select('customer_id')
      .where('run_id', '=', runId)
      .where('queued_at', 'is', null)
      .orderBy('customer_id')
      .limit(limit)
      .execute();
  },

  markQueued(db: Executor, runId: number, customerIds: readonly string[]) {
    if (customerIds.length === 0) return Promise.resolve();
    return db
      .updateTable('transaction_recategorisation_customers')
      .set({ queued_at: new Date() })
      .where('run_id', '=', runId)
      .where('customer_id', 'in', customerIds)
      .execute()
      .then(() => undefined);
  },
};
