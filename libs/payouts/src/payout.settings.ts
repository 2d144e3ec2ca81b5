import { z } from 'zod';
import { EXAMPLE_PLATFORM_ACCOUNT, PLATFORM_ACCOUNT_REQUIRED_IN_PRODUCTION, platformAccountEnvSchema, platformAccountFrom } from './platform-account.settings';

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

export const DEFAULT_PAYOUT_SETTINGS: PayoutSettings = {
  minimumCents: 1_000,
  minAccountAgeDays: 30,
  monthlyCapCents: 25_000,
  holdingDays: 7,
  platformIban: EXAMPLE_PLATFORM_ACCOUNT.iban,
  platformBic: EXAMPLE_PLATFORM_ACCOUNT.bic,
  platformAccountName: EXAMPLE_PLATFORM_ACCOUNT.accountName,
};

const cents = z.coerce.number().int().min(0).max(100_000_000);

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PAYOUT_MINIMUM_CENTS: cents.refine((n) => n >= 1, 'must be at least 1 cent').optional(),
  PAYOUT_MIN_ACCOUNT_AGE_DAYS: z.coerce.number().int().min(0).max(3_650).optional(),
  PAYOUT_MONTHLY_CAP_CENTS: cents.refine((n) => n >= 1, 'must be at least 1 cent').optional(),
  PAYOUT_HOLDING_DAYS: z.coerce.number().int().min(0).max(365).optional(),
  ...platformAccountEnvSchema.shape,
});

/** Reads the settings from the environment; unset variables keep their defaults. Throws one readable line per bad variable. */
export function payoutSettingsFromEnv(env: Record<string, string | undefined>): PayoutSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const e = parsed.data;
  // The debtor of every payout file: the example account must never reach a bank.
  const missing = e.NODE_ENV === 'production' ? PLATFORM_ACCOUNT_REQUIRED_IN_PRODUCTION.filter((name) => e[name] === undefined) : [];
  if (missing.length) {
    throw new RangeError(missing.map((name) => `${name}: required in production (the debtor account of every payout file)`).join('\n'));
  }
  const account = platformAccountFrom(e);
  const settings: PayoutSettings = {
    minimumCents: e.PAYOUT_MINIMUM_CENTS ?? DEFAULT_PAYOUT_SETTINGS.minimumCents,
    minAccountAgeDays: e.PAYOUT_MIN_ACCOUNT_AGE_DAYS ?? DEFAULT_PAYOUT_SETTINGS.minAccountAgeDays,
    monthlyCapCents: e.PAYOUT_MONTHLY_CAP_CENTS ?? DEFAULT_PAYOUT_SETTINGS.monthlyCapCents,
    holdingDays: e.PAYOUT_HOLDING_DAYS ?? DEFAULT_PAYOUT_SETTINGS.holdingDays,
    platformIban: account.iban,
    platformBic: account.bic,
    platformAccountName: account.accountName,
  };
  if (settings.monthlyCapCents < settings.minimumCents) {
    throw new RangeError(`PAYOUT_MONTHLY_CAP_CENTS (${settings.monthlyCapCents}) is below PAYOUT_MINIMUM_CENTS (${settings.minimumCents}): nobody could ever cash out.`);
  }
  return settings;
}
