import { eligibleMembersSql, type AudienceQuery } from '@dd/audience';
import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const offerDeliveryRepository = {
  /** Who may receive the offer at `at` (consent incl. expiry, industry exclusion, adults), by member number. */
  async eligible(trx: DbTransaction<Database>, query: AudienceQuery, at: Date): Promise<{ customerId: string; memberNo: number }[]> {
    const { rows } = await sql<{ id: string; member_no: number }>`
      select u.id, u.member_no from users u join customer_features f on f.customer_id = u.id
      where ${eligibleMembersSql(query, at)}
      order by u.member_no`.execute(trx);
    return rows.map((row) => ({ customerId: row.id, memberNo: row.member_no }));
  },

  async delivered(db: Executor, requestId: string): Promise<string[]> {
    const rows = await db.selectFrom('offer_deliveries').select('customer_id').where('request_id', '=', requestId).orderBy('customer_id').execute();
    return rows.map((row) => row.customer_id);
  },

  /** One inbox entry per member; a second attempt adds nothing. */
  async insert(trx: DbTransaction<Database>, requestId: string, customerIds: readonly string[], at: Date): Promise<void> {
    if (customerIds.length === 0) return;
    await sql`insert into offer_deliveries (request_id, customer_id, delivered_at)
      select ${requestId}::uuid, id, ${at} from unnest(${sql.val([...customerIds])}::uuid[]) as t(id)
      on conflict do nothing`.execute(trx);
  },
};
