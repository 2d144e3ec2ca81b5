import { ledgerEnvSchema, parseEnv, type EnvSource, type LedgerEnv } from '@dd/config';

/** Money settings, with the defaults docs/PRODUCT.md (Money) describes. */
export interface LedgerSettings {
  /** The members' part of every sale in basis points: 7,000 = 70%; the rest is the platform fee. */
  memberShareBp: number;
  /** Members credited per database transaction when a sale is distributed. */
  distributionBatchSize: number;
}

/** The settings from the parsed LEDGER_* variables (libs/config, settings/ledger.env.ts). */
export function ledgerSettingsFrom(env: LedgerEnv): LedgerSettings {
  return { memberShareBp: env.LEDGER_MEMBER_SHARE_BP, distributionBatchSize: env.LEDGER_DISTRIBUTION_BATCH_SIZE };
}

/** What an empty environment parses to, so the defaults live only in the schema. */
export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = ledgerSettingsFrom(parseEnv(ledgerEnvSchema, {}));

/** Parses the variables and maps them, with the one rule every process uses (empty = unset; one line per bad variable). */
export const ledgerSettingsFromEnv = (env: EnvSource): LedgerSettings => ledgerSettingsFrom(parseEnv(ledgerEnvSchema, env));
