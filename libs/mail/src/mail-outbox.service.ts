import type { Database, Db, DbTransaction, Locale } from '@dd/db';
import { enqueue, type Queues } from '@dd/queue';
import { parseMessageParams, type MessageKind, type MessageParams } from './mail.registry';
import { outboxRepository } from './outbox.repository';

export interface OutgoingMessage<K extends MessageKind> {
  /** Unique per business event (`verify-email:<tokenHash>`): the same key never sends twice. */
  key: string;
  kind: K;
  to: string;
  locale: Locale;
  params: MessageParams<K>;
}

/** The job id of an outbox row's send job: one job per message, however often it is queued. */
export const mailJobId = (outboxId: string) => `mail-${outboxId}`;

/** Writes a message to the outbox in the caller's transaction; the id, or undefined when its key was used already. */
export function addToOutbox<K extends MessageKind>(trx: DbTransaction<Database>, message: OutgoingMessage<K>): Promise<string | undefined> {
  const params = parseMessageParams(message.kind, message.params);
  return outboxRepository.insert(trx, { messageKey: message.key, kind: message.kind, recipient: message.to, locale: message.locale, params });
}

/**
 * Queues the send job of committed messages. Redis being down does not undo the change a message is
 * about: the row stays pending and `mail.sweep` queues it later, so this never throws.
 */
export async function dispatchMail(queues: Queues, outboxIds: readonly (string | undefined)[]): Promise<number> {
  let queued = 0;
  for (const outboxId of outboxIds) {
    if (!outboxId) continue;
    try {
      await enqueue(queues, 'mail.send', { outboxId }, { jobId: mailJobId(outboxId) });
      queued += 1;
    } catch {
      // Left pending for mail.sweep.
    }
  }
  return queued;
}

/**
 * The transactional outbox. `add` writes the message in the caller's transaction, so it exists if
 * and only if the change it tells about was committed; `dispatch` queues its sending after the commit.
 */
export function createMailOutbox(deps: { db: Db; queues: Queues }) {
  return {
    add<K extends MessageKind>(trx: DbTransaction<Database>, message: OutgoingMessage<K>): Promise<string | undefined> {
      return addToOutbox(trx, message);
    },

    /**
     * Queues the send job of a committed message. Redis being down does not undo the change the
     * message is about: the row stays pending and `mail.sweep` queues it later, so this never throws.
     */
    async dispatch(outboxId: string | undefined): Promise<boolean> {
      if (!outboxId) return false;
      try {
        await enqueue(deps.queues, 'mail.send', { outboxId }, { jobId: mailJobId(outboxId) });
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type MailOutbox = ReturnType<typeof createMailOutbox>;

/** Queues a send job for messages left pending (their dispatch failed); returns how many. */
export async function requeuePendingMail(db: Db, queues: Queues, now: Date = new Date()): Promise<number> {
  const rows = await outboxRepository.pendingSince(db, new Date(now.getTime() - 2 * 60_000), 500);
  for (const row of rows) await enqueue(queues, 'mail.send', { outboxId: row.id }, { jobId: mailJobId(row.id) });
  return rows.length;
}

/**
 * Erasure: every message to the address goes, pending ones unsent. In the erasure's own transaction,
 * so an erased person never gets a mail written before they left.
 */
export function forgetMailTo(trx: DbTransaction<Database>, recipient: string): Promise<number> {
  return outboxRepository.deleteForRecipient(trx, recipient);
}
