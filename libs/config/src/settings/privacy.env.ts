import { z } from 'zod';

/** Epsilons are kept in millionths so the privacy ledger adds integers; a setting must be a whole number of them. */
export const MICRO = 1_000_000;

const EPSILON = /^(\d{1,6})(?:\.(\d{1,6}))?$/;

/** An epsilon's text in millionths, exactly (no binary floating point on the way), or what is wrong with it. */
function readEpsilonMicro(text: string): number | string {
  const match = EPSILON.exec(text.trim());
  if (!match) return `must be a positive decimal with at most six decimals, such as 0.25 (got "${text}")`;
  const micro = Number(match[1]) * MICRO + Number((match[2] ?? '').padEnd(6, '0'));
  return micro > 0 ? micro : 'must be greater than 0';
}

/** "0.25" → 250000; "0", "1e-3" and "0.0000001" are refused with the setting's name. */
export function parseEpsilonMicro(text: string, name: string): number {
  const micro = readEpsilonMicro(text);
  if (typeof micro === 'string') throw new RangeError(`${name} ${micro}.`);
  return micro;
}

/** An epsilon variable; its default is written as the operator would write it, and parsed the same way. */
const epsilon = (fallback: string) =>
  z
    .string()
    .transform((text, ctx) => {
      const micro = readEpsilonMicro(text);
      if (typeof micro === 'number') return micro;
      ctx.addIssue({ code: 'custom', message: micro });
      return z.NEVER;
    })
    .prefault(fallback);

const positiveInt = z.coerce.number().int().positive();

/** The privacy parameters (docs/PRIVACY.md); the API and the worker read the same ones. */
export const privacyEnvShape = {
  PRIVACY_MIN_AUDIENCE: positiveInt.default(100),
  // Estimates are charged per new question to a monthly estimate budget (docs/PRIVACY.md, The accountant).
  PRIVACY_ESTIMATE_EPSILON: epsilon('0.02'),
  PRIVACY_ESTIMATE_MONTHLY_EPSILON: epsilon('20'),
  PRIVACY_AUDIENCE_EPSILON: epsilon('0.1'),
  PRIVACY_CAMPAIGN_STAT_EPSILON: epsilon('0.1'),
  PRIVACY_TABLE_EPSILON: epsilon('0.25'),
  PRIVACY_CELL_THRESHOLD: positiveInt.default(20),
  PRIVACY_ADVERTISER_MONTHLY_EPSILON: epsilon('20'),
  PRIVACY_MEMBER_MONTHLY_EPSILON: epsilon('4'),
  ESTIMATES_PER_MINUTE: positiveInt.default(60),
  ESTIMATE_QUESTIONS_PER_DAY: positiveInt.default(250),
};

export const privacyEnvSchema = z.object(privacyEnvShape);
export type PrivacyEnv = z.output<typeof privacyEnvSchema>;
