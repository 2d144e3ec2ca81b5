import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';

/**
 * The platform's own bank account, read in one place by libs/billing (where advertisers pay) and
 * libs/payouts (the debtor of every pain.001 file), so both always name the same account.
 */
export interface PlatformAccount {
  /** Electronic format. */
  iban: string;
  /** Null when not set: SEPA payments need only the IBAN, and pain.001.001.03 then says `NOTPROVIDED`. */
  bic: string | null;
  /** As the bank holds it; SEPA allows 70 characters. */
  accountName: string;
}

// The example account of the IBAN standard: a real installation sets its own (README, settings).
export const EXAMPLE_PLATFORM_ACCOUNT: PlatformAccount = { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', accountName: 'DataDividend B.V.' };

export const platformAccountEnvSchema = z.object({
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
  PLATFORM_ACCOUNT_NAME: z.string().trim().min(1).max(70).optional(),
});

type PlatformAccountEnv = z.output<typeof platformAccountEnvSchema>;

/** Unset in production is an error: advertisers would be told to pay into, and payouts drawn on, the example account. */
export const PLATFORM_ACCOUNT_REQUIRED_IN_PRODUCTION = ['PLATFORM_IBAN', 'PLATFORM_ACCOUNT_NAME'] as const;

/**
 * The account from parsed variables. The BIC is optional everywhere (since 2016 a SEPA transfer
 * needs only the IBAN); with PLATFORM_IBAN set, the example's BIC is never borrowed, since it would
 * not belong to that IBAN: the BIC is then what PLATFORM_BIC says, or none.
 */
export function platformAccountFrom(e: PlatformAccountEnv): PlatformAccount {
  return {
    iban: e.PLATFORM_IBAN ?? EXAMPLE_PLATFORM_ACCOUNT.iban,
    bic: e.PLATFORM_BIC ?? (e.PLATFORM_IBAN === undefined ? EXAMPLE_PLATFORM_ACCOUNT.bic : null),
    accountName: e.PLATFORM_ACCOUNT_NAME ?? EXAMPLE_PLATFORM_ACCOUNT.accountName,
  };
}
