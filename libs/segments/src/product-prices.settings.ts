import { parseEnv, productPricesEnvSchema, type EnvSource, type ProductPricesEnv } from '@dd/config';
import { PRODUCT_PURPOSE, type ProductPrices } from '@dd/contract';

/** The price per member of each product, in integer euro cents (docs/PRODUCT.md: price = members × price per member). */
export interface ProductPriceSettings {
  insightReportCents: number;
  offerCampaignCents: number;
}

/** The prices from the parsed PRICE_PER_MEMBER_* variables (libs/config, settings/product-prices.env.ts). */
export function productPricesFrom(env: ProductPricesEnv): ProductPriceSettings {
  return { insightReportCents: env.PRICE_PER_MEMBER_INSIGHT_CENTS, offerCampaignCents: env.PRICE_PER_MEMBER_OFFER_CENTS };
}

/** What an empty environment parses to, so the defaults live only in the schema. */
export const DEFAULT_PRODUCT_PRICES: ProductPriceSettings = productPricesFrom(parseEnv(productPricesEnvSchema, {}));

/** Parses the variables and maps them, with the one rule every process uses (empty = unset; one line per bad variable). */
export const productPricesFromEnv = (env: EnvSource): ProductPriceSettings => productPricesFrom(parseEnv(productPricesEnvSchema, env));

/** The prices as the API shows them to advertisers, each with the purpose its product is bought for. */
export function productPriceList(settings: ProductPriceSettings): ProductPrices {
  return {
    products: [
      { product: 'insight_report', purpose: PRODUCT_PURPOSE.insight_report, label: { nl: 'Inzichtrapport', en: 'Insight report' }, pricePerMemberCents: settings.insightReportCents },
      { product: 'offer_campaign', purpose: PRODUCT_PURPOSE.offer_campaign, label: { nl: 'Aanbiedingscampagne', en: 'Offer campaign' }, pricePerMemberCents: settings.offerCampaignCents },
    ],
  };
}
