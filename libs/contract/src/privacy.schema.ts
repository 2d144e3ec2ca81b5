import { z } from 'zod';
import { purposeSchema } from './reference.schema';
import { singleLine } from './text.schema';

/** One sale the customer's data was part of: the receipt on their timeline. */
export const dataUseReceiptSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  advertiserName: z.string(),
  product: z.enum(['insight_report', 'offer_campaign']),
  purpose: purposeSchema,
  /** The advertiser's purpose in its own words (plain text), as stated when it bought; null for older receipts without one. */
  purposeStatement: z.string().nullable(),
  categories: z.array(z.string()),
  audienceSize: z.number().int(),
  shareCents: z.number().int(),
});
export type DataUseReceipt = z.infer<typeof dataUseReceiptSchema>;

export const EXPORT_RETENTION_DAYS = 7;
/** An export not ready this long after it was asked for is failed, and the customer asks for a new one. */
export const EXPORT_TIME_LIMIT_MINUTES = 15;

export const dataExportSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(['requested', 'building', 'ready', 'failed']),
  requestedAt: z.string(),
  readyAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  /** Where the portal downloads the ZIP (same-origin, session cookie). Null until ready or after expiry. */
  downloadUrl: z.string().nullable(),
  /** Why a failed export failed: it took longer than its time limit, or preparing it failed. Null unless failed. */
  failureReason: z.enum(['exportTimedOut', 'exportFailed']).nullable(),
});
export type DataExportDto = z.infer<typeof dataExportSchema>;

export const eraseAccountInput = z.object({
  /** The customer types their email address to confirm; a slip of the mouse cannot erase an account. */
  confirmEmail: singleLine({ min: 1, max: 254, messages: { required: 'validation.emailRequired', tooLong: 'validation.emailInvalid' } }).transform((v) => v.toLowerCase()),
});
