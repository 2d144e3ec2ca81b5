import { profileSchema, updateProfileInput } from '@dd/contract';
import { customerProcedure } from '../procedures';
import { router } from '../trpc';

export const profileRouter = router({
  get: customerProcedure.output(profileSchema).query(({ ctx }) => ctx.services.profile.get(ctx.viewer.id)),

  update: customerProcedure
    .input(updateProfileInput)
    .output(profileSchema)
    .mutation(({ ctx, input }) => ctx.services.profile.update(ctx.viewer.id, input)),
});
