import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** Which timestamp an inbox action sets; opening is implied by a click. */
export type InboxAction = 'open' | 'click' | 'dismiss';

function inbox(db: Executor, customerId: string) {
  return db
    .selectFrom('offer_deliveries as d')
    .innerJoin('purchase_requests as r', 'r.id', 'd.request_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'd.request_id', 'd.delivered_at', 'd.opened_at', 'd.clicked_at', 'o.name as advertiser',
      'r.purpose_statement', 'r.offer_title', 'r.offer_body', 'r.offer_url', 'r.offer_code', 'r.offer_ends_on',
    ])
    .where('d.customer_id', '=', customerId)
    .where('d.dismissed_at', 'is', null)
    .where('r.status', '=', 'delivered');
}

export const offersInboxRepository = {
  /** The customer's offers of delivered campaigns that they have not dismissed, newest first. */
  list(db: Executor, customerId: string, limit: number) {
    return inbox(db, customerId)
      .orderBy('d.delivered_at', 'desc')
      .orderBy('d.request_id')
      .limit(limit)
      .execute();
  },

  one(db: Executor, customerId: string, requestId: string) {
    return inbox(db, customerId).where('d.request_id', '=', requestId).executeTakeFirst();
  },

  /**
   * Sets the action's timestamp(s) once: coalesce keeps the first moment, so repeating an action
   * changes nothing. Only the customer's own entry of a delivered campaign matches; nothing for anyone else.
   */
  async act(db: Executor, customerId: string, requestId: string, action: InboxAction, at: Date) {
    const set =
      action === 'dismiss'
        ? { dismissed_at: sql<Date>`coalesce(dismissed_at, ${at})` }
        : action === 'click'
          ? { opened_at: sql<Date>`coalesce(opened_at, ${at})`, clicked_at: sql<Date>`coalesce(clicked_at, ${at})` }
          : { opened_at: sql<Date>`coalesce(opened_at, ${at})` };
    return db
      .updateTable('offer_deliveries')
      .set(set)
      .where('customer_id', '=', customerId)
      .where('request_id', '=', requestId)
      // A dismissed offer is gone from the inbox: it can be dismissed again (a no-op), not opened.
      .$if(action !== 'dismiss', (qb) => qb.where('dismissed_at', 'is', null))
      .where((eb) => eb.exists(eb.selectFrom('purchase_requests as r').select('r.id').whereRef('r.id', '=', 'offer_deliveries.request_id').where('r.status', '=', 'delivered')))
      .returning(['request_id'])
      .executeTakeFirst();
  },
};

export type InboxRow = Awaited<ReturnType<typeof offersInboxRepository.list>>[number];
