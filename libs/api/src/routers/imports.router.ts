import { z } from 'zod';
import { cleanUploadFileName, STATEMENT_MAX_BYTES, uploadIdInput, uploadSummarySchema } from '@dd/contract';
import { StatementTooLargeError } from '@dd/data-import';
import { customerProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';

/** The statement arrives as multipart form data with one file field, `file`. */
const uploadInput = z.instanceof(FormData).transform(async (form, ctx) => {
  const file = form.get('file');
  if (!(file instanceof Blob)) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: 'validation.fileRequired' });
    return z.NEVER;
  }
  // Before the bytes are read; the same refusal (and reason code) as the service's own check.
  if (file.size > STATEMENT_MAX_BYTES) throw new StatementTooLargeError('bytes');
  // The name is shown back: without control or bidi characters ("maart<RLO>vsc.exe" reads as "maartexe.csv").
  const name = cleanUploadFileName('name' in file && typeof file.name === 'string' ? file.name : '', 'statement');
  return { name, bytes: Buffer.from(await file.arrayBuffer()) };
});

export const importsRouter = router({
  upload: customerProcedure
    .use(rateLimited(RATE_LIMITS.upload))
    .input(uploadInput)
    .output(uploadSummarySchema)
    .mutation(({ ctx, input }) => ctx.services.imports.storeUpload(ctx.viewer.id, input)),

  list: customerProcedure.output(z.array(uploadSummarySchema)).query(({ ctx }) => ctx.services.imports.list(ctx.viewer.id)),

  get: customerProcedure
    .input(uploadIdInput)
    .output(uploadSummarySchema)
    .query(({ ctx, input }) => ctx.services.imports.get(ctx.viewer.id, input.uploadId)),
});
