import type { Database, Db, DbTransaction, Insertable } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

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

  async content(db: Executor, uploadId: string): Promise<Buffer | undefined> {
    const row = await db.selectFrom('upload_contents').select('bytes').where('upload_id', '=', uploadId).executeTakeFirst();
    return row?.bytes;
  },

  /** Locks the upload row until the transaction ends and returns its status as of then. */
  async lockStatus(db: Executor, uploadId: string) {
    const row = await db.selectFrom('uploads').select('status').where('id', '=', uploadId).forUpdate().executeTakeFirst();
    return row?.status;
  },

  markParsing(db: Executor, uploadId: string) {
    return db.updateTable('uploads').set({ status: 'parsing', error: null }).where('id', '=', uploadId).where('status', '<>', 'imported').execute();
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

  markFailed(db: Executor, uploadId: string, error: Record<string, unknown>) {
    return db
      .updateTable('uploads')
      .set({ status: 'failed', error: JSON.stringify(error) as unknown as Record<string, unknown>, finished_at: new Date() })
      .where('id', '=', uploadId)
      // An overlapping run may have imported it meanwhile; a finished import is never turned into a failure.
      .where('status', '<>', 'imported')
      .execute();
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
