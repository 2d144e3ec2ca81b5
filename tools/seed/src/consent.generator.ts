import { CONSENT_CATEGORIES, INDUSTRY_CODES, SENSITIVE_INDUSTRIES, certainAge } from '@dd/categories';
import type { Purpose } from '@dd/db';
import { customerNamespace, seededUuid } from './ids';
import type { SeedCustomer } from './population.generator';
import { Prng } from './prng';

/** One consent decision as the consent centre records it (policy version, hash and source are added by the writer). */
export interface SeedConsentDecision {
  changeId: string;
  category: string;
  purpose: Purpose;
  granted: boolean;
  /** ISO timestamp; only for grants with an end date. */
  expiresAt: string | null;
  recordedAt: string;
}

export interface SeedIndustryChoice {
  changeId: string;
  industry: string;
  excluded: boolean;
  recordedAt: string;
}

export interface SeedConsent {
  /** ISO timestamp of the sign-up: the account's `created_at`, and when the sign-up choices were recorded. */
  signedUpAt: string;
  decisions: SeedConsentDecision[];
  exclusions: SeedIndustryChoice[];
}

const DAY_MS = 86_400_000;

/**
 * Per purpose a customer either shares nothing, clicks "allow all", or chooses per category;
 * offers (messages in the inbox) are granted less often than anonymous insights, and people over
 * 65 are more cautious.
 */
const TIERS: Record<Purpose, { none: number; all: number }> = {
  insights: { none: 0.12, all: 0.2 },
  offers: { none: 0.45, all: 0.1 },
};
const CAUTIOUS_OLD = 0.1;
/** Chance of granting a category when choosing per category (insights; offers × OFFERS_FACTOR). */
const GRANT_CHANCE: Record<string, number> = {
  profile_age: 0.9, profile_region: 0.85, profile_household: 0.8, profile_interests: 0.85,
  groceries: 0.85, drugstore: 0.7, fashion: 0.75, dining: 0.75, travel: 0.8, mobility: 0.7, energy: 0.65, home: 0.75,
  electronics: 0.75, leisure: 0.8, telecom: 0.65, subscriptions: 0.7, sport: 0.75, pets: 0.7, kids: 0.55, other: 0.6,
};
const OFFERS_FACTOR = 0.7;
/** Of the grants: with an end date after the seeded window, one that lapsed within it, later withdrawn. */
const ENDS_LATER = 0.07;
const LAPSED = 0.02;
const WITHDRAWN = 0.04;
/** Customers who exclude industries, the chance per industry among them, and later lifting one. */
const EXCLUDERS = 0.11;
const EXCLUDE_CHANCE = { sensitive: 0.15, other: 0.02 };
const LIFTED = 0.05;
const SENSITIVE = new Set<string>(SENSITIVE_INDUSTRIES);
const PURPOSES: readonly Purpose[] = ['insights', 'offers'];

/** Change numbers within one customer: the sign-up choice, later withdrawals, later lifted exclusions. */
const CHANGE = { signUp: 0, withdrawals: 1, lifted: 2 } as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The consent history of one seeded customer, from (seed, customer, window end) alone: everything
 * chosen at sign-up some time in the 18 months before `until`, and a few later changes, all before
 * `until`. Minors at sign-up record nothing, as the consent centre refuses their grants.
 */
export function generateConsent(seed: number | string, customer: SeedCustomer, until: string): SeedConsent {
  const rng = new Prng(seed, 'consent', customer.index);
  const [year, month] = until.split('-').map(Number) as [number, number];
  const end = Date.UTC(year, month - 1, 1);
  const signUp = end - rng.int(1, 540) * DAY_MS + rng.int(7 * 60, 23 * 60) * 60_000;
  const none: SeedConsent = { signedUpAt: iso(signUp), decisions: [], exclusions: [] };
  if (certainAge(customer.birthYear, new Date(signUp)) < 18) return none;

  const change = (n: number) => seededUuid(customerNamespace(seed), 'consent', customer.index * 4 + n);
  /** A later moment before the window ends, or null when the drawn day falls after it. */
  const later = () => {
    const at = signUp + rng.int(1, 300) * DAY_MS + rng.int(0, 12 * 60) * 60_000;
    return at < end ? at : null;
  };
  const old = certainAge(customer.birthYear, new Date(end)) >= 65;
  const decisions: SeedConsentDecision[] = [];
  const withdrawals: Omit<SeedConsentDecision, 'changeId' | 'recordedAt'>[] = [];
  for (const purpose of PURPOSES) {
    const tier = rng.next();
    const { none: noneShare, all } = TIERS[purpose];
    const cautious = old ? CAUTIOUS_OLD : 0;
    if (tier < noneShare + cautious) continue;
    const everything = tier < noneShare + cautious + all;
    for (const category of CONSENT_CATEGORIES) {
      const chance = (GRANT_CHANCE[category] ?? 0.6) * (purpose === 'offers' ? OFFERS_FACTOR : 1);
      // Drawn for every category, granted or not, so one category's choice never shifts another's.
      const [grantDraw, endDraw, withdrawDraw] = [rng.next(), rng.next(), rng.next()];
      if (!everything && grantDraw >= chance) continue;
      let expiresAt: string | null = null;
      if (endDraw < ENDS_LATER) expiresAt = iso(end + rng.int(30, 730) * DAY_MS);
      else if (endDraw < ENDS_LATER + LAPSED) expiresAt = iso(signUp + rng.int(30, 180) * DAY_MS);
      decisions.push({ changeId: change(CHANGE.signUp), category, purpose, granted: true, expiresAt, recordedAt: iso(signUp) });
      if (withdrawDraw < WITHDRAWN) withdrawals.push({ category, purpose, granted: false, expiresAt: null });
    }
  }
  const withdrawnAt = withdrawals.length ? later() : null;
  if (withdrawnAt !== null) {
    for (const w of withdrawals) decisions.push({ ...w, changeId: change(CHANGE.withdrawals), recordedAt: iso(withdrawnAt) });
  }

  const exclusions: SeedIndustryChoice[] = [];
  if (rng.chance(EXCLUDERS)) {
    const lifted: string[] = [];
    for (const industry of INDUSTRY_CODES) {
      const [excludeDraw, liftDraw] = [rng.next(), rng.next()];
      if (excludeDraw >= (SENSITIVE.has(industry) ? EXCLUDE_CHANCE.sensitive : EXCLUDE_CHANCE.other)) continue;
      exclusions.push({ changeId: change(CHANGE.signUp), industry, excluded: true, recordedAt: iso(signUp) });
      if (liftDraw < LIFTED) lifted.push(industry);
    }
    const liftedAt = lifted.length ? later() : null;
    if (liftedAt !== null) {
      for (const industry of lifted) exclusions.push({ changeId: change(CHANGE.lifted), industry, excluded: false, recordedAt: iso(liftedAt) });
    }
  }
  return { signedUpAt: iso(signUp), decisions, exclusions };
}
