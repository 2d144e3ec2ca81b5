import { adminProcedure } from '../procedures';
import { router } from '../trpc';

export const adminRouter = router({
  /** Platform totals for the admin's landing page. */
  overview: adminProcedure.query(({ ctx }) => ctx.services.overview.platform()),
});
