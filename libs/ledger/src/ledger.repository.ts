import { copyInto, copyRow, sql, type Database, type Db, type DbTransaction, type LedgerAccountKind } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** Rows per COPY message: large enough that framing costs nothing, small enough to stream. */
const COPY_CHUNK_ROWS = 2_000;

function* postingRows(transactionId: number, postings: readonly NewPosting[]): Generator<string> {
  for (let start = 0; start < postings.length; start += COPY_CHUNK_ROWS) {
    let chunk = '';
    for (const p of postings.slice(start, start + COPY_CHUNK_ROWS)) chunk += copyRow([transactionId, p.accountId, p.amountCents, p.saleId]);
    yield chunk;
  }
}

export interface NewLedgerTransaction {
  idempotency_key: string;
  kind: string;
  sale_id: string | null;
  content_hash: string;
  reference: string | null;
  metadata: Record<string, unknown> | null;
  /** Absent: the database's now(). */
  created_at?: Date;
}

export interface NewPosting {
  accountId: number;
  amountCents: number;
  saleId: string | null;
}

export const ledgerRepository = {
  /**
   * Inserts the transaction unless its key exists. A concurrent insert of the same key waits for
   * the other transaction and then yields nothing, so the race needs no error handling.
   */
  async insertTransaction(trx: DbTransaction<Database>, row: NewLedgerTransaction): Promise<number | undefined> {
    const inserted = await trx
      .insertInto('ledger_transactions')
      // jsonb goes over the wire as JSON text (an object would be sent as-is by pg, arrays as PG arrays).
      .values({ ...row, metadata: row.metadata === null ? null : (JSON.stringify(row.metadata) as unknown as Record<string, unknown>) })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id;
  },

  transactionByKey(db: Executor, idempotencyKey: string) {
    return db
      .selectFrom('ledger_transactions')
      .select(['id', 'kind', 'sale_id', 'content_hash'])
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
  },

  transactionKeysOfSale(db: Executor, saleId: string) {
    return db.selectFrom('ledger_transactions').select('idempotency_key').where('sale_id', '=', saleId).execute();
  },

  accountsByIds(db: Executor, ids: readonly number[]) {
    return db
      .selectFrom('ledger_accounts')
      .select(['id', 'kind', 'owner_id'])
      .where(sql<boolean>`id = any(${sql.val([...ids])}::bigint[])`)
      .execute();
  },

  /** Row locks in id order (no deadlock between two writers locking the same accounts). */
  lockAccounts(trx: DbTransaction<Database>, ids: readonly number[]) {
    return trx
      .selectFrom('ledger_accounts')
      .select('id')
      .where(sql<boolean>`id = any(${sql.val([...ids])}::bigint[])`)
      .orderBy('id')
      .forUpdate()
      .execute();
  },

  /** Sum of the postings (debits positive) per account. */
  netOfAccounts(db: Executor, ids: readonly number[]) {
    return db
      .selectFrom('ledger_postings')
      .select(['account_id', sql<number>`sum(amount_cents)::bigint`.as('net_cents')])
      .where(sql<boolean>`account_id = any(${sql.val([...ids])}::bigint[])`)
      .groupBy('account_id')
      .execute();
  },

  /** One statement for any number of postings: the per-statement checks then run once. */
  async insertPostings(trx: DbTransaction<Database>, transactionId: number, postings: readonly NewPosting[]): Promise<void> {
    await sql`
      insert into ledger_postings (transaction_id, account_id, amount_cents, sale_id)
      select ${transactionId}::bigint, account_id, amount_cents, sale_id
      from unnest(${sql.val(postings.map((p) => p.accountId))}::bigint[], ${sql.val(postings.map((p) => p.amountCents))}::bigint[],
                  ${sql.val(postings.map((p) => p.saleId))}::uuid[]) as p(account_id, amount_cents, sale_id)`.execute(trx);
  },

  /**
   * insertPostings for thousands of rows: the same statement-level check, foreign keys, unique indexes and
   * balance check at commit apply to COPY as to an INSERT, without building a query of that size.
   */
  async copyPostings(trx: DbTransaction<Database>, transactionId: number, postings: readonly NewPosting[]): Promise<void> {
    await copyInto(trx, { table: 'ledger_postings', columns: ['transaction_id', 'account_id', 'amount_cents', 'sale_id'] }, postingRows(transactionId, postings));
  },

  /**
   * Creates the missing accounts of one kind and returns the ids of all of them in one statement
   * (owners sorted, so concurrent callers queue in the same order). An account another transaction
   * committed while this statement ran is neither inserted nor visible to it: the caller reads those
   * few again with `ownedAccounts`.
   */
  async upsertOwnedAccounts(db: Executor, kind: LedgerAccountKind, ownerIds: readonly string[]): Promise<Array<{ id: number; owner_id: string }>> {
    const owners = [...ownerIds].sort();
    const { rows } = await sql<{ id: number; owner_id: string }>`
      with inserted as (
        insert into ledger_accounts (kind, owner_id)
        select ${kind}, owner_id from unnest(${sql.val(owners)}::uuid[]) as o(owner_id) order by owner_id
        on conflict (kind, owner_id) do nothing
        returning id, owner_id)
      select id, owner_id from inserted
      union all
      select id, owner_id from ledger_accounts where kind = ${kind} and owner_id = any(${sql.val(owners)}::uuid[])`.execute(db);
    return rows;
  },

  ownedAccounts(db: Executor, kind: LedgerAccountKind, ownerIds: readonly string[]) {
    return db
      .selectFrom('ledger_accounts')
      .select(['id', 'owner_id'])
      .where('kind', '=', kind)
      .where(sql<boolean>`owner_id = any(${sql.val([...ownerIds])}::uuid[])`)
      .execute();
  },

  platformAccounts(db: Executor) {
    return db.selectFrom('ledger_accounts').select(['id', 'kind']).where('owner_id', 'is', null).execute();
  },

  balance(db: Executor, kind: LedgerAccountKind, ownerId: string | null) {
    const query = db.selectFrom('ledger_balances').select(['account_id', 'balance_cents']).where('kind', '=', kind);
    return (ownerId === null ? query.where('owner_id', 'is', null) : query.where('owner_id', '=', ownerId)).executeTakeFirst();
  },

  /** The net of the clearing account over a sale's transactions: zero once the sale is fully distributed. */
  async saleClearingNet(db: Executor, saleId: string, clearingAccountId: number): Promise<number> {
    const row = await db
      .selectFrom('ledger_postings as p')
      .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
      .select(sql<number>`coalesce(sum(p.amount_cents), 0)::bigint`.as('net_cents'))
      .where('t.sale_id', '=', saleId)
      .where('p.account_id', '=', clearingAccountId)
      .executeTakeFirstOrThrow();
    return row.net_cents;
  },
};
