import { sql, type Database, type Db, type DbTransaction } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

const EXPORT_COLUMNS = ['id', 'customer_id', 'status', 'requested_at', 'ready_at', 'expires_at', 'byte_size', 'error'] as const;

export const gdprRepository = {
  receipts(db: Executor, customerId: string) {
    return db
      .selectFrom('data_use_receipts')
      .select(['id', 'occurred_at', 'advertiser_name', 'product', 'purpose', 'categories', 'audience_size', 'share_cents', 'reference', 'purpose_statement'])
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

  /** Only from a state in progress: a failed export is final (the customer asks for a new one). */
  async markBuilding(db: Executor, exportId: string): Promise<boolean> {
    const result = await db.updateTable('data_exports').set({ status: 'building' }).where('id', '=', exportId).where('status', 'in', ['requested', 'building']).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Locks the export row until the transaction ends and returns its status as of then. */
  async lockStatus(db: Executor, exportId: string) {
    const row = await db.selectFrom('data_exports').select('status').where('id', '=', exportId).forUpdate().executeTakeFirst();
    return row?.status;
  },

  /** Fails the given export, or every export still in progress that was requested before `before`; returns the ids it failed. */
  async failInProgress(db: Executor, target: { exportId: string } | { before: Date }, reason: string): Promise<string[]> {
    let query = db.updateTable('data_exports').set({ status: 'failed', error: reason }).where('status', 'in', ['requested', 'building']);
    query = 'exportId' in target ? query.where('id', '=', target.exportId) : query.where('requested_at', '<', target.before);
    return (await query.returning('id').execute()).map((row) => row.id);
  },

  /** Customers whose erasure was asked for before `before` and whose account still exists. */
  erasuresPendingSince(db: Executor, before: Date) {
    return db.selectFrom('users').select('id').where('erasure_requested_at', '<', before).orderBy('erasure_requested_at').execute();
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
        'category', 'category_source', 'special', 'protected_life_event', 'is_reversal',
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

  /** Every offer delivered to the customer, dismissed ones included, with what they did with it. */
  offers(db: Executor, customerId: string) {
    return db
      .selectFrom('offer_deliveries as d')
      .innerJoin('purchase_requests as r', 'r.id', 'd.request_id')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select([
        'o.name as advertiser', 'r.purpose_statement', 'r.offer_title', 'r.offer_body', 'r.offer_url', 'r.offer_code', 'r.offer_ends_on',
        'd.delivered_at', 'd.opened_at', 'd.clicked_at', 'd.dismissed_at',
      ])
      .where('d.customer_id', '=', customerId)
      .orderBy('d.delivered_at')
      .orderBy('d.request_id')
      .execute();
  },

  /** Sign-ins: when each session began and ended; the token's hash is a secret, not information about the customer. */
  sessions(db: Executor, customerId: string) {
    return db.selectFrom('sessions').select(['created_at', 'last_used_at', 'expires_at', 'revoked_at', 'end_reason', 'device_browser', 'device_os']).where('user_id', '=', customerId).orderBy('created_at').execute();
  },

  /** Browsers remembered for sign-in throttling, without the device token's hash. */
  knownDevices(db: Executor, customerId: string) {
    return db.selectFrom('known_devices').select(['created_at', 'last_used_at', 'expires_at']).where('user_id', '=', customerId).orderBy('created_at').execute();
  },

  signInFailures(db: Executor, customerId: string) {
    return db.selectFrom('sign_in_failures').select(['failed_at']).where('user_id', '=', customerId).orderBy('failed_at').execute();
  },

  payoutRequests(db: Executor, customerId: string) {
    return db
      .selectFrom('payout_requests')
      .select(['requested_at', 'amount_cents', 'iban', 'account_holder', 'status', 'decided_at', 'end_to_end_id'])
      .where('customer_id', '=', customerId)
      .orderBy('requested_at')
      .execute();
  },

  /** The privacy budget spent on the customer per month (in millionths of epsilon). */
  privacySpend(db: Executor, customerId: string) {
    return db.selectFrom('member_privacy_spend').select(['period', 'spent_micro']).where('customer_id', '=', customerId).orderBy('period').execute();
  },

  /** Each release that charged the customer's privacy budget: what kind, when, and how much. */
  privacyCharges(db: Executor, customerId: string) {
    return db
      .selectFrom('member_release_charges as c')
      .innerJoin('privacy_releases as r', 'r.id', 'c.release_id')
      .select(['r.created_at', 'r.period', 'r.kind', 'c.epsilon_micro'])
      .where('c.customer_id', '=', customerId)
      .orderBy('r.created_at')
      .orderBy('c.release_id')
      .execute();
  },

  markErasureRequested(db: Executor, customerId: string, at: Date) {
    return db.updateTable('users').set({ erasure_requested_at: at }).where('id', '=', customerId).where('erasure_requested_at', 'is', null).execute();
  },

  revokeSessions(db: Executor, customerId: string, at: Date) {
    return db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', customerId).where('revoked_at', 'is', null).execute();
  },

  /** Every personal row hangs off the user by ON DELETE CASCADE; consent history needs the erasure flag. */
  /** The deleted customer's address (for what is kept by address, not by user id), or undefined when there was none. */
  /** The address, language and name of the account deleted now (for its last message), or undefined when it was gone already. */
  async deleteCustomer(trx: DbTransaction<Database>, customerId: string) {
    await sql`select set_config('dd.erasure', 'on', true)`.execute(trx);
    return trx.deleteFrom('users').where('id', '=', customerId).where('role', '=', 'customer').returning(['email', 'locale', 'display_name']).executeTakeFirst();
  },
};
