import { z } from 'zod';
import { audienceEstimateSchema } from './segment.schema';
import { purchaseProductSchema, REPORT_BREAKDOWNS_MAX } from './marketplace.schema';
import { singleLine } from './text.schema';

// What an advertiser learns before a purchase: their organisation's privacy budget (their own
// spending) and whether a purchase can succeed, from released noisy values only.

/** One monthly pool of the legal entity: epsilons as decimal strings, the share used for the meter. */
const budgetPool = {
  budget: z.string(),
  used: z.string(),
  left: z.string(),
  usedShare: z.number().min(0).max(1),
};

/** The organisation's privacy budget this month (shared by every account under its KvK number). */
export const privacyBudgetMeterSchema = z.strictObject({
  /** The calendar month charged, UTC ("2026-12"). */
  period: z.string(),
  /** The day both pools start again (the first of next month, UTC), YYYY-MM-DD. */
  resetsOn: z.string(),
  purchases: z.strictObject({
    ...budgetPool,
    /** Insight reports with one table that still fit; each extra table costs more. */
    reportsLeft: z.number().int().min(0),
    /** Offer campaigns with the most statistics releases (three) that still fit. */
    campaignsLeft: z.number().int().min(0),
  }),
  estimates: z.strictObject({
    ...budgetPool,
    /** New estimate questions that still fit; questions asked before answer for free. */
    questionsLeft: z.number().int().min(0),
  }),
});
export type PrivacyBudgetMeter = z.infer<typeof privacyBudgetMeterSchema>;

/** Why a purchase cannot succeed, decided before it is sent (and again when it is sent). */
export const purchaseProblemCodeSchema = z.enum(['purchaseBudgetInsufficient', 'breakdownConsentMissing', 'memberBudgetUsed', 'audienceBelowMinimum']);
export type PurchaseProblemCode = z.infer<typeof purchaseProblemCodeSchema>;

export const purchaseProblemSchema = z.strictObject({
  code: purchaseProblemCodeSchema,
  /** Values for the translated sentence: k, epsilons as strings, the reset day, categories. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PurchaseProblem = z.infer<typeof purchaseProblemSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'marketplace.errors.dateInvalid');

/** The purchase as the form has it so far: enough to know its cost and who it would reach. */
export const purchaseCheckInput = z.object({
  product: purchaseProductSchema,
  segment: z.unknown(),
  breakdowns: z.array(singleLine({ min: 1, max: 60 })).max(REPORT_BREAKDOWNS_MAX, 'marketplace.errors.breakdownsTooMany').default([]),
  /** An offer's last day; the campaign's statistics schedule (and so its cost) depends on it. */
  endsOn: isoDate.optional(),
  locale: z.enum(['nl', 'en']).default('en'),
});
export type PurchaseCheckInput = z.input<typeof purchaseCheckInput>;

export const purchaseCheckSchema = z.strictObject({
  /** Epsilon this purchase costs the organisation's purchase budget (and each member it reaches). */
  cost: z.string(),
  /**
   * The audience a delivery could reach now: consent covering the criteria and a report's
   * breakdowns, members whose month can still pay the cost; a noisy, rounded release.
   */
  audience: audienceEstimateSchema,
  /** Empty when the purchase can be sent. */
  problems: z.array(purchaseProblemSchema),
});
export type PurchaseCheck = z.infer<typeof purchaseCheckSchema>;
