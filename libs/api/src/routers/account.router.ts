import { setLocaleInput } from '@dd/contract';
import { signedInProcedure } from '../procedures';
import { router } from '../trpc';

export const accountRouter = router({
  setLocale: signedInProcedure.input(setLocaleInput).mutation(async ({ ctx, input }) => {
    await ctx.services.accounts.setLocale(ctx.viewer.id, input.locale);
    return { locale: input.locale };
  }),
});
