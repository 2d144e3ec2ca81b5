import { z } from 'zod';
import { localisedTextSchema, optionDtoSchema, purposeSchema, type PurposeCode } from './reference.schema';
import type { AudienceEstimate } from './segment.schema';

/**
 * What the segment builder may offer beyond the general reference data: the age bands a segment
 * may use (never minors), household bands, the municipalities a customer's features can hold
 * (grouped by province) and what each spend band means in euros per month.
 */
export const spendBandDtoSchema = z.strictObject({
  band: z.number().int(),
  /** Lower bound per month in cents, inclusive; null for band 1, which is "something, but under `toCents`". */
  fromCents: z.number().int().nullable(),
  /** Upper bound per month in cents, exclusive; null for the highest band. */
  toCents: z.number().int().nullable(),
});
export type SpendBandDto = z.infer<typeof spendBandDtoSchema>;

export const municipalityGroupDtoSchema = z.strictObject({ province: z.string(), municipalities: z.array(z.string()) });
export type MunicipalityGroupDto = z.infer<typeof municipalityGroupDtoSchema>;

export const segmentOptionsSchema = z.strictObject({
  ageBands: z.array(optionDtoSchema),
  householdBands: z.array(optionDtoSchema),
  municipalities: z.array(municipalityGroupDtoSchema),
  spendBands: z.array(spendBandDtoSchema),
});
export type SegmentOptions = z.infer<typeof segmentOptionsSchema>;

/** The two products and the purpose each is bought for (an insight report is statistics, a campaign reaches inboxes). */
export const productSchema = z.enum(['insight_report', 'offer_campaign']);
export type ProductCode = z.infer<typeof productSchema>;
export const PRODUCT_PURPOSE: Record<ProductCode, PurposeCode> = { insight_report: 'insights', offer_campaign: 'offers' };

export const productPriceDtoSchema = z.strictObject({
  product: productSchema,
  purpose: purposeSchema,
  label: localisedTextSchema,
  /** Integer euro cents per member of the audience. */
  pricePerMemberCents: z.number().int().nonnegative(),
});
export type ProductPriceDto = z.infer<typeof productPriceDtoSchema>;

export const productPricesSchema = z.strictObject({ products: z.array(productPriceDtoSchema) });
export type ProductPrices = z.infer<typeof productPricesSchema>;

/**
 * Price = members × price per member (docs/PRODUCT.md, Money), here for an estimate: nothing below
 * the minimum audience (it cannot be bought), otherwise the estimated count times the price.
 */
export function estimatedPriceCents(estimate: AudienceEstimate, pricePerMemberCents: number): number | null {
  return estimate.kind === 'about' ? estimate.value * pricePerMemberCents : null;
}
