import { signInInput, signUpAdvertiserInput, signUpCustomerInput } from '@dd/contract';
import { publicProcedure, signedInProcedure } from '../procedures';
import { router } from '../trpc';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.viewer),

  signUpCustomer: publicProcedure.input(signUpCustomerInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.signUpCustomer(input);
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  signUpAdvertiser: publicProcedure.input(signUpAdvertiserInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.signUpAdvertiser(input);
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { viewer, session } = await ctx.services.auth.signIn(input);
    ctx.cookie.set(session.token, session.expiresAt);
    return viewer;
  }),

  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    await ctx.services.auth.signOut(ctx.cookie.read());
    ctx.cookie.clear();
    return { ok: true as const };
  }),
});
