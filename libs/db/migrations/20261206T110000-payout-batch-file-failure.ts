import { sql, type Kysely } from 'kysely';

// Frozen: a payout batch whose pain.001 file was not written in time, or whose file job failed for good, says
// so and why. The batch stays `generating` (its payouts and ledger moves are fixed and the file is a pure function
// of them), so writing the file again is always possible; a new attempt clears the failure, a written file too.
// `file_attempt_at` is when the current attempt at the file started (creation, or the admin's "generate again"):
// the time limit counts from there. Existing batches started theirs when they were created.
//
// The batch guard is replaced so that these three columns, and only while the batch is generating, may change;
// everything else it guarded stays as it was.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('payout_batches')
    .addColumn('file_attempt_at', 'timestamptz')
    .addColumn('file_failed_at', 'timestamptz')
    .addColumn('file_failure_reason', 'text', (c) => c.check(sql`file_failure_reason in ('fileTimedOut', 'fileJobFailed')`))
    .execute();
  await guard(db, ['status', 'file_ready_at', 'confirmed_at', 'confirmed_by', 'file_attempt_at', 'file_failed_at', 'file_failure_reason'], true);
  await sql`update payout_batches set file_attempt_at = created_at`.execute(db);
  await db.schema.alterTable('payout_batches').alterColumn('file_attempt_at', (c) => c.setNotNull()).execute();
  await db.schema.alterTable('payout_batches').alterColumn('file_attempt_at', (c) => c.setDefault(sql`now()`)).execute();
  await db.schema
    .alterTable('payout_batches')
    .addCheckConstraint('payout_batches_file_failure_check', sql`(file_failed_at is null) = (file_failure_reason is null) and (file_failed_at is null or status = 'generating')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('payout_batches').dropConstraint('payout_batches_file_failure_check').execute();
  await db.schema.alterTable('payout_batches').dropColumn('file_failure_reason').dropColumn('file_failed_at').dropColumn('file_attempt_at').execute();
  await guard(db, ['status', 'file_ready_at', 'confirmed_at', 'confirmed_by'], false);
}

/** The guard of 20261123T170000-payouts with `mutable` columns left out of "fixed"; `fileColumns` adds their rule. */
async function guard(db: Kysely<any>, mutable: readonly string[], fileColumns: boolean): Promise<void> {
  const minus = sql.raw(mutable.map((column) => ` - '${column}'`).join(''));
  const fileRule = fileColumns
    ? sql`
      if old.status <> 'generating' and (new.file_attempt_at, new.file_failed_at, new.file_failure_reason)
         is distinct from (old.file_attempt_at, old.file_failed_at, old.file_failure_reason) then
        raise exception 'payout batch % keeps its file attempts once its file is written', old.id;
      end if;`
    : sql``;
  await sql`
    create or replace function payout_batches_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'payout batch % is kept for the books and cannot be deleted', old.id;
      end if;
      if (to_jsonb(new)${minus}) <> (to_jsonb(old)${minus}) then
        raise exception 'payout batch % is fixed once created; only its status changes', old.id;
      end if;
      if new.status <> old.status and not ((old.status = 'generating' and new.status = 'ready') or (old.status = 'ready' and new.status = 'paid')) then
        raise exception 'payout batch % cannot go from % to %', old.id, old.status, new.status using errcode = 'check_violation';
      end if;
      if new.status = old.status and (new.file_ready_at, new.confirmed_at, new.confirmed_by) is distinct from (old.file_ready_at, old.confirmed_at, old.confirmed_by) then
        raise exception 'payout batch % keeps the moments of its status changes', old.id;
      end if;${fileRule}
      return new;
    end $$`.execute(db);
}
