import { sql, type Kysely } from 'kysely';

// Frozen: advertisers pay in (payment references, the platform's imported bank statements and their
// entries) and are invoiced (gap-free invoice numbers per year, VAT owed to the tax authority).
// Amounts are integer euro cents.

const LEDGER_KINDS = [
  'advertiser_balance',
  'member_earnings',
  'platform_fee',
  'platform_bank',
  'payouts_in_transit',
  'unclaimed_earnings',
  'sales_clearing',
  // VAT charged on invoices: owed to the tax authority, never the platform's revenue.
  'vat_payable',
];
const list = (values: string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table ledger_accounts drop constraint ledger_accounts_kind_check`.execute(db);
  await sql`alter table ledger_accounts add constraint ledger_accounts_kind_check check (kind in (${list(LEDGER_KINDS)}))`.execute(db);
  await sql`insert into ledger_accounts (kind) values ('vat_payable')`.execute(db);

  // One reference per organisation: "DD" + 10 digits + 2 ISO 7064 MOD 97-10 check digits, so the
  // 12 digits read as a number leave remainder 1 when divided by 97 (as an IBAN does).
  await db.schema
    .createTable('payment_references')
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull().unique().check(sql`reference ~ '^DD[0-9]{12}$' and substr(reference, 3)::bigint % 97 = 1`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // An uploaded statement of the platform's own account. The file is kept (bookkeeping records).
  await db.schema
    .createTable('bank_statements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    // The platform IBAN when it was uploaded: a statement of any other account is refused.
    .addColumn('expected_iban', 'text', (c) => c.notNull())
    .addColumn('account_iban', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('stored').check(sql`status in ('stored', 'processing', 'imported', 'failed')`))
    .addColumn('first_booked_on', 'date')
    .addColumn('last_booked_on', 'date')
    .addColumn('entries_total', 'integer')
    .addColumn('entries_new', 'integer')
    .addColumn('entries_duplicate', 'integer')
    .addColumn('error', 'jsonb')
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('bank_statements_created_idx').on('bank_statements').column('created_at').execute();
  await db.schema
    .createTable('bank_statement_files')
    .addColumn('statement_id', 'uuid', (c) => c.primaryKey().references('bank_statements.id').onDelete('cascade'))
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .execute();

  // Every booked entry of the platform's account, once: `entry_key` is the bank's reference (or the
  // entry's content) hashed, so a statement imported twice, or two overlapping statements, add nothing
  // twice. Credits are matched to advertisers; debits stay 'open' until payouts reconcile them.
  await db.schema
    .createTable('bank_statement_entries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('entry_key', 'text', (c) => c.notNull().unique())
    .addColumn('statement_id', 'uuid', (c) => c.notNull().references('bank_statements.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('account_iban', 'text', (c) => c.notNull())
    .addColumn('booked_on', 'date', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('credit', 'debit')`))
    .addColumn('amount_cents', 'bigint', (c) => c.notNull().check(sql`amount_cents >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reversal', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('counterparty_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('counterparty_iban', 'text')
    .addColumn('remittance', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('creditor_references', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // Well-formed payment references (check digits right) found in the remittance information.
    .addColumn('payment_references', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('bank_reference', 'text')
    .addColumn('end_to_end_id', 'text')
    .addColumn('bank_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked', 'unmatched', 'dismissed', 'open', 'reconciled')`))
    .addColumn('reason', 'text')
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('ledger_transaction_id', 'bigint', (c) => c.unique().references('ledger_transactions.id'))
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('bank_statement_entries_booked_check', sql`(status = 'booked') = (ledger_transaction_id is not null)`)
    .addCheckConstraint(
      'bank_statement_entries_credit_check',
      sql`status not in ('booked', 'unmatched', 'dismissed') or (direction = 'credit' and not reversal)`,
    )
    .addCheckConstraint('bank_statement_entries_owner_check', sql`status <> 'booked' or organisation_id is not null`)
    .addCheckConstraint('bank_statement_entries_reason_check', sql`status <> 'unmatched' or reason is not null`)
    .addCheckConstraint('bank_statement_entries_dismissed_check', sql`status <> 'dismissed' or (note is not null and resolved_at is not null)`)
    .execute();
  await db.schema.createIndex('bank_statement_entries_statement_idx').on('bank_statement_entries').column('statement_id').execute();
  await db.schema
    .createIndex('bank_statement_entries_review_idx')
    .on('bank_statement_entries')
    .column('booked_on')
    .where(sql.ref('status'), '=', 'unmatched')
    .execute();

  // Invoice numbers run 1, 2, 3 … per calendar year without gaps: the counter row is bumped in the
  // invoice's own transaction (its row lock queues concurrent invoices; a rollback undoes both), an
  // invoice must take the counter's new value, and at commit every bump must have its invoice.
  await db.schema
    .createTable('invoice_number_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year between 2000 and 9999`))
    .addColumn('last_sequence', 'integer', (c) => c.notNull().check(sql`last_sequence > 0`))
    .execute();
  await db.schema
    .createTable('invoices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sale_id', 'uuid', (c) => c.notNull().unique().references('sales.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().check(sql`sequence > 0`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('supplied_on', 'date', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('net_cents', 'bigint', (c) => c.notNull().check(sql`net_cents > 0`))
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull().check(sql`vat_rate_bp between 0 and 10000`))
    .addColumn('vat_cents', 'bigint', (c) => c.notNull().check(sql`vat_cents >= 0`))
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('seller', 'jsonb', (c) => c.notNull())
    .addColumn('buyer', 'jsonb', (c) => c.notNull())
    // The VAT charge on the advertiser's balance; none when the rate is 0.
    .addColumn('vat_transaction_id', 'bigint', (c) => c.unique().references('ledger_transactions.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('invoices_year_sequence_key', ['year', 'sequence'])
    .addCheckConstraint('invoices_total_check', sql`total_cents = net_cents + vat_cents`)
    .addCheckConstraint('invoices_vat_transaction_check', sql`(vat_cents > 0) = (vat_transaction_id is not null)`)
    .execute();
  await db.schema.createIndex('invoices_organisation_idx').on('invoices').columns(['organisation_id', 'issued_on']).execute();

  await sql`
    create function invoice_takes_counter() returns trigger language plpgsql as $$
    declare
      current_sequence integer;
    begin
      select last_sequence into current_sequence from invoice_number_counters where year = new.year;
      if current_sequence is distinct from new.sequence then
        raise exception 'invoice % takes sequence % of %, but the counter stands at %; number invoices through the counter',
          new.number, new.sequence, new.year, coalesce(current_sequence::text, 'nothing') using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger invoices_take_counter before insert on invoices for each row execute function invoice_takes_counter()`.execute(db);
  await sql`
    create function invoice_counter_used() returns trigger language plpgsql as $$
    begin
      if not exists (select 1 from invoices where year = new.year and sequence = new.last_sequence) then
        raise exception 'invoice number % of % was drawn without an invoice; numbers must not have gaps', new.last_sequence, new.year
          using errcode = 'check_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger invoice_number_counters_used after insert or update on invoice_number_counters
    deferrable initially deferred for each row execute function invoice_counter_used()`.execute(db);

  // Issued invoices and their counters are kept as they are (bookkeeping law); a correction is a credit note.
  await sql`
    create function billing_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% cannot be changed or removed once written', tg_table_name;
    end $$`.execute(db);
  await sql`create trigger invoices_append_only before update or delete on invoices for each row execute function billing_append_only()`.execute(db);
  await sql`create trigger invoices_no_truncate before truncate on invoices for each statement execute function billing_append_only()`.execute(db);
  await sql`create trigger invoice_number_counters_no_delete before delete on invoice_number_counters for each row execute function billing_append_only()`.execute(db);
  await sql`create trigger invoice_number_counters_no_truncate before truncate on invoice_number_counters for each statement execute function billing_append_only()`.execute(db);
  await sql`create trigger payment_references_append_only before update or delete on payment_references for each row execute function billing_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Only possible before anything was booked to the VAT account or invoiced.
  for (const table of ['invoices', 'invoice_number_counters', 'bank_statement_entries', 'bank_statement_files', 'bank_statements', 'payment_references']) {
    await db.schema.dropTable(table).execute();
  }
  for (const fn of ['billing_append_only', 'invoice_counter_used', 'invoice_takes_counter']) {
    await sql`drop function ${sql.raw(fn)}()`.execute(db);
  }
  // The vat_payable account stays (ledger accounts are append-only), and so does the kind it needs.
}
