import { z } from 'zod';

const cents = z.coerce.number().int('must be a whole number of cents').nonnegative('must be 0 or more').max(100_000, 'must be at most 100000 cents');

/** The price per member of each product, in euro cents (docs/PRODUCT.md: price = members × price per member). */
export const productPricesEnvShape = {
  PRICE_PER_MEMBER_INSIGHT_CENTS: cents.default(2),
  PRICE_PER_MEMBER_OFFER_CENTS: cents.default(15),
};

export const productPricesEnvSchema = z.object(productPricesEnvShape);
export type ProductPricesEnv = z.output<typeof productPricesEnvSchema>;
