import {
  NOTIFICATION_KINDS,
  type ListNotificationsInput,
  type MarkNotificationsReadInput,
  type NotificationItem,
  type NotificationPreference,
  type NotificationsPage,
  type SetNotificationPreferenceInput,
} from '@dd/contract';
import type { Db, Locale, Role } from '@dd/db';
import { DomainError } from '@dd/errors';
import { decodeCursor, encodeCursor } from './notification.cursor';
import { definitionOf, isNotificationKind, renderNotification } from './notification.registry';
import { notificationRepository } from './notification.repository';

export const DEFAULT_PAGE_SIZE = 20;

const kindsFor = (role: Role) => NOTIFICATION_KINDS.filter((kind) => definitionOf(kind).role === role);

/** The signed-in user's own notifications and settings; every method takes the user from the session, never from the input. */
export function createNotificationService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    async list(userId: string, input: ListNotificationsInput): Promise<NotificationsPage> {
      const limit = input.limit ?? DEFAULT_PAGE_SIZE;
      const locale: Locale = input.locale ?? 'en';
      const before = input.cursor ? decodeCursor(input.cursor) : null;
      const rows = await notificationRepository.page(db, userId, before, limit);
      const shown = rows.slice(0, limit);
      const items: NotificationItem[] = [];
      for (const row of shown) {
        // A kind this version no longer knows is left out rather than failing the whole list.
        if (!isNotificationKind(row.kind)) continue;
        const text = renderNotification(row.kind, row.params, locale);
        items.push({ id: row.id, kind: row.kind, ...text, createdAt: row.created_at.toISOString(), read: row.read_at !== null });
      }
      const last = shown[shown.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null };
    },

    unreadCount: (userId: string) => notificationRepository.unreadCount(db, userId),

    /** One notification or all; marking one that is read already changes nothing, one that is not the user's is not found. */
    async markRead(userId: string, input: MarkNotificationsReadInput): Promise<{ marked: number; unread: number }> {
      const id = 'id' in input ? input.id : null;
      const marked = await notificationRepository.markRead(db, userId, id, now());
      if (id !== null && marked === 0 && !(await notificationRepository.exists(db, userId, id))) {
        throw new DomainError('NOT_FOUND', 'This notification does not exist. Reload the list.', undefined, { code: 'notificationNotFound', params: {} });
      }
      return { marked, unread: await notificationRepository.unreadCount(db, userId) };
    },

    /** Every kind of the user's role, with the mail switched on or off and, where it cannot be switched off, why. */
    async preferences(userId: string, role: Role): Promise<NotificationPreference[]> {
      const chosen = new Map((await notificationRepository.preferences(db, userId)).map((row) => [row.kind, row.mail]));
      return kindsFor(role).map((kind) => {
        const definition = definitionOf(kind);
        return { kind, mail: definition.mandatory !== null || (chosen.get(kind) ?? definition.mailByDefault), mandatory: definition.mandatory };
      });
    },

    async setPreference(userId: string, role: Role, input: SetNotificationPreferenceInput): Promise<NotificationPreference[]> {
      const definition = definitionOf(input.kind);
      if (definition.role !== role) {
        throw new DomainError('VALIDATION_FAILED', 'This kind of message is not sent to your kind of account.', { field: 'kind' }, { code: 'notificationNotForRole', params: {} });
      }
      if (definition.mandatory !== null && !input.mail) {
        throw new DomainError(
          'CONFLICT',
          definition.mandatory === 'money'
            ? 'Messages about your money are always mailed: the law requires us to tell you.'
            : 'Messages about your account are always mailed: the law requires us to tell you.',
          undefined,
          { code: 'notificationMandatory', params: { reason: definition.mandatory } },
        );
      }
      await notificationRepository.setPreference(db, userId, input.kind, input.mail);
      return this.preferences(userId, role);
    },
  };
}

/** A customer's notifications and mail choices for their data export (libs/gdpr), as stored. */
export async function notificationsForExport(db: Db, userId: string) {
  const [notifications, preferences] = await notificationRepository.forExport(db, userId);
  return { notifications, preferences };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
