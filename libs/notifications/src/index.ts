export { NOTIFICATIONS, ERASURE_DONE_TEXT, definitionOf, renderNotification, isNotificationKind } from './notification.registry';
export type { NotificationDefinition, NotificationParams, NotificationText } from './notification.registry';
export { notify, notifyOrganisation, notifyUsers, mailErasureDone, dispatchNotified, mergeNotified } from './notify';
export type { Notified, NotifyInput } from './notify';
export { createNotificationService, DEFAULT_PAGE_SIZE, notificationsForExport } from './notification.service';
export type { NotificationService } from './notification.service';
export { LOW_BALANCE_THRESHOLD_CENTS, lowBalanceCrossed } from './low-balance';
