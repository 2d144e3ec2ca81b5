import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import { nodeEnvShape } from './core.env';
import { EVEN_WITH_BAD_FIELDS, requireInProduction, type IssueSink } from './env-rules';

/**
 * The platform's own bank account: where advertisers pay (billing) and the debtor of every payout
 * file (payouts). One group of variables, so both always name the same account.
 */
export const platformAccountEnvShape = {
  PLATFORM_IBAN: z
    .string()
    .transform((text) => electronicFormatIBAN(text) ?? '')
    .refine((text) => isValidIBAN(text), 'is not a valid IBAN (check digits or length are wrong)')
    .optional(),
  PLATFORM_BIC: z
    .string()
    .transform((text) => text.replace(/\s+/g, '').toUpperCase())
    .refine((text) => isValidBIC(text), 'is not a valid BIC (8 or 11 letters and digits, e.g. ABNANL2A)')
    .optional(),
  /** As the bank holds it; SEPA allows 70 characters. */
  PLATFORM_ACCOUNT_NAME: z.string().trim().min(1).max(70).optional(),
};

// The example account of the IBAN standard: fine on a laptop, refused in production.
const EXAMPLE_ACCOUNT = { PLATFORM_IBAN: 'NL91ABNA0417164300', PLATFORM_BIC: 'ABNANL2A', PLATFORM_ACCOUNT_NAME: 'DataDividend B.V.' } as const;

type AccountFields = { NODE_ENV?: unknown; PLATFORM_IBAN?: string; PLATFORM_BIC?: string; PLATFORM_ACCOUNT_NAME?: string };

export function checkPlatformAccount(env: AccountFields, ctx: IssueSink): void {
  requireInProduction(env, ctx, ['PLATFORM_IBAN', 'PLATFORM_ACCOUNT_NAME'], 'advertisers would pay into, and payouts be drawn on, the example account');
}

/**
 * Fills in the example account where unset. The BIC is optional (a SEPA transfer needs only the
 * IBAN): with PLATFORM_IBAN set the example's BIC is never borrowed, since it would not belong to
 * that IBAN; the BIC is then what PLATFORM_BIC says, or none.
 */
export function resolvePlatformAccount(env: AccountFields): { PLATFORM_IBAN: string; PLATFORM_BIC: string | null; PLATFORM_ACCOUNT_NAME: string } {
  return {
    PLATFORM_IBAN: env.PLATFORM_IBAN ?? EXAMPLE_ACCOUNT.PLATFORM_IBAN,
    PLATFORM_BIC: env.PLATFORM_BIC ?? (env.PLATFORM_IBAN === undefined ? EXAMPLE_ACCOUNT.PLATFORM_BIC : null),
    PLATFORM_ACCOUNT_NAME: env.PLATFORM_ACCOUNT_NAME ?? EXAMPLE_ACCOUNT.PLATFORM_ACCOUNT_NAME,
  };
}

export const platformAccountEnvSchema = z
  .object({ ...nodeEnvShape, ...platformAccountEnvShape })
  .superRefine(checkPlatformAccount, EVEN_WITH_BAD_FIELDS)
  .transform((env) => ({ ...env, ...resolvePlatformAccount(env) }));
export type PlatformAccountEnv = z.output<typeof platformAccountEnvSchema>;
