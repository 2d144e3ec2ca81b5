import { z } from 'zod';

/**
 * Every kind of notification, in the order the settings list them. Stored in `notifications.kind`
 * and `notification_preferences.kind`: a persistent contract like a job name, never renamed.
 */
export const NOTIFICATION_KINDS = [
  'gdpr.exportReady',
  'offers.received',
  'sales.weeklyDigest',
  'payouts.sent',
  'payouts.returned',
  'purchases.approved',
  'purchases.rejected',
  'purchases.delivered',
  'organisation.verified',
  'organisation.rejected',
  'billing.lowBalance',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** Why a mail cannot be switched off: a service message about the user's money or account. */
export const mandatoryReasonSchema = z.enum(['money', 'account']);
export type MandatoryReason = z.infer<typeof mandatoryReasonSchema>;

const locale = z.enum(['nl', 'en']).default('en');

/** Keyset paging, newest first: `cursor` is the opaque `nextCursor` of the page before; its content is checked where it is read. */
export const listNotificationsInput = z.object({
  cursor: z.string('validation.cursorInvalid').max(300, 'validation.cursorInvalid').regex(/^[A-Za-z0-9_-]+$/, 'validation.cursorInvalid').nullish(),
  limit: z.number().int().min(1).max(100).optional(),
  /** The language the portal shows: the texts come back in it. */
  locale,
});
export type ListNotificationsInput = z.input<typeof listNotificationsInput>;

/** One notification by id, or every unread one. */
export const markNotificationsReadInput = z.union([z.object({ id: z.string().uuid() }), z.object({ all: z.literal(true) })]);
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;

export const setNotificationPreferenceInput = z.object({ kind: notificationKindSchema, mail: z.boolean() });
export type SetNotificationPreferenceInput = z.infer<typeof setNotificationPreferenceInput>;

export const notificationItemSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  /** A path of the portal where it happened. */
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const notificationsPageSchema = z.object({ items: z.array(notificationItemSchema), nextCursor: z.string().nullable() });
export type NotificationsPage = z.infer<typeof notificationsPageSchema>;

export const notificationPreferenceSchema = z.object({
  kind: notificationKindSchema,
  mail: z.boolean(),
  /** Null when the user may switch the mail off; otherwise why not. */
  mandatory: mandatoryReasonSchema.nullable(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;
