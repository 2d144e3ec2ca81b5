import { signInInput, signUpAdvertiserInput, signUpCustomerInput } from '@dd/contract';
import { publicProcedure, signedInProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';

// Sign-up is limited per client address before its input is parsed; sign-in is throttled inside
// the sign-in service (per address, account and known device), which also writes the audit log.
const signUpProcedure = publicProcedure.use(rateLimited(RATE_LIMITS.signUp));

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.viewer),

  signUpCustomer: signUpProcedure.input(signUpCustomerInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.signUpCustomer(input, { ip: ctx.request.ip });
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  signUpAdvertiser: signUpProcedure.input(signUpAdvertiserInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.signUpAdvertiser(input, { ip: ctx.request.ip });
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { viewer, session, device } = await ctx.services.auth.signIn(input, { ip: ctx.request.ip, deviceToken: ctx.deviceCookie.read() });
    ctx.cookie.set(session.token, session.expiresAt);
    ctx.deviceCookie.set(device.token, device.expiresAt);
    return viewer;
  }),

  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    await ctx.services.auth.signOut(ctx.cookie.read());
    ctx.cookie.clear();
    return { ok: true as const };
  }),
});
