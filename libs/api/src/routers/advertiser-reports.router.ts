import { reportCsvInput, reportCsvSchema } from '@dd/contract';
import { advertiserProcedure } from '../procedures';
import { router } from '../trpc';

/** What an advertiser can take away from a delivered purchase. */
export const advertiserReportsRouter = router({
  /** A delivered insight report of the advertiser's own organisation as CSV (formula-safe cells). */
  csv: advertiserProcedure
    .input(reportCsvInput)
    .output(reportCsvSchema)
    .query(({ ctx, input }) => ctx.services.purchaseResults.reportCsv(ctx.viewer.organisation?.id, input.id, input.locale)),
});
