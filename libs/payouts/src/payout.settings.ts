import { parseEnv, payoutsEnvSchema, type EnvSource, type PayoutsEnv } from '@dd/config';
import { platformAccountFrom } from './platform-account.settings';

/** Payout rules and the platform's own bank account, all settings with defaults (docs/ARCHITECTURE.md, Money). */
export interface PayoutSettings {
  /** The smallest payout a member can request, in cents. */
  minimumCents: number;
  /** An account must be this many days old before its first payout. */
  minAccountAgeDays: number;
  /** The most a member can request per calendar month (Europe/Amsterdam), in cents. */
  monthlyCapCents: number;
  /** Earnings stay pending this many days after they were credited before they can be paid out. */
  holdingDays: number;
  /** The account the payouts are paid from: the debtor of every pain.001 file (platform-account.settings.ts). */
  platformIban: string;
  /** Null: the file says `DbtrAgt/FinInstnId/Othr/Id` NOTPROVIDED, as pain.001.001.03 allows. */
  platformBic: string | null;
  platformAccountName: string;
}

/**
 * The settings from the parsed PAYOUT_* and PLATFORM_* variables (libs/config, settings/payouts.env.ts),
 * where the rules across them live too: a cap below the minimum, or the example account in production, refuse start-up.
 */
export function payoutSettingsFrom(env: PayoutsEnv): PayoutSettings {
  const account = platformAccountFrom(env);
  return {
    minimumCents: env.PAYOUT_MINIMUM_CENTS,
    minAccountAgeDays: env.PAYOUT_MIN_ACCOUNT_AGE_DAYS,
    monthlyCapCents: env.PAYOUT_MONTHLY_CAP_CENTS,
    holdingDays: env.PAYOUT_HOLDING_DAYS,
    platformIban: account.iban,
    platformBic: account.bic,
    platformAccountName: account.accountName,
  };
}

/** What an empty environment parses to, so the defaults live only in the schema. */
export const DEFAULT_PAYOUT_SETTINGS: PayoutSettings = payoutSettingsFrom(parseEnv(payoutsEnvSchema, {}));

/** Parses the variables and maps them, with the one rule every process uses (empty = unset; one line per bad variable). */
export const payoutSettingsFromEnv = (env: EnvSource): PayoutSettings => payoutSettingsFrom(parseEnv(payoutsEnvSchema, env));
