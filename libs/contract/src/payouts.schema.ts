import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import { plainText, singleLine } from './text.schema';

/**
 * Earnings and payouts: the payout form's rules (the portal shows them inline, the API enforces
 * them), and what the API returns. Messages are i18n keys of the portal.
 */

export type IbanProblem = 'earnings:validation.ibanRequired' | 'earnings:validation.ibanInvalid' | 'earnings:validation.ibanNotSepa';

/**
 * An IBAN as people type it ("nl91 abna 0417 1643 00") in its electronic format ("NL91ABNA0417164300"),
 * checked by ibantools (country, length, BBAN format, check digits) and refused outside the SEPA area,
 * since a SEPA credit transfer cannot reach it.
 */
export function normaliseIban(text: string): { iban: string } | { problem: IbanProblem } {
  if (text.trim() === '') return { problem: 'earnings:validation.ibanRequired' };
  const iban = electronicFormatIBAN(text) ?? '';
  if (!isValidIBAN(iban)) return { problem: 'earnings:validation.ibanInvalid' };
  if (!isSEPACountry(iban.slice(0, 2))) return { problem: 'earnings:validation.ibanNotSepa' };
  return { iban };
}

/** "NL91 ABNA 0417 1643 00": how an IBAN is shown. */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}

export const ibanSchema = z.string().max(64, 'earnings:validation.ibanInvalid').transform((text, ctx) => {
  const result = normaliseIban(text);
  if ('problem' in result) {
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  }
  return result.iban;
});

/** The name on the receiving account, as the bank knows it (SEPA allows 70 characters). */
export const accountHolderSchema = singleLine({
  min: 1,
  max: 70,
  messages: { required: 'earnings:validation.holderRequired', tooLong: 'earnings:validation.holderTooLong' },
})
  // A SEPA file carries Latin letters only: a name must keep at least one after transliteration.
  .refine((name) => name === '' || /[A-Za-z]/.test(name.normalize('NFD')), 'earnings:validation.holderInvalid');

/** "12,50", "12.50", "€ 12" → 1250 cents; null for anything that is not a positive amount with at most two decimals. */
export function parseEuroAmount(text: string): number | null {
  const cleaned = text.replace(/€|eur/gi, '').replace(/\s+/g, '');
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}

export const requestPayoutInput = z.object({
  /** Cents, or everything available (up to this month's cap). */
  amount: z.union(
    [z.literal('all'), z.number().int('earnings:validation.amountInvalid').positive('earnings:validation.amountInvalid').max(100_000_000, 'earnings:validation.amountInvalid')],
    { error: 'earnings:validation.amountInvalid' },
  ),
  iban: ibanSchema,
  accountHolder: accountHolderSchema,
});
export type RequestPayoutInput = z.input<typeof requestPayoutInput>;

export const payoutStatusSchema = z.enum(['in_review', 'approved', 'rejected', 'in_transit', 'paid', 'returned']);
export type PayoutStatus = z.infer<typeof payoutStatusSchema>;

export const earningsSummarySchema = z.object({
  /** Everything ever credited to the member from sales. */
  earnedCents: z.number().int(),
  /** Credited within the holding period: not yet available. */
  pendingCents: z.number().int(),
  /** What a payout can be requested for now. */
  availableCents: z.number().int(),
  /** Requested, waiting for review or a batch, or on its way to the bank. */
  inPayoutCents: z.number().int(),
  paidOutCents: z.number().int(),
  /** Earned per calendar month, oldest first, the last twelve months including this one. */
  monthly: z.array(z.object({ month: z.string(), earnedCents: z.number().int() })),
  /** The rules that apply, so the form can say them before anyone submits. */
  rules: z.object({
    minimumCents: z.number().int(),
    monthlyCapCents: z.number().int(),
    /** Left of this month's cap. */
    capLeftCents: z.number().int(),
    holdingDays: z.number().int(),
    minAccountAgeDays: z.number().int(),
    /** Set while the account is too new for a first payout. */
    eligibleFrom: z.string().nullable(),
  }),
  /** An open request blocks a second one until it is batched or rejected. */
  hasOpenRequest: z.boolean(),
  /** The IBAN and name of the last request, to fill in the form again. */
  lastAccount: z.object({ iban: z.string(), accountHolder: z.string() }).nullable(),
});
export type EarningsSummary = z.infer<typeof earningsSummarySchema>;

export const reviewReasonSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type ReviewReason = z.infer<typeof reviewReasonSchema>;

/**
 * ISO 20022 return reason codes (`RtrInf/Rsn/Cd`) an admin can pick when the bank sent a payout
 * back; a bank statement may carry any other four-character code, which is kept as it is.
 */
export const RETURN_REASON_CODES = ['AC01', 'AC04', 'AC06', 'AG01', 'AM05', 'BE04', 'MD07', 'MS02', 'MS03', 'RC01', 'RR04', 'FOCR'] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

/** Set when the bank returned the payout: the money is available to the member again. */
const returnFields = {
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  returnNote: z.string().nullable(),
};

