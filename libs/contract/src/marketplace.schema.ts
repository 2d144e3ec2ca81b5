import { z } from 'zod';
import { hasMarkup, offerUrlSchema } from './offer-content.schema';
import { purposeSchema } from './reference.schema';
import { audienceEstimateSchema } from './segment.schema';
import { productSchema } from './segment-builder.schema';
import { plainText, singleLine } from './text.schema';

// The marketplace: purchase requests (advertiser), moderation (admin), results (advertiser) and
// the offers inbox (customer). Error messages are i18n keys (namespace "marketplace").

/** The two products (same codes as the builder's productSchema; PRODUCT_PURPOSE there maps each to its consent purpose). */
export const purchaseProductSchema = productSchema;
export type PurchaseProductCode = z.infer<typeof purchaseProductSchema>;

export const purchaseStatusSchema = z.enum(['pending_review', 'approved', 'rejected', 'cancelled', 'fulfilling', 'delivered', 'failed']);
export type PurchaseStatusCode = z.infer<typeof purchaseStatusSchema>;

export const PURCHASE_TITLE_MAX = 120;
export const PURPOSE_STATEMENT_MIN = 20;
export const PURPOSE_STATEMENT_MAX = 1000;
export const OFFER_TITLE_MAX = 80;
export const OFFER_BODY_MAX = 600;
export const OFFER_CODE_MAX = 40;
export const REPORT_BREAKDOWNS_MAX = 6;

const locale = z.enum(['nl', 'en']).default('en');
const id = z.uuid('validation.invalidId');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'marketplace.errors.dateInvalid');

export const offerInputSchema = z
  .object({
    // Plain text only: no control or bidi characters (text.schema) and no markup (hasMarkup); members
    // read it in the portal today, perhaps in an e-mail tomorrow.
    title: singleLine({
      min: 1,
      max: OFFER_TITLE_MAX,
      messages: { required: 'marketplace.errors.offerTitleRequired', tooLong: 'marketplace.errors.offerTitleTooLong', hidden: 'marketplace.errors.offerTitleHiddenCharacters' },
    }).refine((text) => !hasMarkup(text), 'marketplace.errors.offerTitleMarkup'),
    body: plainText({
      min: 1,
      max: OFFER_BODY_MAX,
      messages: { required: 'marketplace.errors.offerBodyRequired', tooLong: 'marketplace.errors.offerBodyTooLong', hidden: 'marketplace.errors.offerBodyHiddenCharacters' },
    }).refine((text) => !hasMarkup(text), 'marketplace.errors.offerBodyMarkup'),
    /** https only, no user name, backslash or hidden characters; stored in canonical form (punycode host). */
    url: offerUrlSchema.optional(),
    code: singleLine({ max: OFFER_CODE_MAX, messages: { tooLong: 'marketplace.errors.offerCodeTooLong', hidden: 'marketplace.errors.offerCodeHiddenCharacters' } })
      .refine((text) => !hasMarkup(text), 'marketplace.errors.offerCodeMarkup')
      .optional(),
    endsOn: isoDate,
  })
  .refine((offer) => Boolean(offer.url) || Boolean(offer.code), { message: 'marketplace.errors.offerLinkOrCode', path: ['url'] });
export type OfferInput = z.input<typeof offerInputSchema>;

const purchaseCommon = {
  title: singleLine({ min: 1, max: PURCHASE_TITLE_MAX, messages: { required: 'marketplace.errors.titleRequired', tooLong: 'marketplace.errors.titleTooLong' } }),
  purposeStatement: plainText({
    min: PURPOSE_STATEMENT_MIN,
    max: PURPOSE_STATEMENT_MAX,
    messages: { required: 'marketplace.errors.purposeTooShort', tooShort: 'marketplace.errors.purposeTooShort', tooLong: 'marketplace.errors.purposeTooLong' },
  }),
  /** Checked by the server's segment validator (translatable problems pinned to the criterion). */
  segment: z.unknown(),
  savedSegmentId: id.optional(),
  locale,
};

