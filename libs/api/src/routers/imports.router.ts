import { z } from 'zod';
import { uploadIdInput, uploadSummarySchema } from '@dd/contract';
import { customerProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';
import { statementUploadInput, uploadedStatement } from './statement-upload.input';

export const importsRouter = router({
  upload: customerProcedure
    .use(rateLimited(RATE_LIMITS.upload))
    // The file itself, streamed (see statementUploadInput); the service stores it and queues its import.
    .input(statementUploadInput)
    .output(uploadSummarySchema)
    .mutation(({ ctx, input }) => ctx.services.imports.storeUpload(ctx.viewer.id, uploadedStatement(input, ctx.request.uploadName, 'statement'))),

  list: customerProcedure.output(z.array(uploadSummarySchema)).query(({ ctx }) => ctx.services.imports.list(ctx.viewer.id)),

  get: customerProcedure
    .input(uploadIdInput)
    .output(uploadSummarySchema)
    .query(({ ctx, input }) => ctx.services.imports.get(ctx.viewer.id, input.uploadId)),
});
