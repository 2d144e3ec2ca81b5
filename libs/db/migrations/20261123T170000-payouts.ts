import { sql, type Kysely } from 'kysely';

// Frozen: members cash out. A payout request reserves part of a member's earnings (the reservation is
// the request row itself; the ledger moves money only when a batch is created), an admin batches
// approved requests into one SEPA credit-transfer file, and the batch is confirmed as paid.
// The database, not only the code, sees to it that:
// - open requests never reserve more than the member's earnings balance, and that balance never goes
//   below what is reserved (checked at commit, whoever writes);
// - a customer has at most one open request (a double submit cannot reserve twice);
// - a request's amount, IBAN and name never change, and its status only moves forward;
// - a payout is in at most one batch, a batch's payouts are fixed when it is created, and its file,
//   once written, is never replaced.

const OPEN = `('in_review', 'approved')`;

export async function up(db: Kysely<any>): Promise<void> {
  // customer_id has no foreign key, like ledger accounts: a request of an erased member stays and is
  // paid (docs/ARCHITECTURE.md, Erasure), so the IBAN and name are kept until the books no longer need them.
  await db.schema
    .createTable('payout_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents > 0`))
    // Electronic format (no spaces, upper case); validated with its checksum by the service.
    .addColumn('iban', 'text', (c) => c.notNull().check(sql`iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`))
    .addColumn('account_holder', 'text', (c) => c.notNull().check(sql`length(account_holder) between 1 and 70`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('in_review', 'approved', 'rejected', 'in_transit', 'paid')`),
    )
    // Why the request waits for an admin: [{ "code": "sharedIban", "params": { … } }, …].
    .addColumn('review_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // The SEPA EndToEndId: travels with the money and comes back on the bank statement.
    .addColumn('end_to_end_id', 'text', (c) => c.notNull().unique().check(sql`end_to_end_id ~ '^[A-Za-z0-9]{1,35}$'`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid')
    .addColumn('decision_note', 'text', (c) => c.check(sql`length(decision_note) <= 500`))
    .addColumn('paid_at', 'timestamptz')
    .addCheckConstraint('payout_requests_rejection_note_check', sql`status <> 'rejected' or decision_note is not null`)
    .addCheckConstraint('payout_requests_paid_at_check', sql`(status = 'paid') = (paid_at is not null)`)
    .execute();
  // One open request per customer: a second click, a second tab or a retry finds the first.
  await sql`create unique index payout_requests_one_open on payout_requests (customer_id) where status in ${sql.raw(OPEN)}`.execute(db);
  await db.schema.createIndex('payout_requests_customer_idx').on('payout_requests').columns(['customer_id', 'requested_at']).execute();
  await db.schema.createIndex('payout_requests_iban_idx').on('payout_requests').column('iban').execute();
  await db.schema.createIndex('payout_requests_status_idx').on('payout_requests').columns(['status', 'requested_at']).execute();

  // A batch is one pain.001 file. The debtor account and execution date are copied onto it, so the
  // file written for it is the same whenever (and however often) it is generated.
  await db.schema
    .createTable('payout_batches')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('generating').check(sql`status in ('generating', 'ready', 'paid')`))
    .addColumn('msg_id', 'text', (c) => c.notNull().unique().check(sql`msg_id ~ '^[A-Za-z0-9]{1,35}$'`))
    .addColumn('pmt_inf_id', 'text', (c) => c.notNull().unique().check(sql`pmt_inf_id ~ '^[A-Za-z0-9]{1,35}$'`))
    .addColumn('payout_count', 'integer', (c) => c.notNull().check(sql`payout_count > 0`))
    .addColumn('total_cents', 'bigint', (c) => c.notNull().check(sql`total_cents > 0`))
    .addColumn('requested_execution_date', 'date', (c) => c.notNull())
    .addColumn('debtor_name', 'text', (c) => c.notNull())
    .addColumn('debtor_iban', 'text', (c) => c.notNull().check(sql`debtor_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`))
    .addColumn('debtor_bic', 'text', (c) => c.notNull().check(sql`debtor_bic ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'`))
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('file_ready_at', 'timestamptz')
    .addColumn('confirmed_at', 'timestamptz')
    // Null when the batch was found paid on a bank statement rather than confirmed by an admin.
    .addColumn('confirmed_by', 'uuid')
    .addColumn('created_xid', sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
    .addCheckConstraint('payout_batches_ready_check', sql`(status = 'generating') = (file_ready_at is null)`)
    .addCheckConstraint('payout_batches_paid_check', sql`(status = 'paid') = (confirmed_at is not null)`)
    .execute();
  await db.schema.createIndex('payout_batches_created_idx').on('payout_batches').column('created_at').execute();

  // The payouts of a batch, in file order. UNIQUE (request_id): no payout can be in two batches.
  await db.schema
    .createTable('payout_batch_items')
    .addColumn('batch_id', 'uuid', (c) => c.notNull().references('payout_batches.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
    .addColumn('request_id', 'uuid', (c) => c.notNull().unique().references('payout_requests.id'))
    .addPrimaryKeyConstraint('payout_batch_items_pkey', ['batch_id', 'position'])
    .execute();

  // The generated pain.001 file, written once; a second generation must produce the same bytes.
  await db.schema
    .createTable('payout_batch_files')
    .addColumn('batch_id', 'uuid', (c) => c.primaryKey().references('payout_batches.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`
    create function payout_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: payouts that left in a batch stay in it', tg_table_name;
    end $$`.execute(db);
  for (const table of ['payout_batch_items', 'payout_batch_files']) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function payout_append_only()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function payout_append_only()`.execute(db);
  }

  // A request keeps its amount, account and identity; its status only moves forward, and it goes
  // in transit only as part of a batch.
  await sql`
    create function payout_requests_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'payout request % is kept for the books and cannot be deleted', old.id;
      end if;
      if (new.id, new.customer_id, new.amount_cents, new.iban, new.account_holder, new.end_to_end_id, new.requested_at)
         is distinct from (old.id, old.customer_id, old.amount_cents, old.iban, old.account_holder, old.end_to_end_id, old.requested_at) then
        raise exception 'payout request % cannot change its amount, account or identity; reject it and request again', old.id;
      end if;
      if new.status <> old.status and not (
           (old.status = 'in_review' and new.status in ('approved', 'rejected'))
        or (old.status = 'approved' and new.status in ('in_review', 'rejected', 'in_transit'))
        or (old.status = 'in_transit' and new.status = 'paid')) then
        raise exception 'payout request % cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
      end if;
      if new.status = old.status and old.status in ('rejected', 'paid') then
        raise exception 'payout request % is % and final', old.id, old.status;
      end if;
      if new.status = 'in_transit' and not exists (select 1 from payout_batch_items i where i.request_id = new.id) then
        raise exception 'payout request % goes in transit only as part of a batch', old.id using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger payout_requests_guard before update or delete on payout_requests
    for each row execute function payout_requests_guard()`.execute(db);
  await sql`create trigger payout_requests_no_truncate before truncate on payout_requests
    for each statement execute function payout_append_only()`.execute(db);

  // A member's earnings balance (credits are negative postings) covers what their open requests reserve.
  await sql`
    create function payout_reservation_check(customer uuid) returns void language plpgsql as $$
    declare
      balance bigint;
      reserved bigint;
    begin
      select coalesce(-sum(p.amount_cents), 0) into balance
      from ledger_accounts a join ledger_postings p on p.account_id = a.id
      where a.kind = 'member_earnings' and a.owner_id = customer;
      select coalesce(sum(amount_cents), 0) into reserved from payout_requests where customer_id = customer and status in ${sql.raw(OPEN)};
      if balance < reserved then
        raise exception 'the earnings of customer % (% cents) do not cover the % cents their open payout requests reserve', customer, balance, reserved
          using errcode = 'check_violation';
      end if;
    end $$`.execute(db);
  await sql`
    create function payout_requests_reservation() returns trigger language plpgsql as $$
    begin
      if new.status in ${sql.raw(OPEN)} then
        perform payout_reservation_check(new.customer_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger payout_requests_reservation after insert or update on payout_requests
    deferrable initially deferred for each row execute function payout_requests_reservation()`.execute(db);
  // The other side: a ledger transaction that debits a member's earnings (a payout, a move to
  // unclaimed earnings) may not take them below zero or below what open requests reserve.
  await sql`
    create function member_earnings_cover_check() returns trigger language plpgsql as $$
    declare
      owner uuid;
    begin
      for owner in
        select a.owner_id from ledger_postings p join ledger_accounts a on a.id = p.account_id
        where p.transaction_id = new.id and p.amount_cents > 0 and a.kind = 'member_earnings'
      loop
        perform payout_reservation_check(owner);
      end loop;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger ledger_member_earnings_covered after insert on ledger_transactions
    deferrable initially deferred for each row execute function member_earnings_cover_check()`.execute(db);

  // A batch's payouts are written with it and never change afterwards; its count and total match them.
  await sql`
    create function payout_batch_items_check() returns trigger language plpgsql as $$
    declare
      late uuid;
    begin
      select i.batch_id into late from new_rows i join payout_batches b on b.id = i.batch_id where b.created_xid <> pg_current_xact_id() limit 1;
      if found then
        raise exception 'the payouts of batch % are fixed; payouts are added only when the batch is created', late using errcode = 'check_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger payout_batch_items_check after insert on payout_batch_items
    referencing new table as new_rows for each statement execute function payout_batch_items_check()`.execute(db);
  await sql`
    create function payout_batches_totals_check() returns trigger language plpgsql as $$
    declare
      n integer;
      total bigint;
    begin
      select count(*), coalesce(sum(r.amount_cents), 0) into n, total
      from payout_batch_items i join payout_requests r on r.id = i.request_id where i.batch_id = new.id;
      if n <> new.payout_count or total <> new.total_cents then
        raise exception 'batch % says % payouts of % cents but holds % of % cents', new.id, new.payout_count, new.total_cents, n, total
          using errcode = 'check_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger payout_batches_totals after insert on payout_batches
    deferrable initially deferred for each row execute function payout_batches_totals_check()`.execute(db);
  await sql`
    create function payout_batches_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'payout batch % is kept for the books and cannot be deleted', old.id;
      end if;
      if (to_jsonb(new) - 'status' - 'file_ready_at' - 'confirmed_at' - 'confirmed_by')
         <> (to_jsonb(old) - 'status' - 'file_ready_at' - 'confirmed_at' - 'confirmed_by') then
        raise exception 'payout batch % is fixed once created; only its status changes', old.id;
      end if;
      if new.status <> old.status and not ((old.status = 'generating' and new.status = 'ready') or (old.status = 'ready' and new.status = 'paid')) then
        raise exception 'payout batch % cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
      end if;
      if new.status = old.status and (new.file_ready_at, new.confirmed_at, new.confirmed_by) is distinct from (old.file_ready_at, old.confirmed_at, old.confirmed_by) then
        raise exception 'payout batch % keeps the moments of its status changes', old.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger payout_batches_guard before update or delete on payout_batches
    for each row execute function payout_batches_guard()`.execute(db);
  await sql`create trigger payout_batches_no_truncate before truncate on payout_batches
    for each statement execute function payout_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger ledger_member_earnings_covered on ledger_transactions`.execute(db);
  for (const table of ['payout_batch_files', 'payout_batch_items', 'payout_batches', 'payout_requests']) {
    await db.schema.dropTable(table).execute();
  }
  for (const fn of [
    'payout_batches_guard()',
    'payout_batches_totals_check()',
    'payout_batch_items_check()',
    'member_earnings_cover_check()',
    'payout_requests_reservation()',
    'payout_reservation_check(uuid)',
    'payout_requests_guard()',
    'payout_append_only()',
  ]) {
    await sql`drop function ${sql.raw(fn)}`.execute(db);
  }
}
