import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';

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
  /** The account the payouts are paid from: the debtor of every pain.001 file. */
  platformIban: string;
  platformBic: string;
  platformAccountName: string;
}

export const DEFAULT_PAYOUT_SETTINGS: PayoutSettings = {
  minimumCents: 1_000,
  minAccountAgeDays: 30,
  monthlyCapCents: 25_000,
  holdingDays: 7,
  // The example account of the IBAN standard: a real installation sets its own (README, settings).
  platformIban: 'NL91ABNA0417164300',
  platformBic: 'ABNANL2A',
  platformAccountName: 'DataDividend B.V.',
};

const cents = z.coerce.number().int().min(0).max(100_000_000);
const iban = z.string().transform((text, ctx) => {
  const electronic = electronicFormatIBAN(text) ?? '';
  if (!isValidIBAN(electronic)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a valid IBAN (check digits or length are wrong).` });
    return z.NEVER;
  }
  return electronic;
});
const bic = z
  .string()
  .transform((text) => text.replace(/\s+/g, '').toUpperCase())
  .refine((text) => isValidBIC(text), 'is not a valid BIC (8 or 11 letters and digits, e.g. ABNANL2A).');

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PAYOUT_MINIMUM_CENTS: cents.refine((n) => n >= 1, 'must be at least 1 cent').optional(),
  PAYOUT_MIN_ACCOUNT_AGE_DAYS: z.coerce.number().int().min(0).max(3_650).optional(),
  PAYOUT_MONTHLY_CAP_CENTS: cents.refine((n) => n >= 1, 'must be at least 1 cent').optional(),
  PAYOUT_HOLDING_DAYS: z.coerce.number().int().min(0).max(365).optional(),
  PLATFORM_IBAN: iban.optional(),
  PLATFORM_BIC: bic.optional(),
  PLATFORM_ACCOUNT_NAME: z.string().trim().min(1).max(70).optional(),
});

/** Reads the settings from the environment; unset variables keep their defaults. Throws one readable line per bad variable. */
export function payoutSettingsFromEnv(env: Record<string, string | undefined>): PayoutSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const e = parsed.data;
  // The debtor of every payout file: the example account must never reach a bank, and a BIC from the
  // defaults would not belong to an IBAN that was set.
  const missing = [
    ...(e.NODE_ENV === 'production' ? (['PLATFORM_IBAN', 'PLATFORM_BIC', 'PLATFORM_ACCOUNT_NAME'] as const).filter((name) => e[name] === undefined) : []),
    ...(e.NODE_ENV !== 'production' && e.PLATFORM_IBAN !== undefined && e.PLATFORM_BIC === undefined ? (['PLATFORM_BIC'] as const) : []),
  ];
  if (missing.length) {
    throw new RangeError(missing.map((name) => `${name}: required${name === 'PLATFORM_BIC' ? ' with PLATFORM_IBAN' : ' in production'} (the debtor account of every payout file)`).join('\n'));
  }
  const settings: PayoutSettings = {
    minimumCents: e.PAYOUT_MINIMUM_CENTS ?? DEFAULT_PAYOUT_SETTINGS.minimumCents,
    minAccountAgeDays: e.PAYOUT_MIN_ACCOUNT_AGE_DAYS ?? DEFAULT_PAYOUT_SETTINGS.minAccountAgeDays,
    monthlyCapCents: e.PAYOUT_MONTHLY_CAP_CENTS ?? DEFAULT_PAYOUT_SETTINGS.monthlyCapCents,
    holdingDays: e.PAYOUT_HOLDING_DAYS ?? DEFAULT_PAYOUT_SETTINGS.holdingDays,
    platformIban: e.PLATFORM_IBAN ?? DEFAULT_PAYOUT_SETTINGS.platformIban,
    platformBic: e.PLATFORM_BIC ?? DEFAULT_PAYOUT_SETTINGS.platformBic,
    platformAccountName: e.PLATFORM_ACCOUNT_NAME ?? DEFAULT_PAYOUT_SETTINGS.platformAccountName,
  };
  if (settings.monthlyCapCents < settings.minimumCents) {
    throw new RangeError(`PAYOUT_MONTHLY_CAP_CENTS (${settings.monthlyCapCents}) is below PAYOUT_MINIMUM_CENTS (${settings.minimumCents}): nobody could ever cash out.`);
  }
  return settings;
}
