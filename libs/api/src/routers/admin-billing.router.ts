import { z } from 'zod';
import {
  advertiserOptionSchema,
  assignCreditInput,
  bankStatementSchema,
  dismissCreditInput,
  unmatchedCreditSchema,
} from '@dd/contract';
import { adminProcedure } from '../procedures';
import { RATE_LIMITS, rateLimited } from '../rate-limits';
import { router } from '../trpc';
import { statementUploadInput, uploadedStatement } from './statement-upload.input';

/** Payments in: the platform's bank statements and the credits that need a person. */
export const adminBillingRouter = router({
  uploadStatement: adminProcedure
    .use(rateLimited(RATE_LIMITS.bankStatementUpload))
    // The platform's CAMT.053 statement, streamed like a customer's upload (see statementUploadInput).
    .input(statementUploadInput)
    .output(bankStatementSchema)
    .mutation(({ ctx, input }) => ctx.services.bankStatements.uploadStatement(ctx.viewer, uploadedStatement(input, ctx.request.uploadName, 'statement.xml'))),

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