export const payoutSchema = z.object({
  id: z.string().uuid(),
  amountCents: z.number().int(),
  iban: z.string(),
  accountHolder: z.string(),
  status: payoutStatusSchema,
  requestedAt: z.string(),
  paidAt: z.string().nullable(),
  /** Why it was rejected, when it was. */
  rejectionNote: z.string().nullable(),
  ...returnFields,
});
export type PayoutDto = z.infer<typeof payoutSchema>;

export const adminPayoutRequestSchema = z.object({
  id: z.string().uuid(),
  customerId: z.string().uuid(),
  /** Null once the customer erased their account; the request is still paid. */
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  accountCreatedAt: z.string().nullable(),
  amountCents: z.number().int(),
  iban: z.string(),
  accountHolder: z.string(),
  status: payoutStatusSchema,
  reviewReasons: z.array(reviewReasonSchema),
  /** Other accounts that asked for payouts to the same IBAN. */
  linkedAccounts: z.array(z.object({ customerId: z.string().uuid(), name: z.string().nullable(), erased: z.boolean() })),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  batchId: z.string().uuid().nullable(),
  endToEndId: z.string(),
  ...returnFields,
});
export type AdminPayoutRequest = z.infer<typeof adminPayoutRequestSchema>;

/**
 * Keyset paging: `cursor` is the opaque `nextCursor` of the page before (base64url). Its content is
 * checked where it is read (libs/payouts `decodeCursor`); here only that it can be one.
 */
const pageInput = {
  cursor: z
    .string('validation.cursorInvalid')
    .max(300, 'validation.cursorInvalid')
    .regex(/^[A-Za-z0-9_-]+$/, 'validation.cursorInvalid')
    .nullish(),
  limit: z.number().int().min(1).max(200).optional(),
};

export const payoutRequestFilterSchema = z.enum(['open', 'in_review', 'approved', 'in_transit', 'returned', 'all']);
export type PayoutRequestFilter = z.infer<typeof payoutRequestFilterSchema>;

export const payoutRequestsInput = z.object({ status: payoutRequestFilterSchema.default('open'), ...pageInput }).default({ status: 'open' });

export const adminPayoutRequestsPageSchema = z.object({
  items: z.array(adminPayoutRequestSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
  /** Of the whole filter, not only this page. */
  totalCount: z.number().int(),
  totalCents: z.number().int(),
});
export type AdminPayoutRequestsPage = z.infer<typeof adminPayoutRequestsPageSchema>;

export const returnPayoutInput = z.object({
  requestId: z.string().uuid('validation.invalidId'),
  reasonCode: z.enum(RETURN_REASON_CODES, { error: 'adminPayouts:validation.returnReasonRequired' }),
  note: plainText({ max: 500, messages: { tooLong: 'adminPayouts:validation.noteTooLong' } }).default(''),
});

export const payoutDecisionNoteSchema = plainText({
  min: 3,
  max: 500,
  messages: { required: 'adminPayouts:validation.noteRequired', tooLong: 'adminPayouts:validation.noteTooLong' },
});

export const approvePayoutInput = z.object({ requestId: z.string().uuid('validation.invalidId'), note: payoutDecisionNoteSchema });
export const rejectPayoutInput = z.object({ requestId: z.string().uuid('validation.invalidId'), note: payoutDecisionNoteSchema });

export const createPayoutBatchInput = z
  .object({
    /** Leave out for every approved request. */
    requestIds: z.array(z.string().uuid('validation.invalidId')).min(1).max(10_000).optional(),
  })
  .default({});

export const payoutBatchIdInput = z.object({ batchId: z.string().uuid('validation.invalidId') });

export const payoutBatchesInput = z.object(pageInput).default({});

/** A batch whose payment file is not written this long after the attempt started is marked failed, for the admin to generate again. */
export const BATCH_FILE_TIME_LIMIT_MINUTES = 15;

/** Where the `payouts.batch` job of a generating batch is; null once the file is written. */
export const batchFileJobSchema = z.enum(['queued', 'running', 'failed', 'missing', 'unknown']).nullable();
export type BatchFileJob = z.infer<typeof batchFileJobSchema>;

export const payoutBatchSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(['generating', 'ready', 'paid']),
  msgId: z.string(),
  payoutCount: z.number().int(),
  totalCents: z.number().int(),
  requestedExecutionDate: z.string(),
  createdAt: z.string(),
  fileReadyAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** False when the bank statement showed the payments before anyone confirmed. */
  confirmedByAdmin: z.boolean(),
  /** Same-origin link to the pain.001 XML (admin session cookie); null until the file is ready. */
  downloadUrl: z.string().nullable(),
  fileJob: batchFileJobSchema,
  /** Generating, and its job failed or is not in the queue (for a few minutes): the admin can queue it again. */
  stuck: z.boolean(),
  /** Why the file is not being written (not within its time limit, or its job failed for good), and since when; null otherwise. */
  fileFailure: z.object({ reason: z.enum(['fileTimedOut', 'fileJobFailed']), at: z.string() }).nullable(),
});
export type PayoutBatchDto = z.infer<typeof payoutBatchSchema>;

export const payoutBatchesPageSchema = z.object({ items: z.array(payoutBatchSchema), nextCursor: z.string().nullable() });
