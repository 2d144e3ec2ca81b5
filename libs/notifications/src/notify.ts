import type { NotificationKind } from '@dd/contract';
import type { Database, DbTransaction, Locale } from '@dd/db';
import { addToOutbox, dispatchMail } from '@dd/mail';
import type { Queues } from '@dd/queue';
import { definitionOf, ERASURE_DONE_TEXT, type NotificationParams } from './notification.registry';
import { notificationRepository } from './notification.repository';

/** What a notification wrote: the new in-portal rows and the outbox messages to queue once the transaction has committed. */
export interface Notified {
  notificationIds: string[];
  outboxIds: string[];
}

export interface NotifyInput<K extends NotificationKind> {
  kind: K;
  params: NotificationParams<K>;
  /** Unique per event and user (`purchase:<id>:approved`): the same key never notifies twice. */
  key: string;
}

const NOTHING: Notified = { notificationIds: [], outboxIds: [] };

/**
 * Tells users about one event, inside the caller's transaction, so the notification exists if and
 * only if the change it tells about was committed: one in-portal row each, and a mail to those whose
 * preference (or the kind's default, or the law) wants one. A user whose erasure is under way is
 * told nothing; a key a user already has writes nothing, so a retried job never notifies twice.
 */
export async function notifyUsers<K extends NotificationKind>(trx: DbTransaction<Database>, userIds: readonly string[], input: NotifyInput<K>): Promise<Notified> {
  const definition = definitionOf(input.kind);
  const params = definition.params.parse(input.params) as Record<string, unknown>;
  const recipients = await notificationRepository.recipients(trx, [...new Set(userIds)]);
  const inserted = await notificationRepository.insert(
    trx,
    recipients.map((recipient) => ({ userId: recipient.id, kind: input.kind, key: input.key, params })),
  );
  if (inserted.length === 0) return NOTHING;
  const fresh = new Set(inserted.map((row) => row.user_id));
  const choices = definition.mandatory ? new Map<string, boolean>() : await notificationRepository.mailChoices(trx, [...fresh], input.kind);
  const outboxIds: string[] = [];
  for (const recipient of recipients) {
    if (!fresh.has(recipient.id)) continue;
    const mail = definition.mandatory !== null || (choices.get(recipient.id) ?? definition.mailByDefault);
    if (!mail) continue;
    const text = definition.text[recipient.locale](params);
    const outboxId = await addToOutbox(trx, {
      key: `notice:${recipient.id}:${input.key}`,
      kind: `notice.${input.kind as NotificationKind}` as const,
      to: recipient.email,
      locale: recipient.locale,
      params: { displayName: recipient.display_name, title: text.title, body: text.body, path: definition.link(params) },
    });
    if (outboxId) outboxIds.push(outboxId);
  }
  return { notificationIds: inserted.map((row) => row.id), outboxIds };
}

export function notify<K extends NotificationKind>(trx: DbTransaction<Database>, input: NotifyInput<K> & { userId: string }): Promise<Notified> {
  return notifyUsers(trx, [input.userId], input);
}

/** Every advertiser account of an organisation: the organisation's news is each of theirs. */
export async function notifyOrganisation<K extends NotificationKind>(
  trx: DbTransaction<Database>,
  input: NotifyInput<K> & { organisationId: string },
): Promise<Notified> {
  return notifyUsers(trx, await notificationRepository.organisationAdvertisers(trx, input.organisationId), input);
}

/**
 * The confirmation of an erasure, written in the erasure's own transaction after the account's mail
 * was forgotten: the only message that outlives the account, and its outbox row (with the address)
 * is deleted as soon as it was sent or failed for good (libs/mail, `forgetAfterSending`).
 */
export async function mailErasureDone(
  trx: DbTransaction<Database>,
  input: { customerId: string; email: string; locale: Locale; displayName: string },
): Promise<Notified> {
  const text = ERASURE_DONE_TEXT[input.locale];
  const outboxId = await addToOutbox(trx, {
    key: `notice:${input.customerId}:erasure-done`,
    kind: 'notice.gdpr.erasureDone',
    to: input.email,
    locale: input.locale,
    params: { displayName: input.displayName, title: text.title, body: text.body },
  });
  return { notificationIds: [], outboxIds: outboxId ? [outboxId] : [] };
}

/** Queues the mail of committed notifications; never throws (mail.sweep queues what Redis refused). */
export async function dispatchNotified(queues: Queues, ...notified: readonly Notified[]): Promise<void> {
  await dispatchMail(
    queues,
    notified.flatMap((n) => n.outboxIds),
  );
}

/** Combines the outcomes of several notifications of one transaction. */
export function mergeNotified(...notified: readonly Notified[]): Notified {
  return { notificationIds: notified.flatMap((n) => n.notificationIds), outboxIds: notified.flatMap((n) => n.outboxIds) };
}
