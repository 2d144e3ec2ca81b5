import { copyOutFirstValue, type Database, type Db, type DbTransaction, type Insertable } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

/** Stored and waiting, or being read: the states a sweep or a final job failure may end. */
const IN_PROGRESS = ['stored', 'parsing'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SUMMARY_COLUMNS = [
  'id', 'customer_id', 'file_name', 'byte_size', 'status', 'format', 'progress', 'rows_total', 'rows_imported',
  'rows_duplicate', 'error', 'created_at', 'finished_at',
] as const;

export const uploadRepository = {
  async insert(db: Executor, row: { customerId: string; fileName: string; byteSize: number; sha256: string; bytes: Buffer }): Promise<string> {
    const { id } = await db
      .insertInto('uploads')
      .values({ customer_id: row.customerId, file_name: row.fileName, byte_size: row.byteSize, sha256: row.sha256 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('upload_contents').values({ upload_id: id, bytes: row.bytes }).execute();
    return id;
  },

  find(db: Executor, uploadId: string) {
    return db.selectFrom('uploads').select(SUMMARY_COLUMNS).where('id', '=', uploadId).executeTakeFirst();
  },

  findForCustomer(db: Executor, customerId: string, uploadId: string) {
    return db.selectFrom('uploads').select(SUMMARY_COLUMNS).where('id', '=', uploadId).where('customer_id', '=', customerId).executeTakeFirst();
  },

  listForCustomer(db: Executor, customerId: string, limit: number) {
    return db
      .selectFrom('uploads')
      .select(SUMMARY_COLUMNS)
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  },

  /**
   * The stored file, read by binary COPY: as a query result a bytea arrives as hex text twice its size (21 MB for a
   * 10 MB statement) and is decoded again. COPY takes no parameters, so the id is inlined only in its uuid shape.
   */
  async content(db: Db, uploadId: string): Promise<Buffer | undefined> {
    if (!UUID.test(uploadId)) return undefined;
    return db.transaction().execute((trx) => copyOutFirstValue(trx, `select bytes from upload_contents where upload_id = '${uploadId}'`));
  },

  /** Locks the upload row until the transaction ends and returns its status as of then. */
  async lockStatus(db: Executor, uploadId: string) {
    const row = await db.selectFrom('uploads').select('status').where('id', '=', uploadId).forUpdate().executeTakeFirst();
    return row?.status;
  },

  /** Only from a state in progress: a failure (by the sweep, say) is final and never reopened. */
  markParsing(db: Executor, uploadId: string) {
    return db.updateTable('uploads').set({ status: 'parsing', error: null }).where('id', '=', uploadId).where('status', 'in', IN_PROGRESS).execute();
  },

  markImported(db: Executor, uploadId: string, result: { format: string; total: number; imported: number; duplicate: number }) {
    return db
      .updateTable('uploads')
      .set({
        status: 'imported',
        format: result.format,
        progress: 100,
        rows_total: result.total,
        rows_imported: result.imported,
        rows_duplicate: result.duplicate,
        error: null,
        finished_at: new Date(),
      })
      .where('id', '=', uploadId)
      .execute();
  },

  /** True when it was still in progress and is failed now. */
  async markFailed(db: Executor, uploadId: string, error: Record<string, unknown>): Promise<boolean> {
    const result = await db
      .updateTable('uploads')
      .set({ status: 'failed', error: JSON.stringify(error) as unknown as Record<string, unknown>, finished_at: new Date() })
      .where('id', '=', uploadId)
      // An overlapping run may have imported it meanwhile, or failed it with a more precise reason: a finished upload stays as it is.
      .where('status', 'in', IN_PROGRESS)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Fails every upload stored before `before` that is still in progress, and returns their ids. */
  async failStuck(db: Executor, before: Date, error: Record<string, unknown>): Promise<string[]> {
    const rows = await db
      .updateTable('uploads')
      .set({ status: 'failed', error: JSON.stringify(error) as unknown as Record<string, unknown>, finished_at: new Date() })
      .where('status', 'in', IN_PROGRESS)
      .where('created_at', '<', before)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  },

  deleteContents(db: Executor, uploadIds: readonly string[]) {
    if (uploadIds.length === 0) return Promise.resolve([]);
    return db.deleteFrom('upload_contents').where('upload_id', 'in', uploadIds).execute();
  },

  /** The file is only needed until it is processed; keeping bank statements around is not. */
  deleteContent(db: Executor, uploadId: string) {
    return db.deleteFrom('upload_contents').where('upload_id', '=', uploadId).execute();
  },

  delete(db: Executor, uploadId: string) {
    return db.deleteFrom('uploads').where('id', '=', uploadId).execute();
  },
};

export type UploadRow = NonNullable<Awaited<ReturnType<typeof uploadRepository.find>>>;
export type NewTransactionRow = Insertable<Database['transactions']>;
