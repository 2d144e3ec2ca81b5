import type { Db, Locale } from '@dd/db';
import { UnrecoverableError } from '@dd/queue';
import { forgetsAfterSending, renderMessage } from './mail.registry';
import type { MailTransport } from './mail.transport';
import { outboxRepository } from './outbox.repository';

export interface MailSenderDeps {
  db: Db;
  transport: MailTransport;
  from: string;
  /** PUBLIC_ORIGIN: every link in a message points at the portal. */
  origin: string;
  now?: () => Date;
}

export type SendOutcome = 'sent' | 'alreadySent' | 'gone';

const messageIdOf = (outboxId: string, origin: string) => `<${outboxId}@${new URL(origin).hostname}>`;

/**
 * Sends one outbox message, at most once however often its job runs: the row is locked while it
 * is sent and marked sent in the same transaction, and a row already sent is left alone. Only a
 * crash between the server's acceptance and the commit can repeat a message (SMTP has no
 * two-phase commit); the fixed Message-ID lets the receiving side recognise that repeat.
 */
export async function sendOutboxMessage(deps: MailSenderDeps, outboxId: string): Promise<SendOutcome> {
  const now = deps.now ?? (() => new Date());
  await outboxRepository.countAttempt(deps.db, outboxId);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await outboxRepository.lockForSending(trx, outboxId);
      if (!row || row.status === 'failed') return 'gone';
      if (row.status === 'sent') return 'alreadySent';
      let rendered;
      try {
        rendered = renderMessage(row.kind, row.locale as Locale, row.params, deps.origin);
      } catch (error) {
        // A kind this version does not know or parameters that no longer fit cannot get better by retrying.
        throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      }
      await deps.transport.send({ messageId: messageIdOf(row.id, deps.origin), from: deps.from, to: row.recipient, ...rendered });
      if (forgetsAfterSending(row.kind)) await outboxRepository.delete(trx, row.id);
      else await outboxRepository.markSent(trx, row.id, now());
      return 'sent';
    });
  } catch (error) {
    await outboxRepository.recordError(deps.db, outboxId, error instanceof Error ? error.message.slice(0, 1000) : String(error));
    throw error;
  }
}

/** After the last retry: the message is marked failed (and its token dropped) instead of staying pending. */
export async function failOutboxMessage(db: Db, outboxId: string, error: Error): Promise<void> {
  const row = await outboxRepository.kindOf(db, outboxId);
  if (row && forgetsAfterSending(row.kind)) await outboxRepository.delete(db, outboxId);
  else await outboxRepository.markFailed(db, outboxId, error.message.slice(0, 1000));
}
