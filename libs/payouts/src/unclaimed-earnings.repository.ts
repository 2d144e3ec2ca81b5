import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** The earnings accounts of erased members (their user row is gone; the account stays for the books). */
export const unclaimedRepository = {
  /** Erased members whose earnings balance is above what their open requests reserve: money arrived after the erasure. */
  async erasedWithFreeEarnings(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('ledger_accounts as a')
      .innerJoin('ledger_postings as p', 'p.account_id', 'a.id')
      .select('a.owner_id')
      .where('a.kind', '=', 'member_earnings')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users as u').select('u.id').whereRef('u.id', '=', 'a.owner_id'))))
      .groupBy('a.owner_id')
      .having(
        sql<boolean>`-sum(p.amount_cents) > coalesce((select sum(r.amount_cents) from payout_requests r
          where r.customer_id = a.owner_id and r.status in ('in_review', 'approved')), 0)`,
      )
      .orderBy('a.owner_id')
      .execute();
    return rows.map((r) => r.owner_id!);
  },

  /** The newest ledger transaction on an account: what a sweep's idempotency key is pinned to. */
  async lastTransactionId(db: Executor, accountId: number): Promise<number> {
    const row = await db
      .selectFrom('ledger_postings')
      .select(sql<number>`coalesce(max(transaction_id), 0)::bigint`.as('id'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return row.id;
  },
};
