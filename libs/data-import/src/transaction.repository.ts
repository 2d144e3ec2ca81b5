import { copyInto, sql, type Database, type Db, type DbTransaction } from '@dd/db';
import { MAX_FIELD_CHARS, MAX_STORED_DESCRIPTION_CHARS, MAX_STORED_NAME_CHARS } from './limits';

type Executor = Db | DbTransaction<Database>;

/** The columns an import writes, in the order of its COPY rows (import-rows.ts writes them in this order). */
export const IMPORT_COLUMNS = [
  'customer_id', 'upload_id', 'booked_on', 'amount_cents', 'currency', 'counterparty_name', 'counterparty_iban', 'description',
  'bank_code', 'category', 'rule_id', 'special', 'protected_life_event', 'is_reversal', 'dedupe_key',
] as const;

/**
 * The texts are cut to the stored bounds in SQL: rows imported before the bounds existed can hold
 * megabytes, and one of them must not turn a page of 50 into a response of that size.
 */
const DTO_COLUMNS = [
  'id', 'booked_on', 'amount_cents', 'currency', 'category', 'category_source', 'special', 'protected_life_event', 'is_reversal',
  sql<string>`left(counterparty_name, ${sql.lit(MAX_STORED_NAME_CHARS)})`.as('counterparty_name'),
  sql<string>`left(description, ${sql.lit(MAX_STORED_DESCRIPTION_CHARS)})`.as('description'),
] as const;

/** A stored transaction's category as a rule decided it, to be decided again. */
export interface RecategorisationChange {
  id: number;
  /** The category and rule read before categorising again: the update applies only if they still hold. */
  was: { category: string | null; ruleId: string | null };
  category: string;
  ruleId: string | null;
  special: boolean;
  protectedLifeEvent: boolean;
}

