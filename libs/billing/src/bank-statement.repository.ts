import { sql, type BankEntryStatus, type Database, type Db, type DbTransaction, type Insertable } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** Stored and waiting, or being imported: the states a failure (of the file, the job, or by the sweep) may end. */
const IN_PROGRESS = ['stored', 'processing'] as const;

const STATEMENT_COLUMNS = [
  's.id',
  's.file_name',
  's.byte_size',
  's.status',
  's.expected_iban',
  's.account_iban',
  's.first_booked_on',
  's.last_booked_on',
  's.entries_total',
  's.entries_new',
  's.entries_duplicate',
  's.error',
  's.created_at',
  's.finished_at',
] as const;

const ENTRY_COLUMNS = [
  'e.id',
  'e.entry_key',
  'e.statement_id',
  'e.booked_on',
  'e.direction',
  'e.amount_cents',
  'e.currency',
  'e.reversal',
  'e.counterparty_name',
  'e.counterparty_iban',
  'e.remittance',
  'e.payment_references',
  'e.bank_reference',
  'e.status',
  'e.reason',
  'e.organisation_id',
] as const;

export type NewEntryRow = Omit<Insertable<Database['bank_statement_entries']>, 'resolved_by' | 'resolved_at' | 'note'>;

export const bankStatementRepository = {
  async insert(trx: DbTransaction<Database>, row: { fileName: string; byteSize: number; sha256: string; expectedIban: string; uploadedBy: string; bytes: Buffer }): Promise<string> {
    const { id } = await trx
      .insertInto('bank_statements')
      .values({ file_name: row.fileName, byte_size: row.byteSize, sha256: row.sha256, expected_iban: row.expectedIban, uploaded_by: row.uploadedBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('bank_statement_files').values({ statement_id: id, bytes: row.bytes }).execute();
    return id;
  },

  /** Only for a statement whose job could not be queued: nothing else refers to it yet. */
  async delete(db: Executor, statementId: string): Promise<void> {
    await db.deleteFrom('bank_statement_files').where('statement_id', '=', statementId).execute();
    await db.deleteFrom('bank_statements').where('id', '=', statementId).where('status', '=', 'stored').execute();
  },

  find(db: Executor, statementId: string) {
    return db.selectFrom('bank_statements as s').select(STATEMENT_COLUMNS).where('s.id', '=', statementId).executeTakeFirst();
  },

  /** Newest first (or the one statement asked for), with who uploaded it. */
  list(db: Executor, limit: number, statementId?: string) {
    let query = db
      .selectFrom('bank_statements as s')
      .leftJoin('users as u', 'u.id', 's.uploaded_by')
      .select([...STATEMENT_COLUMNS, 'u.display_name as uploaded_by_name']);
    if (statementId !== undefined) query = query.where('s.id', '=', statementId);
    return query.orderBy('s.created_at', 'desc').orderBy('s.id').limit(limit).execute();
  },

  /** How many of each statement's entries are in each state now (assignments after the import included). */
  countsByStatus(db: Executor, statementIds: readonly string[]) {
    if (statementIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('bank_statement_entries')
      .select(['statement_id', 'status', sql<number>`count(*)::int`.as('count')])
      .where(sql<boolean>`statement_id = any(${sql.val([...statementIds])}::uuid[])`)
      .groupBy(['statement_id', 'status'])
      .execute();
  },

  async content(db: Executor, statementId: string): Promise<Buffer | undefined> {
    const row = await db.selectFrom('bank_statement_files').select('bytes').where('statement_id', '=', statementId).executeTakeFirst();
    return row?.bytes;
  },

  /** Locks the statement until the transaction ends and returns its status as of then. */
  async lockStatus(trx: DbTransaction<Database>, statementId: string) {
    const row = await trx.selectFrom('bank_statements').select('status').where('id', '=', statementId).forUpdate().executeTakeFirst();
    return row?.status;
  },

  markProcessing(db: Executor, statementId: string) {
    return db.updateTable('bank_statements').set({ status: 'processing' }).where('id', '=', statementId).where('status', '=', 'stored').execute();
  },

  markImported(
    db: Executor,
    statementId: string,
    result: { accountIban: string | null; firstBookedOn: string | null; lastBookedOn: string | null; total: number; created: number },
  ) {
    return db
      .updateTable('bank_statements')
      .set({
        status: 'imported',
        account_iban: result.accountIban,
        first_booked_on: result.firstBookedOn,
        last_booked_on: result.lastBookedOn,
        entries_total: result.total,
        entries_new: result.created,
        entries_duplicate: result.total - result.created,
        error: null,
        finished_at: new Date(),
      })
      .where('id', '=', statementId)
      .execute();
  },

  /** True when it was still in progress and is failed now; a finished statement (imported, or failed with its reason) stays as it is. */
  async markFailed(db: Executor, statementId: string, error: Record<string, unknown>, accountIban: string | null = null): Promise<boolean> {
    const result = await db
      .updateTable('bank_statements')
      .set({ status: 'failed', account_iban: accountIban, error: JSON.stringify(error) as unknown as Record<string, unknown>, finished_at: new Date() })
      .where('id', '=', statementId)
      .where('status', 'in', IN_PROGRESS)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Fails every statement stored before `before` that is still in progress, and returns their ids. */
  async failStuck(db: Executor, before: Date, error: Record<string, unknown>): Promise<string[]> {
    const rows = await db
      .updateTable('bank_statements')
      .set({ status: 'failed', error: JSON.stringify(error) as unknown as Record<string, unknown>, finished_at: new Date() })
      .where('status', 'in', IN_PROGRESS)
      .where('created_at', '<', before)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  },

  /**
   * The file of a statement that failed: it booked nothing, so it is no bookkeeping record, and keeping
   * a file that could not be read helps nobody. Imported statements keep theirs.
   */
  deleteFiles(db: Executor, statementIds: readonly string[]) {
    if (statementIds.length === 0) return Promise.resolve([]);
    return db.deleteFrom('bank_statement_files').where('statement_id', 'in', statementIds).execute();
  },

  /** Which of these entry keys are stored already. */
  async existingKeys(db: Executor, keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 5_000) {
      const rows = await db
        .selectFrom('bank_statement_entries')
        .select('entry_key')
        .where(sql<boolean>`entry_key = any(${sql.val(keys.slice(i, i + 5_000))}::text[])`)
        .execute();
      for (const row of rows) found.add(row.entry_key);
    }
    return found;
  },

  /**
   * Inserts the entries not seen before (by entry key) and returns the new ones' ids by key. A
   * concurrent import of an overlapping statement waits on the unique index, then skips what it added.
   */
  async insertNewEntries(trx: DbTransaction<Database>, rows: readonly NewEntryRow[]): Promise<Map<string, number>> {
    const inserted = new Map<string, number>();
    for (let i = 0; i < rows.length; i += 1_000) {
      const chunk = await trx
        .insertInto('bank_statement_entries')
        .values(rows.slice(i, i + 1_000) as NewEntryRow[])
        .onConflict((oc) => oc.column('entry_key').doNothing())
        .returning(['id', 'entry_key'])
        .execute();
      for (const row of chunk) inserted.set(row.entry_key, row.id);
    }
    return inserted;
  },

  markBooked(db: Executor, entryId: number, booking: { organisationId: string; ledgerTransactionId: number; resolvedBy?: string; note?: string | null }) {
    return db
      .updateTable('bank_statement_entries')
      .set({
        status: 'booked',
        reason: null,
        organisation_id: booking.organisationId,
        ledger_transaction_id: booking.ledgerTransactionId,
        ...(booking.resolvedBy ? { resolved_by: booking.resolvedBy, resolved_at: new Date(), note: booking.note ?? null } : {}),
      })
      .where('id', '=', entryId)
      .execute();
  },

  markDismissed(db: Executor, entryId: number, dismissal: { resolvedBy: string; note: string }) {
    return db
      .updateTable('bank_statement_entries')
      .set({ status: 'dismissed', resolved_by: dismissal.resolvedBy, resolved_at: new Date(), note: dismissal.note })
      .where('id', '=', entryId)
      .execute();
  },

  /** The entry under a row lock, so two admins cannot resolve it at once. */
  entryForUpdate(trx: DbTransaction<Database>, entryId: number) {
    return trx.selectFrom('bank_statement_entries as e').select(ENTRY_COLUMNS).where('e.id', '=', entryId).forUpdate().executeTakeFirst();
  },

  entriesWithStatus(db: Executor, status: BankEntryStatus, limit: number) {
    return db
      .selectFrom('bank_statement_entries as e')
      .innerJoin('bank_statements as s', 's.id', 'e.statement_id')
      .select([...ENTRY_COLUMNS, 's.file_name'])
      .where('e.status', '=', status)
      .orderBy('e.booked_on')
      .orderBy('e.id')
      .limit(limit)
      .execute();
  },
};

export type StatementRow = NonNullable<Awaited<ReturnType<typeof bankStatementRepository.find>>>;
export type EntryRow = NonNullable<Awaited<ReturnType<typeof bankStatementRepository.entryForUpdate>>>;
