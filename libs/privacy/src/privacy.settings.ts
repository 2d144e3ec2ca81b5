import { MICRO, parseEnv, parseEpsilonMicro, privacyEnvSchema, type EnvSource, type PrivacyEnv } from '@dd/config';
import { rational, type Rational } from './rational';

// Epsilons are kept in millionths so the ledger adds integers; the variables are parsed into them in libs/config.
export { MICRO, parseEpsilonMicro };

/**
 * The privacy parameters, all settings with the defaults docs/PRIVACY.md explains. Every process
 * (API and worker) reads them from the same environment variables.
 */
export interface PrivacySettings {
  /** k: no estimate shows, and nothing is delivered for, fewer people than this. */
  minimumAudience: number;
  /** Epsilon of one audience estimate: charged once per distinct question per month (a repeat answers the stored value). */
  estimateEpsilonMicro: number;
  /** Epsilon a legal entity (KvK number) may spend on estimates per calendar month: estimateEpsilon × distinct questions. */
  estimateMonthlyEpsilonMicro: number;
  /** Epsilon of the noisy audience a delivery is decided on (k), billed for and reported as delivered. */
  audienceEpsilonMicro: number;
  /** Epsilon of one campaign statistic (opened, clicked) at one scheduled release. */
  campaignStatEpsilonMicro: number;
  /** Epsilon of one table in an insight report; a report's epsilon is this times its tables. */
  tableEpsilonMicro: number;
  /** A report cell whose noisy count is below this is shown as suppressed. */
  cellThreshold: number;
  /** Epsilon a legal entity may spend on purchases (audiences, report tables, campaign statistics) per calendar month. */
  advertiserMonthlyEpsilonMicro: number;
  /** Epsilon that may be spent on one member per calendar month; a member who has used it is left out. */
  memberMonthlyEpsilonMicro: number;
  /** Estimate calls per advertiser per minute. */
  estimatesPerMinute: number;
  /** New estimate questions per legal entity in any 24 hours (rolling); repeating one is free. */
  estimateQuestionsPerDay: number;
}

export const microToRational = (micro: number): Rational => rational(micro, MICRO);

export function formatEpsilonMicro(micro: number): string {
  const whole = Math.floor(micro / MICRO);
  const fraction = String(micro % MICRO).padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The settings from the parsed PRIVACY_* variables (libs/config, settings/privacy.env.ts). */
export function privacySettingsFrom(env: PrivacyEnv): PrivacySettings {
  return {
    minimumAudience: env.PRIVACY_MIN_AUDIENCE,
    estimateEpsilonMicro: env.PRIVACY_ESTIMATE_EPSILON,
    estimateMonthlyEpsilonMicro: env.PRIVACY_ESTIMATE_MONTHLY_EPSILON,
    audienceEpsilonMicro: env.PRIVACY_AUDIENCE_EPSILON,
    campaignStatEpsilonMicro: env.PRIVACY_CAMPAIGN_STAT_EPSILON,
    tableEpsilonMicro: env.PRIVACY_TABLE_EPSILON,
    cellThreshold: env.PRIVACY_CELL_THRESHOLD,
    advertiserMonthlyEpsilonMicro: env.PRIVACY_ADVERTISER_MONTHLY_EPSILON,
    memberMonthlyEpsilonMicro: env.PRIVACY_MEMBER_MONTHLY_EPSILON,
    estimatesPerMinute: env.ESTIMATES_PER_MINUTE,
    estimateQuestionsPerDay: env.ESTIMATE_QUESTIONS_PER_DAY,
  };
}

/** The documented defaults: what an empty environment parses to, so there is no second copy of a value. */
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = privacySettingsFrom(parseEnv(privacyEnvSchema, {}));

/** Parses the variables and maps them, with the one rule every process uses (empty = unset; one line per bad variable). */
export const privacySettingsFromEnv = (env: EnvSource): PrivacySettings => privacySettingsFrom(parseEnv(privacyEnvSchema, env));

/** The budget period an instant falls in: the calendar month in UTC, "2026-11". */
export function budgetPeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** When the budget period an instant falls in ends and the next one starts: the first of next month, 00:00 UTC. */
export function nextBudgetPeriodStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/**
 * What one insight report costs, both the legal entity and each member delivered to: its audience
 * release plus one release per table. Fulfilment charges it, and the purchase prediction checks it.
 */
export function reportCostMicro(tables: number, settings: Pick<PrivacySettings, 'audienceEpsilonMicro' | 'tableEpsilonMicro'>): number {
  return settings.audienceEpsilonMicro + tables * settings.tableEpsilonMicro;
}
