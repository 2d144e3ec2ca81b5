import { sql, type Kysely } from 'kysely';

// Frozen: the double-entry ledger (accounts, transactions, postings) and the sales it distributes.
// The database, not only the code, keeps the books right: every transaction balances (checked at
// commit), nothing is ever updated or deleted, a sale touches each account at most once (so no
// member is credited twice for one sale), and an advertiser's balance never goes below zero.
// Amounts are integer euro cents; a posting's amount is positive for a debit, negative for a credit.

const OWNED_KINDS = ['advertiser_balance', 'member_earnings'];
const PLATFORM_KINDS = ['platform_fee', 'platform_bank', 'payouts_in_transit', 'unclaimed_earnings', 'sales_clearing'];
const list = (values: string[]) => sql.join(values.map((value) => sql.lit(value)));

const APPEND_ONLY = ['ledger_accounts', 'ledger_transactions', 'ledger_postings', 'sale_members'];

export async function up(db: Kysely<any>): Promise<void> {
  // Owner is the organisation (advertiser_balance) or the customer (member_earnings). Deliberately no
  // foreign key: erasing a customer deletes the user row, while the books keep the account under the
  // same id, which then points at nobody (docs/ARCHITECTURE.md, Erasure).
  await db.schema
    .createTable('ledger_accounts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in (${list([...OWNED_KINDS, ...PLATFORM_KINDS])})`))
    .addColumn('owner_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('ledger_accounts_owner_check', sql`(kind in (${list(OWNED_KINDS)})) = (owner_id is not null)`)
    .execute();
  // One account per kind and owner; the platform's accounts (no owner) are singletons.
  await sql`alter table ledger_accounts add constraint ledger_accounts_kind_owner_key unique nulls not distinct (kind, owner_id)`.execute(db);
  await sql`insert into ledger_accounts (kind) values ${sql.join(PLATFORM_KINDS.map((kind) => sql`(${sql.lit(kind)})`))}`.execute(db);

  // A sale and its frozen member set. Share and batch size are copied onto the sale, so a
  // distribution resumed after a deploy that changed the settings still posts the same batches.
  await db.schema
    .createTable('sales')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents > 0`))
    .addColumn('member_share_bp', 'integer', (c) => c.notNull().check(sql`member_share_bp between 0 and 10000`))
    .addColumn('member_count', 'integer', (c) => c.notNull().check(sql`member_count > 0`))
    // SHA-256 of the sorted member ids: recording the same sale again is recognised without reading them.
    .addColumn('members_hash', 'text', (c) => c.notNull().check(sql`members_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('batch_size', 'integer', (c) => c.notNull().check(sql`batch_size > 0`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'distributed')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('distributed_at', 'timestamptz')
    .addColumn('created_xid', sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
    .addCheckConstraint('sales_distributed_at_check', sql`(status = 'distributed') = (distributed_at is not null)`)
    .execute();
  await db.schema.createIndex('sales_organisation_idx').on('sales').column('organisation_id').execute();
  // Member ids without a foreign key, for the same reason as ledger accounts.
  await db.schema
    .createTable('sale_members')
    .addColumn('sale_id', 'uuid', (c) => c.notNull().references('sales.id'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_members_pkey', ['sale_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('ledger_transactions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind ~ '^[a-z][a-z_]*(\\.[a-z][a-z_]*)*$'`))
    .addColumn('sale_id', 'uuid', (c) => c.references('sales.id'))
    // SHA-256 of the kind, sale and postings: the same key with other content is refused, not ignored.
    .addColumn('content_hash', 'text', (c) => c.notNull().check(sql`content_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('reference', 'text')
    .addColumn('metadata', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Postings may only be added in the database transaction that created the ledger transaction,
    // so the balance check at its commit sees all of them.
    .addColumn('created_xid', sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
    .execute();
  await db.schema.createIndex('ledger_transactions_sale_idx').on('ledger_transactions').column('sale_id').where(sql.ref('sale_id'), 'is not', null).execute();

  // One posting per account per transaction (the primary key); `sale_id` is set on every posting
  // of a sale's transactions except the clearing account's, so the partial unique index makes a
  // second debit of the advertiser, a second fee or a second credit of a member for one sale impossible.
  await db.schema
    .createTable('ledger_postings')
    .addColumn('transaction_id', 'bigint', (c) => c.notNull().references('ledger_transactions.id'))
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('ledger_accounts.id'))
    .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents <> 0`))
    .addColumn('sale_id', 'uuid')
    .addPrimaryKeyConstraint('ledger_postings_pkey', ['transaction_id', 'account_id'])
    .execute();
  await db.schema.createIndex('ledger_postings_account_idx').on('ledger_postings').column('account_id').execute();
  await db.schema
    .createIndex('ledger_postings_once_per_sale')
    .on('ledger_postings')
    .columns(['sale_id', 'account_id'])
    .unique()
    .where(sql.ref('sale_id'), 'is not', null)
    .execute();

  // Balances are derived, never stored: the sum of an account's postings, shown in the account's
  // normal direction (the bank is an asset; everything else is owed by or to the platform).
  await sql`
    create view ledger_balances as
    select a.id as account_id, a.kind, a.owner_id,
      coalesce(sum(p.amount_cents), 0)::bigint as net_cents,
      (case when a.kind = 'platform_bank' then 1 else -1 end * coalesce(sum(p.amount_cents), 0))::bigint as balance_cents
    from ledger_accounts a left join ledger_postings p on p.account_id = a.id
    group by a.id, a.kind, a.owner_id`.execute(db);

  // Append-only, for every client; erasure has no exception here (bookkeeping law).
  await sql`
    create function ledger_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: a correction is a new ledger transaction', tg_table_name;
    end $$`.execute(db);
  for (const table of APPEND_ONLY) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function ledger_append_only()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function ledger_append_only()`.execute(db);
  }

  // Checked once per statement (cheap for a batch of thousands of postings).
  await sql`
    create function ledger_postings_check() returns trigger language plpgsql as $$
    declare
      bad record;
    begin
      select p.transaction_id, p.account_id, p.sale_id, t.sale_id as expected_sale_id, t.created_xid = pg_current_xact_id() as same_xact
      into bad
      from new_rows p
      join ledger_transactions t on t.id = p.transaction_id
      join ledger_accounts a on a.id = p.account_id
      where t.created_xid <> pg_current_xact_id()
         or p.sale_id is distinct from (case when a.kind = 'sales_clearing' then null else t.sale_id end)
      limit 1;
      if not found then
        return null;
      end if;
      if not bad.same_xact then
        raise exception 'ledger transaction % was committed earlier; postings are only added while it is created, so post a new transaction instead', bad.transaction_id
          using errcode = 'check_violation';
      end if;
      raise exception 'posting to account % in ledger transaction % has sale id %, expected % (the sale of its transaction; none on the clearing account)',
        bad.account_id, bad.transaction_id, coalesce(bad.sale_id::text, 'none'), coalesce(bad.expected_sale_id::text, 'none')
        using errcode = 'check_violation';
    end $$`.execute(db);
  await sql`create trigger ledger_postings_check after insert on ledger_postings
    referencing new table as new_rows for each statement execute function ledger_postings_check()`.execute(db);

  // At commit: two or more postings that sum to zero, and no advertiser balance below zero.
  // The service also checks the balance under a row lock, which is what serialises two spends;
  // this is the backstop for any other writer.
  await sql`
    create function ledger_transaction_check() returns trigger language plpgsql as $$
    declare
      posting_count integer;
      total numeric;
      overdrawn record;
    begin
      select count(*), coalesce(sum(amount_cents), 0) into posting_count, total
      from ledger_postings where transaction_id = new.id;
      if posting_count < 2 then
        raise exception 'ledger transaction "%" has % posting(s); a transaction moves money between at least two accounts', new.idempotency_key, posting_count
          using errcode = 'check_violation';
      end if;
      if total <> 0 then
        raise exception 'ledger transaction "%" does not balance: its postings sum to % cents instead of 0', new.idempotency_key, total
          using errcode = 'check_violation';
      end if;
      select a.owner_id, -(select sum(q.amount_cents) from ledger_postings q where q.account_id = a.id) as balance
      into overdrawn
      from ledger_postings p join ledger_accounts a on a.id = p.account_id
      where p.transaction_id = new.id and p.amount_cents > 0 and a.kind = 'advertiser_balance'
        and (select sum(q.amount_cents) from ledger_postings q where q.account_id = a.id) > 0
      limit 1;
      if found then
        raise exception 'ledger transaction "%" would leave the balance of organisation % at % cents; an advertiser balance cannot go below zero', new.idempotency_key, overdrawn.owner_id, overdrawn.balance
          using errcode = 'check_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger ledger_transactions_balanced after insert on ledger_transactions
    deferrable initially deferred for each row execute function ledger_transaction_check()`.execute(db);

  // A sale is frozen once recorded: its member set is written with it, and only its status moves,
  // once, from pending to distributed.
  await sql`
    create function sale_members_check() returns trigger language plpgsql as $$
    declare
      late uuid;
    begin
      select m.sale_id into late from new_rows m join sales s on s.id = m.sale_id where s.created_xid <> pg_current_xact_id() limit 1;
      if found then
        raise exception 'the member set of sale % is frozen; members are recorded only together with the sale', late using errcode = 'check_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger sale_members_check after insert on sale_members
    referencing new table as new_rows for each statement execute function sale_members_check()`.execute(db);
  await sql`
    create function sales_member_count_check() returns trigger language plpgsql as $$
    declare
      recorded integer;
    begin
      select count(*) into recorded from sale_members where sale_id = new.id;
      if recorded <> new.member_count then
        raise exception 'sale % says % members but % were recorded with it', new.id, new.member_count, recorded using errcode = 'check_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger sales_member_count after insert on sales
    deferrable initially deferred for each row execute function sales_member_count_check()`.execute(db);
  await sql`
    create function sales_frozen() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'sales are kept for the books and cannot be deleted';
      end if;
      if (to_jsonb(new) - 'status' - 'distributed_at') <> (to_jsonb(old) - 'status' - 'distributed_at') then
        raise exception 'sale % is frozen once recorded; only its status changes', old.id;
      end if;
      if old.status = 'distributed' and (new.status, new.distributed_at) is distinct from (old.status, old.distributed_at) then
        raise exception 'sale % is already distributed', old.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger sales_frozen before update or delete on sales for each row execute function sales_frozen()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Only possible on an empty ledger's schema: dropping the tables drops their triggers.
  await sql`drop view ledger_balances`.execute(db);
  for (const table of ['ledger_postings', 'ledger_transactions', 'sale_members', 'sales', 'ledger_accounts']) {
    await db.schema.dropTable(table).execute();
  }
  for (const fn of ['sales_frozen', 'sales_member_count_check', 'sale_members_check', 'ledger_transaction_check', 'ledger_postings_check', 'ledger_append_only']) {
    await sql`drop function ${sql.raw(fn)}()`.execute(db);
  }
}
