import { z } from 'zod';
import { nodeEnvShape } from './core.env';
import { EVEN_WITH_BAD_FIELDS, requireInProduction, type IssueSink } from './env-rules';
import { checkPlatformAccount, platformAccountEnvShape, resolvePlatformAccount } from './platform-account.env';

/** Who issues the invoices, and the VAT on top of every sale. Invoices also name the platform account. */
export const billingEnvShape = {
  PLATFORM_NAME: z.string().trim().min(2).max(200).optional(),
  /** Address lines separated by `;`, e.g. "Keizersgracht 100; 1015 AA Amsterdam". */
  PLATFORM_ADDRESS: z
    .string()
    .trim()
    .min(2)
    .max(300)
    .transform((text) => text.split(';').map((line) => line.trim()).filter(Boolean))
    .optional(),
  PLATFORM_KVK: z.string().trim().regex(/^\d{8}$/, 'must be the 8-digit KvK number').optional(),
  PLATFORM_VAT_NUMBER: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'must be a VAT identification number such as NL123456782B01')
    .optional(),
  /** Basis points: 2,100 = 21%, the Dutch standard rate. */
  VAT_RATE_BP: z.coerce.number().int().min(0).max(10_000).default(2_100),
};

// Example seller details for development and tests; production must set its own.
const EXAMPLE_SELLER = { PLATFORM_NAME: 'DataDividend B.V.', PLATFORM_ADDRESS: ['Keizersgracht 100', '1015 AA Amsterdam'], PLATFORM_KVK: '12345678', PLATFORM_VAT_NUMBER: 'NL123456782B01' };

type SellerFields = { NODE_ENV?: unknown; PLATFORM_ACCOUNT_NAME?: string; PLATFORM_NAME?: string; PLATFORM_ADDRESS?: string[]; PLATFORM_KVK?: string; PLATFORM_VAT_NUMBER?: string };

export function checkSeller(env: SellerFields, ctx: IssueSink): void {
  requireInProduction(env, ctx, ['PLATFORM_NAME', 'PLATFORM_ADDRESS', 'PLATFORM_KVK', 'PLATFORM_VAT_NUMBER'], 'printed on every invoice');
}

/** Fills in the example seller where unset; a platform that named its account but not itself is called by the account's name. */
export function resolveSeller(env: SellerFields): { PLATFORM_NAME: string; PLATFORM_ADDRESS: string[]; PLATFORM_KVK: string; PLATFORM_VAT_NUMBER: string } {
  return {
    PLATFORM_NAME: env.PLATFORM_NAME ?? env.PLATFORM_ACCOUNT_NAME ?? EXAMPLE_SELLER.PLATFORM_NAME,
    PLATFORM_ADDRESS: env.PLATFORM_ADDRESS ?? [...EXAMPLE_SELLER.PLATFORM_ADDRESS],
    PLATFORM_KVK: env.PLATFORM_KVK ?? EXAMPLE_SELLER.PLATFORM_KVK,
    PLATFORM_VAT_NUMBER: env.PLATFORM_VAT_NUMBER ?? EXAMPLE_SELLER.PLATFORM_VAT_NUMBER,
  };
}

/** Billing reads the platform account too: the account advertisers pay into. */
export const billingEnvSchema = z
  .object({ ...nodeEnvShape, ...platformAccountEnvShape, ...billingEnvShape })
  .superRefine((env, ctx) => {
    checkPlatformAccount(env, ctx);
    checkSeller(env, ctx);
  }, EVEN_WITH_BAD_FIELDS)
  .transform((env) => ({ ...env, ...resolvePlatformAccount(env), ...resolveSeller(env) }));
export type BillingEnv = z.output<typeof billingEnvSchema>;
