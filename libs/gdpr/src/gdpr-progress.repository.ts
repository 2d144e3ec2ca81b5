import type { Db } from '@dd/db';

/** Reads for the admin's "GDPR requests in progress": ids and times only, never a name or email. */
export const gdprProgressRepository = {
  openExports(db: Db, limit: number) {
    return db
      .selectFrom('data_exports as e')
      .select(['e.id', 'e.customer_id', 'e.status', 'e.requested_at'])
      .where((eb) =>
        eb.or([
          eb('e.status', 'in', ['requested', 'building']),
          // A failed export stays open until the customer asked again: then the newer one is the request.
          eb.and([
            eb('e.status', '=', 'failed'),
            eb.not(eb.exists(eb.selectFrom('data_exports as later').select('later.id').whereRef('later.customer_id', '=', 'e.customer_id').whereRef('later.requested_at', '>', 'e.requested_at'))),
          ]),
        ]),
      )
      .orderBy('e.requested_at')
      .limit(limit)
      .execute();
  },

  /** An erasure is done when the job deleted the user row; until then the row carries the request time. */
  pendingErasures(db: Db, limit: number) {
    return db
      .selectFrom('users')
      .select(['id', 'erasure_requested_at'])
      .where('erasure_requested_at', 'is not', null)
      .orderBy('erasure_requested_at')
      .limit(limit)
      .execute();
  },
};
