import { describe, expect, it } from 'vitest';
import { DEFAULT_PRODUCT_PRICES, productPriceList, productPricesFromEnv } from './product-prices.settings';

describe('product prices', () => {
  it('default to 2 cents per member for an insight report and 15 for an offer campaign', () => {
    expect(productPricesFromEnv({})).toEqual({ insightReportCents: 2, offerCampaignCents: 15 });
    expect(productPricesFromEnv({ PRICE_PER_MEMBER_INSIGHT_CENTS: '' })).toEqual(DEFAULT_PRODUCT_PRICES);
  });

  it('read whole cents from the environment and name every bad variable', () => {
    expect(productPricesFromEnv({ PRICE_PER_MEMBER_INSIGHT_CENTS: '3', PRICE_PER_MEMBER_OFFER_CENTS: '20' })).toEqual({ insightReportCents: 3, offerCampaignCents: 20 });
    expect(() => productPricesFromEnv({ PRICE_PER_MEMBER_INSIGHT_CENTS: '2.5', PRICE_PER_MEMBER_OFFER_CENTS: '-1' })).toThrow(
      /PRICE_PER_MEMBER_INSIGHT_CENTS[\s\S]*PRICE_PER_MEMBER_OFFER_CENTS/,
    );
  });

  it('list each product with the purpose it is bought for', () => {
    expect(productPriceList(DEFAULT_PRODUCT_PRICES).products.map(({ product, purpose, pricePerMemberCents }) => [product, purpose, pricePerMemberCents])).toEqual([
      ['insight_report', 'insights', 2],
      ['offer_campaign', 'offers', 15],
    ]);
  });
});
