import {
  checkPasswordResetInput,
  doneSchema,
  resetLinkStatusSchema,
  requestPasswordResetInput,
  resetPasswordInput,
  signInInput,
  signUpAdvertiserInput,
  signUpCustomerInput,
  recoveryCodesSchema,
  twoFactorCodeInput,
  twoFactorTokenInput,
  verifyEmailInput,
} from '@dd/contract';
import { publicProcedure, signedInProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';

// Sign-up is limited per client address before its input is parsed; sign-in is throttled inside
// the sign-in service (per address, account and known device), which also writes the audit log.
const signUpProcedure = publicProcedure.use(rateLimited(RATE_LIMITS.signUp));

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.viewer),

  signUpCustomer: signUpProcedure.input(signUpCustomerInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.signUpCustomer(input, { ip: ctx.request.ip, userAgent: ctx.request.userAgent });
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  signUpAdvertiser: signUpProcedure.input(signUpAdvertiserInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.signUpAdvertiser(input, { ip: ctx.request.ip, userAgent: ctx.request.userAgent });
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  // A customer or advertiser gets a session and their viewer; an admin gets the second step instead
  // (a challenge with `secondStep`), and the session only from one of the twoFactor procedures below.
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const outcome = await ctx.services.auth.signIn(input, { ip: ctx.request.ip, deviceToken: ctx.deviceCookie.read(), userAgent: ctx.request.userAgent });
    ctx.deviceCookie.set(outcome.device.token, outcome.device.expiresAt);
    if (outcome.status === 'secondStep') return outcome.challenge;
    ctx.cookie.set(outcome.session.token, outcome.session.expiresAt);
    return outcome.viewer;
  }),

  // The challenge token stands in for the password; wrong codes are throttled per account in the service.
  twoFactorVerify: publicProcedure.input(twoFactorCodeInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.verifyTwoFactor(input.token, input.code, ctx.request.ip, { userAgent: ctx.request.userAgent });
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  twoFactorConfirmSetUp: publicProcedure
    .input(twoFactorCodeInput)
    .output(recoveryCodesSchema)
    .mutation(({ ctx, input }) => ctx.services.twoFactor.confirmSetUp(input.token, input.code, ctx.request.ip)),

  twoFactorFinishSetUp: publicProcedure.input(twoFactorTokenInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.finishTwoFactorSetUp(input.token, ctx.request.ip, { userAgent: ctx.request.userAgent });
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    await ctx.services.auth.signOut(ctx.cookie.read());
    ctx.cookie.clear();
    return { ok: true as const };
  }),

  // Public: the link may be opened in another browser than the one that signed up.
  verifyEmail: publicProcedure.input(verifyEmailInput).output(doneSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.emailVerification.verify(input.token);
    return { ok: true as const };
  }),

  // The same answer for every address; the per-recipient limit keeps one inbox from being flooded.
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .use(rateLimited(RATE_LIMITS.passwordResetRequest))
    .output(doneSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.passwordReset.request(input.email);
      return { ok: true as const };
    }),

  checkPasswordReset: publicProcedure.input(checkPasswordResetInput).output(resetLinkStatusSchema).query(({ ctx, input }) => ctx.services.passwordReset.check(input.token)),

  // Every session of the account ends, this browser's too: the person signs in with the new password.
  resetPassword: publicProcedure
    .use(rateLimited(RATE_LIMITS.passwordReset))
    .input(resetPasswordInput)
    .output(doneSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.passwordReset.complete(input.token, input.password);
      ctx.cookie.clear();
      return { ok: true as const };
    }),
});
