import { z } from 'zod';
import {
  listNotificationsInput,
  markNotificationsReadInput,
  notificationPreferenceSchema,
  notificationsPageSchema,
  setNotificationPreferenceInput,
} from '@dd/contract';
import { signedInProcedure } from '../procedures';
import { router } from '../trpc';

/** Every role's own notifications and mail settings: the user comes from the session, never from the input. */
export const notificationsRouter = router({
  list: signedInProcedure
    .input(listNotificationsInput)
    .output(notificationsPageSchema)
    .query(({ ctx, input }) => ctx.services.notifications.list(ctx.viewer.id, input)),

  unreadCount: signedInProcedure.output(z.object({ unread: z.number().int() })).query(async ({ ctx }) => ({ unread: await ctx.services.notifications.unreadCount(ctx.viewer.id) })),

  markRead: signedInProcedure
    .input(markNotificationsReadInput)
    .output(z.object({ marked: z.number().int(), unread: z.number().int() }))
    .mutation(({ ctx, input }) => ctx.services.notifications.markRead(ctx.viewer.id, input)),

  preferences: router({
    get: signedInProcedure.output(z.array(notificationPreferenceSchema)).query(({ ctx }) => ctx.services.notifications.preferences(ctx.viewer.id, ctx.viewer.role)),
    set: signedInProcedure
      .input(setNotificationPreferenceInput)
      .output(z.array(notificationPreferenceSchema))
      .mutation(({ ctx, input }) => ctx.services.notifications.setPreference(ctx.viewer.id, ctx.viewer.role, input)),
  }),
});
