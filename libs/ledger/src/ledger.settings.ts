import { z } from 'zod';
import { BASIS_POINTS } from './revenue-share';

/** Money settings, with the defaults docs/PRODUCT.md (Money) describes. */
export interface LedgerSettings {
  /** The members' part of every sale in basis points: 7,000 = 70%; the rest is the platform fee. */
  memberShareBp: number;
  /** Members credited per database transaction when a sale is distributed. */
  distributionBatchSize: number;
}

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = {
  memberShareBp: 7_000,
  distributionBatchSize: 5_000,
};

const envSchema = z.object({
  LEDGER_MEMBER_SHARE_BP: z.coerce.number().int().min(0).max(BASIS_POINTS).optional(),
  LEDGER_DISTRIBUTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** Reads the settings from the environment; unset variables keep their defaults. Throws one readable line per bad variable. */
export function ledgerSettingsFromEnv(env: Record<string, string | undefined>): LedgerSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  return {
    memberShareBp: parsed.data.LEDGER_MEMBER_SHARE_BP ?? DEFAULT_LEDGER_SETTINGS.memberShareBp,
    distributionBatchSize: parsed.data.LEDGER_DISTRIBUTION_BATCH_SIZE ?? DEFAULT_LEDGER_SETTINGS.distributionBatchSize,
  };
}
