import {
  changePasswordInput,
  confirmEmailChangeInput,
  doneSchema,
  emailChangeStatusSchema,
  emailStatusSchema,
  endSessionInput,
  ownSessionsSchema,
  requestEmailChangeInput,
  sessionEndedSchema,
  sessionEndNoticeSchema,
  setLocaleInput,
  verificationResentSchema,
} from '@dd/contract';
import { publicProcedure, signedInProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';

export const accountRouter = router({
  setLocale: signedInProcedure.input(setLocaleInput).mutation(async ({ ctx, input }) => {
    await ctx.services.accounts.setLocale(ctx.viewer.id, input.locale);
    // The viewer carries the locale: this process's cached sessions of the user must not answer with the old one.
    ctx.services.sessions.forget({ userId: ctx.viewer.id });
    return { locale: input.locale };
  }),

  emailStatus: signedInProcedure.output(emailStatusSchema).query(({ ctx }) => ctx.services.emailVerification.status(ctx.viewer.id)),

  resendVerification: signedInProcedure
    .use(rateLimited(RATE_LIMITS.verificationResend))
    .output(verificationResentSchema)
    .mutation(({ ctx }) => ctx.services.emailVerification.resend(ctx.viewer.id)),

  // This browser stays signed in; every other session ends.
  changePassword: signedInProcedure
    .use(rateLimited(RATE_LIMITS.passwordChange))
    .input(changePasswordInput)
    .output(doneSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.passwordChange.change(ctx.viewer.id, input, ctx.cookie.read());
      return { ok: true as const };
    }),

  // Sessions: the token and its hash never leave the server; each session has an opaque id.
  sessions: signedInProcedure.output(ownSessionsSchema).query(({ ctx }) => ctx.services.ownSessions.list(ctx.viewer, ctx.cookie.read())),

  endSession: signedInProcedure
    .input(endSessionInput)
    .output(sessionEndedSchema)
    .mutation(async ({ ctx, input }) => {
      const { current } = await ctx.services.ownSessions.end(ctx.viewer, input.sessionId, ctx.cookie.read());
      if (current) ctx.cookie.clear();
      return { signedOut: current };
    }),

  // "Sign out everywhere else": this browser stays signed in.
  endOtherSessions: signedInProcedure.output(doneSchema).mutation(async ({ ctx }) => {
    await ctx.services.ownSessions.endOthers(ctx.viewer, ctx.cookie.read());
    return { ok: true as const };
  }),

  signOutEverywhere: signedInProcedure.output(doneSchema).mutation(async ({ ctx }) => {
    await ctx.services.ownSessions.endAll(ctx.viewer);
    ctx.cookie.clear();
    return { ok: true as const };
  }),

  // Public: asked by the sign-in page, whose visitor's session has just stopped working.
  sessionEndNotice: publicProcedure
    .output(sessionEndNoticeSchema)
    .query(async ({ ctx }) => ({ reason: ctx.viewer ? null : await ctx.services.ownSessions.endNotice(ctx.cookie.read()) })),

  emailChange: signedInProcedure.output(emailChangeStatusSchema).query(({ ctx }) => ctx.services.emailChange.pending(ctx.viewer.id)),

  // The same answer whether the new address is free or taken; the limits bound mail per account, network and recipient.
  requestEmailChange: signedInProcedure
    .input(requestEmailChangeInput)
    .use(rateLimited(RATE_LIMITS.emailChangeRequest))
    .output(doneSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.emailChange.request(ctx.viewer.id, input);
      return { ok: true as const };
    }),

  cancelEmailChange: signedInProcedure.output(doneSchema).mutation(async ({ ctx }) => {
    await ctx.services.emailChange.cancel(ctx.viewer.id);
    return { ok: true as const };
  }),

  // Public: the link is opened wherever the mail is read. A browser signed in to the account stays signed in.
  confirmEmailChange: publicProcedure
    .input(confirmEmailChangeInput)
    .output(doneSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.emailChange.confirm(input.token, ctx.viewer ? ctx.cookie.read() : undefined);
      return { ok: true as const };
    }),
});
