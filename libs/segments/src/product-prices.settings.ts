import { z } from 'zod';
import { PRODUCT_PURPOSE, type ProductPrices } from '@dd/contract';

/** The price per member of each product, in integer euro cents (docs/PRODUCT.md: price = members × price per member). */
export interface ProductPriceSettings {
  insightReportCents: number;
  offerCampaignCents: number;
}

export const DEFAULT_PRODUCT_PRICES: ProductPriceSettings = { insightReportCents: 2, offerCampaignCents: 15 };

const cents = z.coerce.number().int('must be a whole number of cents').nonnegative('must be 0 or more').max(100_000, 'must be at most 100000 cents');
const envSchema = z.object({
  PRICE_PER_MEMBER_INSIGHT_CENTS: cents.optional(),
  PRICE_PER_MEMBER_OFFER_CENTS: cents.optional(),
});

/** Reads the prices from the environment; unset variables keep their defaults. Throws one readable line per bad variable. */
export function productPricesFromEnv(env: Record<string, string | undefined>): ProductPriceSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  return {
    insightReportCents: parsed.data.PRICE_PER_MEMBER_INSIGHT_CENTS ?? DEFAULT_PRODUCT_PRICES.insightReportCents,
    offerCampaignCents: parsed.data.PRICE_PER_MEMBER_OFFER_CENTS ?? DEFAULT_PRODUCT_PRICES.offerCampaignCents,
  };
}

/** The prices as the API shows them to advertisers, each with the purpose its product is bought for. */
export function productPriceList(settings: ProductPriceSettings): ProductPrices {
  return {
    products: [
      { product: 'insight_report', purpose: PRODUCT_PURPOSE.insight_report, label: { nl: 'Inzichtrapport', en: 'Insight report' }, pricePerMemberCents: settings.insightReportCents },
      { product: 'offer_campaign', purpose: PRODUCT_PURPOSE.offer_campaign, label: { nl: 'Aanbiedingscampagne', en: 'Offer campaign' }, pricePerMemberCents: settings.offerCampaignCents },
    ],
  };
}
