import { sql } from 'kysely';
import type { Database, Db, DbTransaction, Locale } from '@dd/db';

type Executor = Db | DbTransaction<Database>;

export const outboxRepository = {
  /** Returns the new row's id, or undefined when a message with this key exists already. */
  async insert(db: Executor, row: { messageKey: string; kind: string; recipient: string; locale: Locale; params: Record<string, unknown> }) {
    const inserted = await db
      .insertInto('mail_outbox')
      .values({ message_key: row.messageKey, kind: row.kind, recipient: row.recipient, locale: row.locale, params: JSON.stringify(row.params) })
      .onConflict((oc) => oc.column('message_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id;
  },

  /** Every message to an address, sent or not: an erased person's mail leaves with them. */
  async deleteForRecipient(db: Executor, recipient: string): Promise<number> {
    const result = await db.deleteFrom('mail_outbox').where(sql`lower(recipient)`, '=', recipient.toLowerCase()).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** Locks the row, so two runs of one job (a stalled job handed on) cannot both send it. */
  lockForSending(trx: DbTransaction<Database>, id: string) {
    return trx
      .selectFrom('mail_outbox')
      .select(['id', 'message_key', 'kind', 'recipient', 'locale', 'params', 'status', 'attempts'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  /** A message that must not outlive its sending (an erasure's confirmation): the row and its address go. */
  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('mail_outbox').where('id', '=', id).execute();
  },

  kindOf(db: Executor, id: string) {
    return db.selectFrom('mail_outbox').select('kind').where('id', '=', id).executeTakeFirst();
  },

  countAttempt(db: Executor, id: string) {
    return db
      .updateTable('mail_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },

  /** The parameters may hold a single-use token; once sent they are not kept. */
  markSent(db: Executor, id: string, at: Date) {
    return db.updateTable('mail_outbox').set({ status: 'sent', sent_at: at, params: '{}', last_error: null }).where('id', '=', id).execute();
  },

  recordError(db: Executor, id: string, error: string) {
    return db.updateTable('mail_outbox').set({ last_error: error }).where('id', '=', id).execute();
  },

  markFailed(db: Executor, id: string, error: string) {
    return db
      .updateTable('mail_outbox')
      .set({ status: 'failed', last_error: error, params: '{}' })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  },

  pendingSince(db: Executor, before: Date, limit: number) {
    return db
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('created_at', '<', before)
      .orderBy('created_at')
      .limit(limit)
      .execute();
  },
};
