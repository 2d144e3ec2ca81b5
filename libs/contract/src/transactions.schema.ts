import { z } from 'zod';

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
});
export type TransactionDto = z.infer<typeof transactionDtoSchema>;

export const listTransactionsInput = z.object({
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  category: z.string().max(40).optional(),
  /** 'YYYY-MM' */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.invalidMonth').optional(),
});
export type ListTransactionsInput = z.input<typeof listTransactionsInput>;

export const transactionPageSchema = z.object({ items: z.array(transactionDtoSchema), nextCursor: z.string().nullable() });

export const recategoriseInput = z.object({
  transactionId: z.number().int().positive(),
  category: z.string().min(1, 'validation.categoryRequired').max(40),
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
