import { z } from 'zod';
import {
  advertiserOptionSchema,
  assignCreditInput,
  bankStatementSchema,
  cleanUploadFileName,
  dismissCreditInput,
  STATEMENT_MAX_BYTES,
  unmatchedCreditSchema,
} from '@dd/contract';
import { StatementTooLargeError } from '@dd/data-import';
import { adminProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';

/** The platform's CAMT.053 statement arrives as multipart form data with one file field, `file` (as customer uploads do). */
const statementInput = z.instanceof(FormData).transform(async (form, ctx) => {
  const file = form.get('file');
  if (!(file instanceof Blob)) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: 'validation.fileRequired' });
    return z.NEVER;
  }
  if (file.size > STATEMENT_MAX_BYTES) throw new StatementTooLargeError('bytes');
  // Shown back to admins: without control or bidi characters, like a customer's upload.
  const name = cleanUploadFileName('name' in file && typeof file.name === 'string' ? file.name : '', 'statement.xml');
  return { name, bytes: Buffer.from(await file.arrayBuffer()) };
});

/** Payments in: the platform's bank statements and the credits that need a person. */
export const adminBillingRouter = router({
  uploadStatement: adminProcedure
    .use(rateLimited(RATE_LIMITS.bankStatementUpload))
    .input(statementInput)
    .output(bankStatementSchema)
    .mutation(({ ctx, input }) => ctx.services.bankStatements.uploadStatement(ctx.viewer, input)),

  /** The platform account whose statements are imported here. */
  account: adminProcedure.output(z.object({ iban: z.string(), accountName: z.string() })).query(({ ctx }) => ctx.services.bankStatements.platformAccount()),

  statements: adminProcedure.output(z.array(bankStatementSchema)).query(({ ctx }) => ctx.services.bankStatements.statements()),

  unmatched: adminProcedure.output(z.array(unmatchedCreditSchema)).query(({ ctx }) => ctx.services.bankStatements.unmatched()),

  advertisers: adminProcedure.output(z.array(advertiserOptionSchema)).query(({ ctx }) => ctx.services.bankStatements.advertisers()),

  assign: adminProcedure
    .input(assignCreditInput)
    .output(z.object({ ledgerTransactionId: z.number().int() }))
    .mutation(({ ctx, input }) => ctx.services.bankStatements.assign(ctx.viewer, input)),

  dismiss: adminProcedure.input(dismissCreditInput).mutation(({ ctx, input }) => ctx.services.bankStatements.dismiss(ctx.viewer, input)),
});
