import { z } from 'zod';
import { consentHistoryEntrySchema, consentStateSchema, updateConsentInput } from '@dd/contract';
import { customerProcedure } from '../procedures';
import { router } from '../trpc';

export const consentRouter = router({
  get: customerProcedure.output(consentStateSchema).query(({ ctx }) => ctx.services.consent.state(ctx.viewer.id)),

  update: customerProcedure
    .input(updateConsentInput)
    .output(consentStateSchema)
    .mutation(({ ctx, input }) => ctx.services.consent.update(ctx.viewer.id, input)),

  withdrawAll: customerProcedure.output(consentStateSchema).mutation(({ ctx }) => ctx.services.consent.withdrawAll(ctx.viewer.id)),

  history: customerProcedure.output(z.array(consentHistoryEntrySchema)).query(({ ctx }) => ctx.services.consent.history(ctx.viewer.id)),
});
