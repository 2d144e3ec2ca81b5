import { advertiserProcedure } from '../procedures';
import { router } from '../trpc';

export const advertiserRouter = router({
  /** The advertiser's own organisation and its verification status. */
  organisation: advertiserProcedure.query(({ ctx }) => ctx.services.overview.organisation(ctx.viewer.organisation?.id)),
});
