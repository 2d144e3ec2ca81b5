import { PRODUCT_PURPOSE, type ModerationCheck, type PurchaseProductCode } from '@dd/contract';
import type { ScreeningResult } from './offer-screening';

/** A purpose statement says something when it has at least this many different words. */
export const PURPOSE_MIN_WORDS = 4;

/** Everything the automatic checks look at, gathered by the moderation service. */
export interface CheckFacts {
  organisationStatus: string;
  /** The first problem of the stored segment or breakdowns (a special category, say), or null when it still validates. */
  segmentProblem: { kind: string; subject: string } | null;
  minimumAudience: number;
  /**
   * The estimate released to the advertiser when the request was made (the reservation's), null
   * when the stored segment no longer validates. Never a fresh count: what the moderator decides on,
   * the advertiser learns from the decision.
   */
  releasedEstimate: number | null;
  product: PurchaseProductCode;
  purpose: string;
  purposeStatement: string;
  /** Null for a report: there is no offer text to screen. */
  screening: ScreeningResult | null;
  /** What the reservation transaction moved, null when there is none. */
  reservedInLedgerCents: number | null;
  reservedCents: number;
  /** The organisation's purchase budget now against the request's epsilon: its own spending, not about members. */
  privacyBudget: { fits: boolean; needed: string; left: string; resetsOn: string };
}

/** Different words of two or more letters: "xxxxxxxxxxxxxxxxxxxx" fills the length but says nothing. */
export function statementWords(statement: string): number {
  const words = statement.toLowerCase().match(/[\p{L}]{2,}/gu) ?? [];
  return new Set(words).size;
}

/** The checks in a fixed order, each with the values its translated explanation needs. */
export function moderationChecks(facts: CheckFacts): ModerationCheck[] {
  const k = facts.minimumAudience;
  const words = statementWords(facts.purposeStatement);
  const screening = facts.screening;
  return [
    { code: 'advertiserVerified', passed: facts.organisationStatus === 'verified', params: { status: facts.organisationStatus } },
    {
      code: 'noSpecialCategories',
      passed: facts.segmentProblem === null,
      params: facts.segmentProblem ? { kind: facts.segmentProblem.kind, subject: facts.segmentProblem.subject } : {},
    },
    {
      code: 'audienceAboveMinimum',
      // The released estimate, noisy and rounded: the moderator never sees an exact count either.
      passed: facts.releasedEstimate !== null && facts.releasedEstimate >= k,
      params: facts.releasedEstimate !== null ? { k, estimate: facts.releasedEstimate } : { k },
    },
    // A report has no text a member reads, so there is nothing to screen and no check to show.
    ...(screening
      ? [{ code: 'offerScreened' as const, passed: screening.passed, params: { words: screening.words.join(', '), topics: screening.topics.join(', '), links: screening.insecureLinks.join(' ') } }]
      : []),
    {
      code: 'purposeGiven',
      passed: facts.purpose === PRODUCT_PURPOSE[facts.product] && words >= PURPOSE_MIN_WORDS,
      params: { purpose: facts.purpose, words, minWords: PURPOSE_MIN_WORDS },
    },
    {
      code: 'balanceReserved',
      passed: facts.reservedInLedgerCents !== null && facts.reservedInLedgerCents === facts.reservedCents,
      params: { reservedCents: facts.reservedCents, ledgerCents: facts.reservedInLedgerCents ?? 0 },
    },
    {
      // Fulfilment would refuse on the budget; approving is refused for the same reason (approvalBlocked).
      code: 'privacyBudgetLeft',
      passed: facts.privacyBudget.fits,
      params: { needed: facts.privacyBudget.needed, left: facts.privacyBudget.left, resetsOn: facts.privacyBudget.resetsOn },
    },
  ];
}
