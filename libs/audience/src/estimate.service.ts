import type { Db, Purpose } from '@dd/db';
import { DomainError } from '@dd/errors';
import {
  budgetPeriod,
  createPrivacyAccountant,
  formatEpsilonMicro,
  hashMemberSet,
  noisyCountOf,
  presentEstimate,
  type AudienceEstimate,
  type PrivacyAccountant,
  type PrivacySettings,
} from '@dd/privacy';
import type { RateLimiter } from '@dd/queue';
import type { SegmentLocale } from '@dd/segments';
import type { AudienceEngine } from './audience.engine';
import type { AudienceQuery } from './member-state';
import { createReleasedAnswers } from './released-answers.memo';
import { createSegmentQuestionMemo } from './segment-question.memo';

export interface EstimateRequest {
  segment: unknown;
  purpose: Purpose;
  /** Categories consent must cover besides the criteria's (a report's breakdowns), as the delivery counts them. */
  extraCategories?: readonly string[];
  /**
   * Count only members whose month can still pay this much (a purchase's cost per member), by the
   * rule the delivery charges with. A different question from the builder's, released on its own.
   */
  memberCostMicro?: number;
}

export interface EstimateAnswer {
  estimate: AudienceEstimate;
  description: string;
  /** The data categories consent must cover; shown so the advertiser knows what they are asking for. */
  categories: string[];
}

/** The asking organisation, from the session: its verification and legal entity decide what it may ask. */
export interface EstimateOrganisation {
  id: string;
  industry: string | null;
  status: string;
  kvkNumber: string | null;
}

/** One question as the releaser sees it: its identity (from the query, never the data) and how to count it. */
export interface EstimateQuestion {
  organisation: EstimateOrganisation;
  query: AudienceQuery;
  /** Identifies the question within its month: canonical criteria, purpose and industry. */
  key: string;
  /** The exact count and a digest of who was counted; only ever fed into a release. */
  count: () => Promise<{ count: number; memberSetHash: string }>;
}

export type EstimateRelease = { status: 'released'; noisy: number } | { status: 'refused'; reason: 'budget' | 'cap' | 'unverified' };

/** Turns a question into a released noisy count. Production: the accountant; the attack tests' controls inject the old behaviour. */
export type EstimateReleaser = (question: EstimateQuestion) => Promise<EstimateRelease>;

const DAY_MS = 24 * 3_600_000;

/**
 * The releaser: verified organisations only, each new question of the month charged to the legal
 * entity's estimate budget at the estimate epsilon, at most `estimateQuestionsPerDay` new questions
 * in any 24 hours; a question asked before returns its stored value and costs nothing.
 */
export function accountedEstimates(deps: { db: Db; accountant: PrivacyAccountant; settings: PrivacySettings }): EstimateReleaser {
  const { db, accountant, settings } = deps;
  const released = createReleasedAnswers();
  return async ({ organisation, key, count }) => {
    if (organisation.status !== 'verified') return { status: 'refused', reason: 'unverified' };
    const entity = { organisationId: organisation.id, kvkNumber: organisation.kvkNumber };
    const known = released.get(entity, key);
    if (known !== undefined) return { status: 'released', noisy: known };
    // A repeat reads the stored answer without a transaction: the builder asks the same thing often.
    const asked = await accountant.find<number>(db, entity, 'estimate', key);
    if (asked) {
      released.set(entity, key, asked.value);
      return { status: 'released', noisy: asked.value };
    }
    // Counted before the budget lock is taken: the count reads the change feed on a connection of its own.
    const { count: exact } = await count();
    const outcome = await db.transaction().execute((trx) =>
      accountant.release<number>(trx, {
        entity,
        kind: 'estimate',
        key,
        epsilonMicro: settings.estimateEpsilonMicro,
        cap: { limit: settings.estimateQuestionsPerDay, windowMs: DAY_MS },
        produce: noisyCountOf(exact, settings.estimateEpsilonMicro),
      }),
    );
    if (outcome.status !== 'released') return outcome;
    released.set(entity, key, outcome.release.value);
    return { status: 'released', noisy: outcome.release.value };
  };
}

/**
 * Live audience estimates for advertisers. Never an exact count: each distinct question (canonical
 * criteria, purpose, industry, month) is one release through the privacy accountant, noised and
 * charged once; asking it again, or in a form that canonicalises the same, returns the stored answer.
 * Keying by the question rather than by who was counted matters: a key (or a free repeat) that
 * depended on the member set would answer "are these two sets identical?" exactly.
 */
