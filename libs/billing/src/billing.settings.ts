import { z } from 'zod';
import { EXAMPLE_PLATFORM_ACCOUNT, PLATFORM_ACCOUNT_REQUIRED_IN_PRODUCTION, platformAccountEnvSchema, platformAccountFrom } from '@dd/payouts';

/** Who issues the invoices: printed on every invoice and copied into it when it is issued. */
export interface SellerDetails {
  name: string;
  /** Street and number, postcode and town, … one line each. */
  addressLines: string[];
  /** Chamber of Commerce (KvK) number, 8 digits. */
  kvkNumber: string;
  /** VAT identification number, e.g. NL123456789B01. */
  vatNumber: string;
}

export interface BillingSettings {
  /** The platform's bank account: advertisers transfer to it, and only its statements are imported. */
  platformIban: string;
  /** The name the account is held in, as the advertiser's bank shows it when they transfer. */
  platformAccountName: string;
  /** Optional (a SEPA transfer needs only the IBAN); the same rule as the payouts' debtor account. */
  platformBic: string | null;
  seller: SellerDetails;
  /** VAT on top of the net price of a sale, in basis points: 2,100 = 21% (the Dutch standard rate). */
  vatRateBp: number;
}

/** Example values for development and tests; production must set its own (billingSettingsFromEnv insists). */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  platformIban: EXAMPLE_PLATFORM_ACCOUNT.iban,
  platformAccountName: EXAMPLE_PLATFORM_ACCOUNT.accountName,
  platformBic: EXAMPLE_PLATFORM_ACCOUNT.bic,
  seller: {
    name: 'DataDividend B.V.',
    addressLines: ['Keizersgracht 100', '1015 AA Amsterdam'],
    kvkNumber: '12345678',
    vatNumber: 'NL123456789B01',
  },
  vatRateBp: 2_100,
};

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  // The platform account is one setting shared with libs/payouts: parsed and defaulted there.
  ...platformAccountEnvSchema.shape,
  PLATFORM_NAME: z.string().trim().min(2).max(200).optional(),
  /** Address lines separated by `;`, e.g. "Keizersgracht 100; 1015 AA Amsterdam". */
  PLATFORM_ADDRESS: z.string().trim().min(2).max(300).optional(),
  PLATFORM_KVK: z.string().trim().regex(/^\d{8}$/, 'must be the 8-digit KvK number').optional(),
  PLATFORM_VAT_NUMBER: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'must be a VAT identification number such as NL123456789B01')
    .optional(),
  VAT_RATE_BP: z.coerce.number().int().min(0).max(10_000).optional(),
});

const REQUIRED_IN_PRODUCTION = [...PLATFORM_ACCOUNT_REQUIRED_IN_PRODUCTION, 'PLATFORM_NAME', 'PLATFORM_ADDRESS', 'PLATFORM_KVK', 'PLATFORM_VAT_NUMBER'] as const;

/**
 * Reads the settings from the environment; unset variables keep the example defaults, except in
 * production, where advertisers would otherwise be told to pay into the example account.
 * Throws one readable line per bad or missing variable.
 */
export function billingSettingsFromEnv(env: Record<string, string | undefined>): BillingSettings {
  // An empty variable counts as unset, as in payoutSettingsFromEnv.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')));
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => e[name] === undefined);
    if (missing.length) throw new RangeError(missing.map((name) => `${name}: required in production (it is printed on invoices or payment instructions)`).join('\n'));
  }
  const defaults = DEFAULT_BILLING_SETTINGS;
  const account = platformAccountFrom(e);
  const accountName = account.accountName;
  return {
    platformIban: account.iban,
    platformAccountName: accountName,
    platformBic: account.bic,
    seller: {
      name: e.PLATFORM_NAME ?? (e.PLATFORM_ACCOUNT_NAME === undefined ? defaults.seller.name : accountName),
      addressLines: e.PLATFORM_ADDRESS ? e.PLATFORM_ADDRESS.split(';').map((line) => line.trim()).filter(Boolean) : defaults.seller.addressLines,
      kvkNumber: e.PLATFORM_KVK ?? defaults.seller.kvkNumber,
      vatNumber: e.PLATFORM_VAT_NUMBER ?? defaults.seller.vatNumber,
    },
    vatRateBp: e.VAT_RATE_BP ?? defaults.vatRateBp,
  };
}
