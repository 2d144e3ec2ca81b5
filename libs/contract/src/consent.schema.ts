import { z } from 'zod';
import { purposeSchema } from './reference.schema';
import { singleLine } from './text.schema';

/** A category or industry code as the reference data has them; the service checks it exists. */
const code = singleLine({ min: 1, max: 40, messages: { required: 'validation.codeInvalid', tooLong: 'validation.codeInvalid', hidden: 'validation.codeInvalid' } });

export const consentChangeSchema = z.object({
  category: code,
  purpose: purposeSchema,
  granted: z.boolean(),
  /** ISO date-time; the grant stops counting at that moment. Null or absent: until withdrawn. */
  expiresAt: z.string().datetime({ offset: true, message: 'validation.dateInvalid' }).nullable().optional(),
});
export type ConsentChange = z.infer<typeof consentChangeSchema>;

export const updateConsentInput = z.object({
  changes: z.array(consentChangeSchema).max(200),
  /** The complete list of industries to exclude, when it changes. */
  excludedIndustries: z.array(code).max(100).optional(),
});
export type UpdateConsentInput = z.input<typeof updateConsentInput>;

export const consentCellSchema = z.object({
  category: z.string(),
  purpose: purposeSchema,
  granted: z.boolean(),
  expiresAt: z.string().nullable(),
  /** The grant exists but its end date has passed. */
  expired: z.boolean(),
  recordedAt: z.string().nullable(),
});
export type ConsentCell = z.infer<typeof consentCellSchema>;

export const consentStateSchema = z.object({
  policyVersion: z.string(),
  /** One cell per profile fact and sellable category × purpose, default not granted. */
  cells: z.array(consentCellSchema),
  excludedIndustries: z.array(z.string()),
  canConsent: z.boolean(),
  /** Why consent is not possible: under 18, or the birth year is not known yet. */
  blockedReason: z.enum(['minor', 'birth_year_missing']).nullable(),
});
export type ConsentState = z.infer<typeof consentStateSchema>;

export const consentHistoryEntrySchema = z.object({
  changeId: z.string(),
  recordedAt: z.string(),
  policyVersion: z.string(),
  source: z.string(),
  decisions: z.array(z.object({ category: z.string(), purpose: purposeSchema, granted: z.boolean(), expiresAt: z.string().nullable() })),
  industries: z.array(z.object({ industry: z.string(), excluded: z.boolean() })),
});
export type ConsentHistoryEntry = z.infer<typeof consentHistoryEntrySchema>;
