import { auditFacetsSchema, auditPageSchema, auditSearchInput } from '@dd/contract';
import { adminProcedure } from '../procedures';
import { router } from '../trpc';

/** The append-only audit log: search with filters, newest first, and the values the filters offer. */
export const adminAuditRouter = router({
  search: adminProcedure
    .input(auditSearchInput)
    .output(auditPageSchema)
    .query(({ ctx, input }) => ctx.services.auditSearch.search(input)),

  facets: adminProcedure.output(auditFacetsSchema).query(({ ctx }) => ctx.services.auditSearch.facets()),
});
