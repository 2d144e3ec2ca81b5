import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const EXPORT_COLUMNS = ['id', 'customer_id', 'status', 'requested_at', 'ready_at', 'expires_at', 'byte_size', 'error'] as const;

export const gdprRepository = {
  receipts(db: Executor, customerId: string) {
    return db
      .selectFrom('data_use_receipts')
      .select(['id', 'occurred_at', 'advertiser_name', 'product', 'purpose', 'categories', 'audience_size', 'share_cents', 'reference'])
      .where('customer_id', '=', customerId)
      .orderBy('occurred_at', 'desc')
      .execute();
  },

  activeExport(db: Executor, customerId: string) {
    return db
      .selectFrom('data_exports')
      .select(EXPORT_COLUMNS)
      .where('customer_id', '=', customerId)
      .where('status', 'in', ['requested', 'building'])
      .executeTakeFirst();
  },

  async insertExport(db: Executor, customerId: string): Promise<string> {
    const { id } = await db.insertInto('data_exports').values({ customer_id: customerId }).returning('id').executeTakeFirstOrThrow();
    return id;
  },

  exports(db: Executor, customerId: string) {
    return db.selectFrom('data_exports').select(EXPORT_COLUMNS).where('customer_id', '=', customerId).orderBy('requested_at', 'desc').limit(20).execute();
  },

  findExport(db: Executor, exportId: string) {
    return db.selectFrom('data_exports').select(EXPORT_COLUMNS).where('id', '=', exportId).executeTakeFirst();
  },

  markExport(db: Executor, exportId: string, values: Partial<{ status: 'building' | 'ready' | 'failed'; ready_at: Date; expires_at: Date; byte_size: number; error: string }>) {
    return db.updateTable('data_exports').set(values).where('id', '=', exportId).execute();
  },

  saveExportFile(db: Executor, exportId: string, bytes: Buffer) {
    return db
      .insertInto('data_export_files')
      .values({ export_id: exportId, bytes })
      .onConflict((oc) => oc.column('export_id').doUpdateSet({ bytes }))
      .execute();
  },

  async exportFile(db: Executor, exportId: string): Promise<Buffer | undefined> {
    return (await db.selectFrom('data_export_files').select('bytes').where('export_id', '=', exportId).executeTakeFirst())?.bytes;
  },

  deleteExpiredExportFiles(db: Executor, now: Date) {
    return db
      .deleteFrom('data_export_files')
      .where('export_id', 'in', db.selectFrom('data_exports').select('id').where('expires_at', '<=', now))
      .executeTakeFirst();
  },

  account(db: Executor, customerId: string) {
    return db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'role', 'locale', 'created_at', 'erasure_requested_at'])
      .where('id', '=', customerId)
      .executeTakeFirst();
  },

  profile(db: Executor, customerId: string) {
    return db
      .selectFrom('customer_profiles')
      .select(['birth_year', 'province', 'municipality', 'household_size', 'interests', 'updated_at'])
      .where('user_id', '=', customerId)
      .executeTakeFirst();
  },

  features(db: Executor, customerId: string) {
    return db
      .selectFrom('customer_features')
      .select(['is_adult', 'age_band', 'province', 'municipality', 'household_band', 'interests', 'spend_bands', 'computed_at'])
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
  },

  transactions(db: Executor, customerId: string) {
    return db
      .selectFrom('transactions')
      .select([
        'booked_on', 'amount_cents', 'currency', 'counterparty_name', 'counterparty_iban', 'description', 'bank_code',
        'category', 'category_source', 'special', 'protected_life_event',
      ])
      .where('customer_id', '=', customerId)
      .orderBy('booked_on')
      .orderBy('id')
      .execute();
  },

  uploads(db: Executor, customerId: string) {
    return db
      .selectFrom('uploads')
      .select(['file_name', 'byte_size', 'status', 'format', 'rows_total', 'rows_imported', 'rows_duplicate', 'created_at', 'finished_at'])
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .execute();
  },

  consentDecisions(db: Executor, customerId: string) {
    return db
      .selectFrom('consent_decisions')
      .select(['recorded_at', 'change_id', 'category', 'purpose', 'granted', 'expires_at', 'policy_version', 'policy_text_hash', 'source'])
      .where('customer_id', '=', customerId)
      .orderBy('id')
      .execute();
  },

  industryExclusions(db: Executor, customerId: string) {
    return db
      .selectFrom('industry_exclusions')
      .select(['recorded_at', 'change_id', 'industry', 'excluded', 'policy_version'])
      .where('customer_id', '=', customerId)
      .orderBy('id')
      .execute();
  },

  markErasureRequested(db: Executor, customerId: string, at: Date) {
    return db.updateTable('users').set({ erasure_requested_at: at }).where('id', '=', customerId).where('erasure_requested_at', 'is', null).execute();
  },

  revokeSessions(db: Executor, customerId: string, at: Date) {
    return db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', customerId).where('revoked_at', 'is', null).execute();
  },

  /** Every personal row hangs off the user by ON DELETE CASCADE; consent history needs the erasure flag. */
  async deleteCustomer(trx: DbTransaction<Database>, customerId: string): Promise<number> {
    await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
    const result = await trx.deleteFrom('users').where('id', '=', customerId).where('role', '=', 'customer').executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