export const transactionRepository = {
  /**
   * Serialises the imports of one customer until the transaction ends, so the keys an import reads as known stay
   * the only ones that can collide with its rows: a concurrent import of another file waits for this one's commit.
   */
  async lockCustomerImports(trx: DbTransaction<Database>, customerId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`dd.transaction-import:${customerId}`}))`.execute(trx);
  },

  /**
   * The customer's dedupe keys of rows booked in [from, to]. A key includes the booking date, so a row of a file
   * spanning those dates can only collide with one of these (indexed by customer and booking date).
   */
  async dedupeKeysBookedBetween(trx: DbTransaction<Database>, customerId: string, from: string, to: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('transactions')
      .select('dedupe_key')
      .where('customer_id', '=', customerId)
      .where('booked_on', '>=', from)
      .where('booked_on', '<=', to)
      .execute();
    return rows.map((row) => row.dedupe_key);
  },

  /** The earliest and latest booking date of the customer's rows, or undefined without any (two index probes). */
  async bookedSpan(trx: DbTransaction<Database>, customerId: string): Promise<{ from: string; to: string } | undefined> {
    const row = await trx
      .selectFrom('transactions')
      .select((eb) => [eb.fn.min('booked_on').as('from'), eb.fn.max('booked_on').as('to')])
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row?.from && row.to ? { from: row.from, to: row.to } : undefined;
  },

  /**
   * Streams new rows (made with copyRow, in IMPORT_COLUMNS order) straight into `transactions`, in file order so
   * the ids keep it; returns how many. The unique index on (customer, dedupe key) still refuses a known key.
   */
  copyNew(trx: DbTransaction<Database>, chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    return copyInto(trx, { table: 'transactions', columns: IMPORT_COLUMNS }, chunks);
  },

  /**
   * The next rule-decided transactions after `afterId`, in id order (keyset over the primary key).
   * Texts are read up to the parser's field bound: rows stored before the storage bounds existed can
   * hold megabytes, and no import since can have categorised on more than that.
   */
  ruleDecidedAfter(db: Executor, afterId: number, limit: number) {
    return db
      .selectFrom('transactions')
      .select([
        'id', 'customer_id', 'amount_cents', 'counterparty_iban', 'bank_code', 'category', 'rule_id', 'special', 'protected_life_event',
        sql<string>`left(counterparty_name, ${sql.lit(MAX_FIELD_CHARS)})`.as('counterparty_name'),
        sql<string>`left(description, ${sql.lit(MAX_FIELD_CHARS)})`.as('description'),
      ])
      .where('id', '>', afterId)
      .where('category_source', '=', 'rule')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /**
   * Writes new rule categories in one statement. A row applies only while it is still rule-decided
   * with the category and rule that were read, so a correction the customer made in between always
   * wins. Returns the ids of the rows it updated.
   */
  async applyRecategorisation(db: Executor, changes: readonly RecategorisationChange[]): Promise<number[]> {
    if (changes.length === 0) return [];
    const values = sql.join(
      changes.map(
        (c) =>
          sql`(${c.id}::bigint, ${c.category}::text, ${c.ruleId}::text, ${c.special}::boolean, ${c.protectedLifeEvent}::boolean, ${c.was.category}::text, ${c.was.ruleId}::text)`,
      ),
    );
    const result = await sql<{ id: number }>`
      update transactions t
         set category = v.category, rule_id = v.rule_id, special = v.special, protected_life_event = v.protected_life_event
        from (values ${values}) as v(id, category, rule_id, special, protected_life_event, was_category, was_rule_id)
       where t.id = v.id
         and t.category_source = 'rule'
         and t.category is not distinct from v.was_category
         and t.rule_id is not distinct from v.was_rule_id
      returning t.id
    `.execute(db);
    return result.rows.map((row) => Number(row.id));
  },

  /** Newest booking first; `after` is the (date, id) of the last row of the previous page. */
  page(db: Executor, customerId: string, filter: { after?: { bookedOn: string; id: number } | undefined; limit: number; category?: string | undefined; from?: string | undefined; to?: string | undefined }) {
    let query = db.selectFrom('transactions').select(DTO_COLUMNS).where('customer_id', '=', customerId);
    if (filter.category) query = query.where('category', '=', filter.category);
    if (filter.from) query = query.where('booked_on', '>=', filter.from);
    if (filter.to) query = query.where('booked_on', '<', filter.to);
    const after = filter.after;
    if (after) query = query.where((eb) => eb(eb.refTuple('booked_on', 'id'), '<', eb.tuple(after.bookedOn, after.id)));
    return query.orderBy('booked_on', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  },

  setCategoryByCustomer(db: Executor, customerId: string, transactionId: number, category: string, flags: { special: boolean; protectedLifeEvent: boolean }) {
    return db
      .updateTable('transactions')
      .set({ category, category_source: 'customer', rule_id: null, special: flags.special, protected_life_event: flags.protectedLifeEvent })
      .where('id', '=', transactionId)
      .where('customer_id', '=', customerId)
      .returning(DTO_COLUMNS)
      .executeTakeFirst();
  },

  /**
   * Money out per category and per month in [from, to): debits, net of their reversals. A reversed debit (a card
   * payment the bank took back) arrives as a credit marked `is_reversal`; it counts here with its positive amount,
   * so it subtracts from its category and month instead of being left out as income. A reversed credit (a debit
   * marked `is_reversal`, money that came in going back) is not spending and is left out.
   */
  async spending(db: Executor, customerId: string, from: string, to: string) {
    const base = db
      .selectFrom('transactions')
      .where('customer_id', '=', customerId)
      .where('booked_on', '>=', from)
      .where('booked_on', '<', to)
      .where((eb) =>
        eb.or([
          eb.and([eb('amount_cents', '<', 0), eb('is_reversal', '=', false)]),
          eb.and([eb('amount_cents', '>', 0), eb('is_reversal', '=', true)]),
        ]),
      );
    const [byCategory, byMonth, count] = await Promise.all([
      base
        .select(['category', (eb) => eb.fn.sum<string>(eb.neg('amount_cents')).as('total'), (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('category')
        .execute(),
      base
        .select([sql<string>`to_char(booked_on, 'YYYY-MM')`.as('month'), (eb) => eb.fn.sum<string>(eb.neg('amount_cents')).as('total')])
        .groupBy(sql`to_char(booked_on, 'YYYY-MM')`)
        .orderBy('month')
        .execute(),
      db
        .selectFrom('transactions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('customer_id', '=', customerId)
        .where('booked_on', '>=', from)
        .where('booked_on', '<', to)
        .executeTakeFirstOrThrow(),
    ]);
    return { byCategory, byMonth, count: Number(count.n) };
  },

  latestBookingDate(db: Executor, customerId: string) {
    return db.selectFrom('transactions').select((eb) => eb.fn.max('booked_on').as('latest')).where('customer_id', '=', customerId).executeTakeFirst();
  },
};

export type TransactionRow = Awaited<ReturnType<typeof transactionRepository.page>>[number];