export function createEstimateService(deps: {
  db: Db;
  engine: AudienceEngine;
  limiter: RateLimiter;
  settings: PrivacySettings;
  accountant?: PrivacyAccountant;
  releaser?: EstimateReleaser;
  now?: () => Date;
}) {
  const { db, engine, limiter, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const accountant = deps.accountant ?? createPrivacyAccountant({ db, settings, now });
  const releaser = deps.releaser ?? accountedEstimates({ db, settings, accountant });
  const segments = createSegmentQuestionMemo();

  /** The exact count of a question, members without budget left out when asked to: only ever fed into a release. */
  async function countOf(query: AudienceQuery, memberCostMicro: number | undefined): Promise<{ count: number; memberSetHash: string }> {
    if (memberCostMicro === undefined) return engine.question(query);
    const without = await accountant.memberNosWithoutBudget(db, memberCostMicro);
    const members = without === 'everyone' ? [] : [...(await engine.memberNumbers(query))].filter((memberNo) => !without.has(memberNo));
    return { count: members.length, memberSetHash: hashMemberSet(members) };
  }

  return {
    async estimate(organisation: EstimateOrganisation, request: EstimateRequest, locale: SegmentLocale = 'en'): Promise<EstimateAnswer> {
      const rate = await limiter.hit(`estimate:${organisation.id}`, settings.estimatesPerMinute, 60_000);
      if (!rate.allowed) {
        const retryAfterSeconds = Math.ceil(rate.retryAfterMs / 1000);
        throw new DomainError(
          'TOO_MANY_ATTEMPTS',
          `Too many estimates in a short time. Try again in ${retryAfterSeconds} seconds.`,
          { retryAfterSeconds },
          { code: 'estimateRateLimited', params: { retryAfterSeconds } },
        );
      }
      const segment = segments.question(request.segment);
      const { tree, categories: criteria } = segment;
      // Only what the criteria do not read already changes the question (and so its key).
      const added = [...new Set(request.extraCategories ?? [])].filter((category) => !criteria.includes(category)).sort();
      const categories = added.length > 0 ? [...criteria, ...added].sort() : criteria;
      const query: AudienceQuery = { tree, categories, purpose: request.purpose, industry: organisation.industry };
      const cost = request.memberCostMicro;
      const variant = `${added.length > 0 ? `:+${added.join(',')}` : ''}${cost !== undefined ? `:m${cost}` : ''}`;
      const key = `${budgetPeriod(now())}:${request.purpose}:${organisation.industry ?? '-'}:${segment.canonicalKey}${variant}`;
      const released = await releaser({ organisation, query, key, count: () => countOf(query, cost) });
      if (released.status === 'refused') throw refusal(released.reason, settings);
      return { estimate: presentEstimate(released.noisy, settings.minimumAudience), description: segment.describe(locale), categories };
    },
  };
}

function refusal(reason: 'budget' | 'cap' | 'unverified', settings: PrivacySettings): DomainError {
  if (reason === 'unverified') {
    return new DomainError(
      'CONFLICT',
      'Your organisation has not been verified yet. Estimates are shown once an administrator has checked your registration details; you can build and save segments meanwhile.',
      undefined,
      { code: 'estimateOrganisationNotVerified', params: {} },
    );
  }
  if (reason === 'budget') {
    const budget = formatEpsilonMicro(settings.estimateMonthlyEpsilonMicro);
    return new DomainError(
      'TOO_MANY_ATTEMPTS',
      `Your organisation has used its estimate budget for this month (epsilon ${budget}). Questions you already asked still answer; new ones can be asked again next month.`,
      undefined,
      { code: 'estimateBudgetSpent', params: { budget } },
    );
  }
  return new DomainError(
    'TOO_MANY_ATTEMPTS',
    `Your organisation has asked ${settings.estimateQuestionsPerDay} different audience questions in the last 24 hours, the maximum. Questions you already asked still answer; new ones can be asked again later.`,
    undefined,
    { code: 'estimateDailyLimit', params: { limit: settings.estimateQuestionsPerDay } },
  );
}

export type EstimateService = ReturnType<typeof createEstimateService>;
