import { billingEnvSchema, parseEnv, type BillingEnv, type EnvSource } from '@dd/config';

/** Who issues the invoices: printed on every invoice and copied into it when it is issued. */
export interface SellerDetails {
  name: string;
  /** Street and number, postcode and town, … one line each. */
  addressLines: string[];
  /** Chamber of Commerce (KvK) number, 8 digits. */
  kvkNumber: string;
  /** VAT identification number, e.g. NL123456782B01. */
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

/**
 * The settings from the parsed PLATFORM_* and VAT_RATE_BP variables (libs/config, settings/billing.env.ts).
 * Unset variables get example values there, except in production, where advertisers would otherwise
 * be told to pay into the example account: there they refuse start-up.
 */
export function billingSettingsFrom(env: BillingEnv): BillingSettings {
  return {
    platformIban: env.PLATFORM_IBAN,
    platformAccountName: env.PLATFORM_ACCOUNT_NAME,
    platformBic: env.PLATFORM_BIC,
    seller: { name: env.PLATFORM_NAME, addressLines: env.PLATFORM_ADDRESS, kvkNumber: env.PLATFORM_KVK, vatNumber: env.PLATFORM_VAT_NUMBER },
    vatRateBp: env.VAT_RATE_BP,
  };
}

/** Example values for development and tests: what an empty environment parses to. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = billingSettingsFrom(parseEnv(billingEnvSchema, {}));

/** Parses the variables and maps them, with the one rule every process uses (empty = unset; one line per bad variable). */
export const billingSettingsFromEnv = (env: EnvSource): BillingSettings => billingSettingsFrom(parseEnv(billingEnvSchema, env));
