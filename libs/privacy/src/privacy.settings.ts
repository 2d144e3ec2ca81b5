import { z } from 'zod';
import { rational, type Rational } from './rational';

/** Epsilons are stored in millionths so the ledger adds integers; a setting must be a whole number of them. */
export const MICRO = 1_000_000;

/**
 * The privacy parameters, all settings with the defaults docs/PRIVACY.md explains. Every process
 * (API and worker) reads them from the same environment variables.
 */
export interface PrivacySettings {
  /** k: no estimate shows, and nothing is delivered for, fewer people than this. */
  minimumAudience: number;
  /** Epsilon of one audience estimate (one per distinct member set, since answers repeat). */
  estimateEpsilonMicro: number;
  /** Epsilon of one table in an insight report; a report's epsilon is this times its tables. */
  tableEpsilonMicro: number;
  /** A report cell whose noisy count is below this is shown as suppressed. */
  cellThreshold: number;
  /** Epsilon an advertiser may spend on reports per calendar month. */
  advertiserMonthlyEpsilonMicro: number;
  /** Epsilon that may be spent on one member per calendar month; a member who has used it is left out. */
  memberMonthlyEpsilonMicro: number;
  /** Estimate calls per advertiser per minute. */
  estimatesPerMinute: number;
  /** Distinct estimate questions (member sets) per advertiser per day; repeating one is free. */
  estimateQuestionsPerDay: number;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  minimumAudience: 100,
  estimateEpsilonMicro: 500_000,
  tableEpsilonMicro: 250_000,
  cellThreshold: 20,
  advertiserMonthlyEpsilonMicro: 20_000_000,
  memberMonthlyEpsilonMicro: 4_000_000,
  estimatesPerMinute: 60,
  estimateQuestionsPerDay: 1_000,
};

/** "0.25" → 250000; more than six decimals, or not a positive decimal, is refused with the setting's name. */
export function parseEpsilonMicro(text: string, name: string): number {
  const match = /^(\d{1,6})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`${name} must be a positive decimal with at most six decimals, such as 0.25 (got "${text}").`);
  const micro = Number(match[1]) * MICRO + Number((match[2] ?? '').padEnd(6, '0'));
  if (micro <= 0) throw new RangeError(`${name} must be greater than 0.`);
  return micro;
}

export const microToRational = (micro: number): Rational => rational(micro, MICRO);

export function formatEpsilonMicro(micro: number): string {
  const whole = Math.floor(micro / MICRO);
  const fraction = String(micro % MICRO).padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

const positiveInt = z.coerce.number().int().positive();
const epsilon = (name: string) => z.string().transform((text, ctx) => {
  try {
    return parseEpsilonMicro(text, name);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const envSchema = z.object({
  PRIVACY_MIN_AUDIENCE: positiveInt.optional(),
  PRIVACY_ESTIMATE_EPSILON: epsilon('PRIVACY_ESTIMATE_EPSILON').optional(),
  PRIVACY_TABLE_EPSILON: epsilon('PRIVACY_TABLE_EPSILON').optional(),
  PRIVACY_CELL_THRESHOLD: positiveInt.optional(),
  PRIVACY_ADVERTISER_MONTHLY_EPSILON: epsilon('PRIVACY_ADVERTISER_MONTHLY_EPSILON').optional(),
  PRIVACY_MEMBER_MONTHLY_EPSILON: epsilon('PRIVACY_MEMBER_MONTHLY_EPSILON').optional(),
  ESTIMATES_PER_MINUTE: positiveInt.optional(),
  ESTIMATE_QUESTIONS_PER_DAY: positiveInt.optional(),
});

/** Reads the settings from the environment; unset variables keep their defaults. Throws one readable line per bad variable. */
export function privacySettingsFromEnv(env: Record<string, string | undefined>): PrivacySettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new RangeError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const e = parsed.data;
  return {
    minimumAudience: e.PRIVACY_MIN_AUDIENCE ?? DEFAULT_PRIVACY_SETTINGS.minimumAudience,
    estimateEpsilonMicro: e.PRIVACY_ESTIMATE_EPSILON ?? DEFAULT_PRIVACY_SETTINGS.estimateEpsilonMicro,
    tableEpsilonMicro: e.PRIVACY_TABLE_EPSILON ?? DEFAULT_PRIVACY_SETTINGS.tableEpsilonMicro,
    cellThreshold: e.PRIVACY_CELL_THRESHOLD ?? DEFAULT_PRIVACY_SETTINGS.cellThreshold,
    advertiserMonthlyEpsilonMicro: e.PRIVACY_ADVERTISER_MONTHLY_EPSILON ?? DEFAULT_PRIVACY_SETTINGS.advertiserMonthlyEpsilonMicro,
    memberMonthlyEpsilonMicro: e.PRIVACY_MEMBER_MONTHLY_EPSILON ?? DEFAULT_PRIVACY_SETTINGS.memberMonthlyEpsilonMicro,
    estimatesPerMinute: e.ESTIMATES_PER_MINUTE ?? DEFAULT_PRIVACY_SETTINGS.estimatesPerMinute,
    estimateQuestionsPerDay: e.ESTIMATE_QUESTIONS_PER_DAY ?? DEFAULT_PRIVACY_SETTINGS.estimateQuestionsPerDay,
  };
}

/** The budget period an instant falls in: the calendar month in UTC, "2026-11". */
export function budgetPeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}
