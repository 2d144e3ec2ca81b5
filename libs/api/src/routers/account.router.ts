import { changePasswordInput, doneSchema, emailStatusSchema, setLocaleInput, verificationResentSchema } from '@dd/contract';
import { signedInProcedure } from '../procedures';
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
});
