import { sql, type Kysely } from 'kysely';

// Frozen: a payout the bank sends back (account closed, holder deceased, …) is `returned`. The money
// goes back to the member's earnings by a correcting ledger transaction (never by changing one), and
// the request keeps why: the ISO 20022 return reason code (AC04, MD07, …) and a note. A payout can be
// returned while in transit or after it was booked paid (the debit was on a statement before the
// return credit); `returned` is final, and a new request is a new row.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('payout_requests')
    .addColumn('returned_at', 'timestamptz')
    .addColumn('return_reason', 'text', (c) => c.check(sql`return_reason ~ '^[A-Z0-9]{4}$'`))
    .addColumn('return_note', 'text', (c) => c.check(sql`length(return_note) <= 500`))
    .execute();
  await sql`alter table payout_requests drop constraint payout_requests_status_check`.execute(db);
  await sql`alter table payout_requests add constraint payout_requests_status_check
    check (status in ('in_review', 'approved', 'rejected', 'in_transit', 'paid', 'returned'))`.execute(db);
  // A returned payout may have been paid first: paid_at stays as it was.
  await sql`alter table payout_requests drop constraint payout_requests_paid_at_check`.execute(db);
  await sql`alter table payout_requests add constraint payout_requests_paid_at_check
    check ((status <> 'paid' or paid_at is not null) and (status in ('paid', 'returned') or paid_at is null))`.execute(db);
  await sql`alter table payout_requests add constraint payout_requests_returned_check
    check ((status = 'returned') = (returned_at is not null) and (status <> 'returned' or return_reason is not null))`.execute(db);

  await sql`
    create or replace function payout_requests_guard() returns trigger language plpgsql as $$
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
        or (old.status = 'in_transit' and new.status in ('paid', 'returned'))
        or (old.status = 'paid' and new.status = 'returned')) then
        raise exception 'payout request % cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
      end if;
      if new.status = old.status and old.status in ('rejected', 'paid', 'returned') then
        raise exception 'payout request % is % and final', old.id, old.status;
      end if;
      if new.status = 'in_transit' and not exists (select 1 from payout_batch_items i where i.request_id = new.id) then
        raise exception 'payout request % goes in transit only as part of a batch', old.id using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function payout_requests_guard() returns trigger language plpgsql as $$
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
  // Only possible while no payout was ever returned (the old checks refuse those rows).
  await sql`alter table payout_requests drop constraint payout_requests_returned_check`.execute(db);
  await sql`alter table payout_requests drop constraint payout_requests_paid_at_check`.execute(db);
  await sql`alter table payout_requests add constraint payout_requests_paid_at_check check ((status = 'paid') = (paid_at is not null))`.execute(db);
  await sql`alter table payout_requests drop constraint payout_requests_status_check`.execute(db);
  await sql`alter table payout_requests add constraint payout_requests_status_check
    check (status in ('in_review', 'approved', 'rejected', 'in_transit', 'paid'))`.execute(db);
  await db.schema.alterTable('payout_requests').dropColumn('return_note').dropColumn('return_reason').dropColumn('returned_at').execute();
}
