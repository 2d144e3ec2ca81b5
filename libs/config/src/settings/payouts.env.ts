import { z } from 'zod';
import { nodeEnvShape } from './core.env';
import { EVEN_WITH_BAD_FIELDS, type IssueSink } from './env-rules';
import { checkPlatformAccount, platformAccountEnvShape, resolvePlatformAccount } from './platform-account.env';

const cents = z.coerce.number().int().min(1, 'must be at least 1 cent').max(100_000_000);

/** Payout rules (docs/ARCHITECTURE.md, Money). Payout files also name the platform account as debtor. */
export const payoutsEnvShape = {
  PAYOUT_MINIMUM_CENTS: cents.default(1_000),
  PAYOUT_MIN_ACCOUNT_AGE_DAYS: z.coerce.number().int().min(0).max(3_650).default(30),
  /** Per calendar month (Europe/Amsterdam). */
  PAYOUT_MONTHLY_CAP_CENTS: cents.default(25_000),
  PAYOUT_HOLDING_DAYS: z.coerce.number().int().min(0).max(365).default(7),
};

type PayoutLimits = { PAYOUT_MINIMUM_CENTS?: unknown; PAYOUT_MONTHLY_CAP_CENTS?: unknown };

/** A cap below the minimum means nobody could ever cash out. */
export function checkPayoutLimits(env: PayoutLimits, ctx: IssueSink): void {
  const { PAYOUT_MINIMUM_CENTS: minimum, PAYOUT_MONTHLY_CAP_CENTS: cap } = env;
  if (typeof minimum !== 'number' || typeof cap !== 'number' || !Number.isFinite(minimum) || !Number.isFinite(cap)) return;
  if (cap < minimum) {
    ctx.addIssue({ code: 'custom', path: ['PAYOUT_MONTHLY_CAP_CENTS'], message: `${cap} is below PAYOUT_MINIMUM_CENTS (${minimum}): nobody could ever cash out` });
  }
}

export const payoutsEnvSchema = z
  .object({ ...nodeEnvShape, ...payoutsEnvShape, ...platformAccountEnvShape })
  .superRefine((env, ctx) => {
    checkPayoutLimits(env, ctx);
    checkPlatformAccount(env, ctx);
  }, EVEN_WITH_BAD_FIELDS)
  .transform((env) => ({ ...env, ...resolvePlatformAccount(env) }));
export type PayoutsEnv = z.output<typeof payoutsEnvSchema>;