/** A purchase request. The consent purpose follows from the product (PRODUCT_PURPOSE). */
export const createPurchaseInput = z.discriminatedUnion('product', [
  z.object({
    product: z.literal('insight_report'),
    ...purchaseCommon,
    /** Breakdown codes: ageBand, province, householdBand, spend:<category>. */
    breakdowns: z.array(singleLine({ min: 1, max: 60 })).min(1, 'marketplace.errors.breakdownsRequired').max(REPORT_BREAKDOWNS_MAX, 'marketplace.errors.breakdownsTooMany'),
  }),
  z.object({ product: z.literal('offer_campaign'), ...purchaseCommon, offer: offerInputSchema }),
]);
export type CreatePurchaseInput = z.input<typeof createPurchaseInput>;
/** What the server receives after parsing (trimmed, defaults applied). */
export type CreatePurchaseRequest = z.output<typeof createPurchaseInput>;

export const purchaseIdInput = z.object({ id });
export const purchaseDetailInput = z.object({ id, locale });
export const listPurchasesInput = z.object({ locale, status: purchaseStatusSchema.optional() });

/** Why fulfilment refused or failed, translatable: code + parameters (e.g. belowMinimum {k}). */
export const purchaseFailureSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const offerDtoSchema = z.object({
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  code: z.string().nullable(),
  endsOn: z.string(),
});
export type OfferDto = z.infer<typeof offerDtoSchema>;

/** What the advertiser sees of a request in the list. Never a person, never an exact small count. */
export const purchaseSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  product: purchaseProductSchema,
  purpose: purposeSchema,
  status: purchaseStatusSchema,
  createdAt: z.string(),
  /** The privacy-safe estimate the reservation was based on. */
  estimate: audienceEstimateSchema,
  reservedCents: z.number().int(),
  /** Net price charged once delivered (excl. VAT), else null. */
  chargedCents: z.number().int().nullable(),
  decisionReason: z.string().nullable(),
  failure: purchaseFailureSchema.nullable(),
});
export type PurchaseSummary = z.infer<typeof purchaseSummarySchema>;

