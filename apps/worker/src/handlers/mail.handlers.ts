import type { WorkerEnv } from '@dd/config';
import type { Db } from '@dd/db';
import { createMailTransport, failOutboxMessage, mailSettingsFrom, requeuePendingMail, sendOutboxMessage, type MailTransport } from '@dd/mail';
import type { Queues } from '@dd/queue';
import type { FinalFailureHandlers, JobHandlers } from '../job.handler';

export function mailHandlers({ db, queues, env, transport }: { db: Db; queues: () => Queues; env: WorkerEnv; transport?: MailTransport }) {
  const settings = mailSettingsFrom(env);
  // Made on the first message, so building the handlers (and the worker's start-up checks) opens no connection.
  let shared = transport;
  const transportOf = () => (shared ??= createMailTransport(settings));
  return {
    // The outbox row decides: a message already sent is left alone, so a retried job never sends twice.
    'mail.send': async ({ outboxId }, { logger }) => {
      const outcome = await sendOutboxMessage({ db, transport: transportOf(), from: settings.from, origin: env.PUBLIC_ORIGIN }, outboxId);
      logger.info({ outboxId, outcome }, 'mail message handled');
      return outcome;
    },
    'mail.sweep': async (_payload, { logger }) => {
      const queued = await requeuePendingMail(db, queues());
      if (queued > 0) logger.warn({ queued }, 'pending mail messages without a send job were queued again');
      return queued;
    },
  } satisfies Partial<JobHandlers>;
}

export function mailFailureHandlers({ db }: { db: Db }) {
  return {
    'mail.send': async ({ outboxId }, { error }) => failOutboxMessage(db, outboxId, error),
  } satisfies FinalFailureHandlers;
}
