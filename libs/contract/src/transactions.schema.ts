import { z } from 'zod';
import { isCalendarDate, singleLine } from './text.schema';

/**
 * The transactions list's position: the last row's booking date and id, `2024-03-15_123`. Checked
 * here, the date on the calendar included, so a tampered or stale cursor is a field error, never a
 * query PostgreSQL refuses (which was a 500).
 */
export const TRANSACTION_CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2})_([1-9]\d{0,14})$/;
export const transactionCursorSchema = z
  .string('validation.cursorInvalid')
  .max(40, 'validation.cursorInvalid')
  .regex(TRANSACTION_CURSOR_PATTERN, { message: 'validation.cursorInvalid', abort: true })
  .refine((cursor) => isCalendarDate(cursor.slice(0, 10)), 'validation.cursorInvalid');

/** A category code of the reference data (the service checks that it exists). */
const categoryCode = (min: number, required: string) =>
  singleLine({ min, max: 40, messages: { required, tooLong: 'validation.categoryUnknown', hidden: 'validation.categoryUnknown' } });

export const transactionDtoSchema = z.object({
  id: z.number().int(),
  bookedOn: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  counterpartyName: z.string(),
  description: z.string(),
  category: z.string(),
  /** 'customer' when the customer corrected it. */
  categorySource: z.enum(['rule', 'customer']),
  special: z.boolean(),
  protectedLifeEvent: z.boolean(),
  /** The bank booked this as the reversal of an earlier entry (Terugboeking); the sign of `amountCents` says which way. */
  reversal: z.boolean(),
});
export type TransactionDto = z.infer<typeof transactionDtoSchema>;

export const listTransactionsInput = z.object({
  /** The `nextCursor` of the previous page. */
  cursor: transactionCursorSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  category: categoryCode(0, 'validation.categoryUnknown').optional(),
  /** 'YYYY-MM' */
  month: z
    .string()
    // Year 0000 does not exist: PostgreSQL refuses its first day.
    .regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, 'validation.invalidMonth')
    .optional(),
});
export type ListTransactionsInput = z.input<typeof listTransactionsInput>;

export const transactionPageSchema = z.object({ items: z.array(transactionDtoSchema), nextCursor: z.string().nullable() });

export const recategoriseInput = z.object({
  transactionId: z.number().int().positive(),
  category: categoryCode(1, 'validation.categoryRequired'),
});

export const spendingInput = z.object({ months: z.number().int().min(1).max(24).default(3) });

/** Spending (money out) per category and per month, for the customer's own charts. */
export const spendingSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  byCategory: z.array(z.object({ category: z.string(), totalCents: z.number().int(), count: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), totalCents: z.number().int() })),
  transactionCount: z.number().int(),
});
export type SpendingSummary = z.infer<typeof spendingSummarySchema>;