export const reportCellSchema = z.strictObject({
  cell: z.string(),
  /** Noised count, or null where the cell is suppressed (below the threshold). */
  count: z.number().int().nullable(),
});
export const reportTableSchema = z.strictObject({
  breakdown: z.string(),
  epsilon: z.string(),
  threshold: z.number().int(),
  cells: z.array(reportCellSchema),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

/**
 * A campaign's statistics: the audience released when it was delivered, and opened/clicked as of
 * the latest scheduled release (a day after delivery, a week after, at the end). Between releases
 * nothing changes, whatever members do; null before the first release.
 */
export const offerStatsSchema = z.strictObject({
  delivered: audienceEstimateSchema,
  opened: audienceEstimateSchema.nullable(),
  clicked: audienceEstimateSchema.nullable(),
  /** The moment the shown counts were taken (ISO), null before the first release. */
  releasedAt: z.string().nullable(),
  /** The next scheduled release (ISO), null after the last. */
  nextReleaseAt: z.string().nullable(),
});
export type OfferStats = z.infer<typeof offerStatsSchema>;

export const purchaseDetailSchema = purchaseSummarySchema.extend({
  purposeStatement: z.string(),
  /** The segment in plain language, in the requested locale. */
  description: z.string(),
  categories: z.array(z.string()),
  breakdowns: z.array(z.string()),
  offer: offerDtoSchema.nullable(),
  pricePerMemberCents: z.number().int(),
  invoiceId: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  report: z.strictObject({ epsilon: z.string(), tables: z.array(reportTableSchema) }).nullable(),
  offerStats: offerStatsSchema.nullable(),
});
export type PurchaseDetail = z.infer<typeof purchaseDetailSchema>;

// ——— Admin: moderation ———

export const moderationCheckCodeSchema = z.enum([
  'advertiserVerified',
  'noSpecialCategories',
  'audienceAboveMinimum',
  'offerScreened',
  'purposeGiven',
  'balanceReserved',
  'privacyBudgetLeft',
]);
export const moderationCheckSchema = z.object({
  code: moderationCheckCodeSchema,
  passed: z.boolean(),
  /** Values for the translated explanation (e.g. k, the screened words found). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ModerationCheck = z.infer<typeof moderationCheckSchema>;

/**
 * Why the server will not approve a request, whatever the moderator decides: `offerNotApprovable`
 * (the offer touches a special category, asks for personal data or has a link that breaks the link
 * rules), or `privacyBudgetInsufficient` (the organisation's purchase budget this month no longer
 * covers the request's epsilon). The same reason code comes back if approving is tried anyway;
 * rejecting is always possible.
 */
export const approvalBlockCodeSchema = z.enum(['offerNotApprovable', 'privacyBudgetInsufficient']);
export const approvalBlockSchema = z.object({
  code: approvalBlockCodeSchema,
  /** words, topics (codes, comma-separated) and links that caused it, for the translated explanation. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ApprovalBlock = z.infer<typeof approvalBlockSchema>;

export const moderationItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  title: z.string(),
  product: purchaseProductSchema,
  purpose: purposeSchema,
  status: purchaseStatusSchema,
  purposeStatement: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  breakdowns: z.array(z.string()),
  offer: offerDtoSchema.nullable(),
  estimate: audienceEstimateSchema,
  reservedCents: z.number().int(),
  organisation: z.object({ id: z.string(), name: z.string(), status: z.enum(['unverified', 'verified', 'rejected']), industry: z.string().nullable() }),
  history: z.object({ requests: z.number().int(), delivered: z.number().int(), rejected: z.number().int(), cancelled: z.number().int(), failed: z.number().int() }),
  checks: z.array(moderationCheckSchema),
  /** Null when the request can be approved; else the approve button is disabled with this reason. */
  approvalBlocked: approvalBlockSchema.nullable(),
});
export type ModerationItem = z.infer<typeof moderationItemSchema>;

export const moderationQueueInput = z.object({ locale });
export const decidePurchaseInput = z.discriminatedUnion('decision', [
  z.object({ id, decision: z.literal('approve') }),
  z.object({
    id,
    decision: z.literal('reject'),
    reason: plainText({
      min: 10,
      max: 1000,
      messages: { required: 'marketplace.errors.reasonTooShort', tooShort: 'marketplace.errors.reasonTooShort', tooLong: 'marketplace.errors.reasonTooLong' },
    }),
  }),
]);
export type DecidePurchaseInput = z.input<typeof decidePurchaseInput>;
export type DecidePurchaseRequest = z.output<typeof decidePurchaseInput>;
/** The outcome of a decision: the request's new status (approved requests are then fulfilled by a job). */
export const purchaseDecisionSchema = z.strictObject({ id: z.string(), status: purchaseStatusSchema });
export type PurchaseDecision = z.infer<typeof purchaseDecisionSchema>;

// ——— Customer: offers inbox ———

export const inboxOfferSchema = z.object({
  requestId: z.string(),
  advertiser: z.string(),
  /** Why the advertiser bought this campaign, in its own words (plain text): the purpose members were promised they see. */
  purposeStatement: z.string(),
  offer: offerDtoSchema,
  deliveredAt: z.string(),
  openedAt: z.string().nullable(),
  clickedAt: z.string().nullable(),
  /** Past its end date: kept visible, marked as expired. */
  expired: z.boolean(),
});
export type InboxOffer = z.infer<typeof inboxOfferSchema>;
export const inboxActionInput = z.object({ requestId: id });

/** Clicking an offer records the click and returns where to go (null: the offer has a code only). */
export const offerClickResultSchema = z.object({ url: z.string().nullable() });
export const offerDismissResultSchema = z.object({ dismissed: z.literal(true) });

// ——— Advertiser: a delivered insight report as a file ———

export const reportCsvInput = z.object({ id, locale });
export const reportCsvSchema = z.object({ fileName: z.string(), csv: z.string() });
export type ReportCsv = z.infer<typeof reportCsvSchema>;
