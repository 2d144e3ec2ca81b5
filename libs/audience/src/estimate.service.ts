import type { Db, Purpose } from '@dd/db';
import { DomainError } from '@dd/errors';
import { budgetPeriod, microToRational, noiseKeyMaterial, publishEstimate, type AudienceEstimate, type PrivacySettings } from '@dd/privacy';
import type { RateLimiter } from '@dd/queue';
import { describeSegment, validateSegment, type SegmentLocale } from '@dd/segments';
import type { AudienceEngine } from './audience.engine';
import { estimateQuestionsRepository } from './estimate-questions.repository';
import { loadNoiseSecret } from './noise-secret';

export interface EstimateRequest {
  segment: unknown;
  purpose: Purpose;
}

export interface EstimateAnswer {
  estimate: AudienceEstimate;
  description: string;
  /** The data categories consent must cover; shown so the advertiser knows what they are asking for. */
  categories: string[];
}

/**
 * Live audience estimates for advertisers. Never an exact count: the count is noised with noise
 * keyed to *who* was counted (the member set) and the calendar month, so asking the same question
 * again, or an equivalent one in other words, returns the same answer and averaging gains nothing.
 * Calls are rate-limited per organisation, and distinct questions per day are capped.
 */
export function createEstimateService(deps: {
  db: Db;
  engine: AudienceEngine;
  limiter: RateLimiter;
  settings: PrivacySettings;
  now?: () => Date;
}) {
  const { db, engine, limiter, settings } = deps;
  const now = deps.now ?? (() => new Date());
  let secret: Promise<Buffer> | undefined;

  return {
    async estimate(organisation: { id: string; industry: string | null }, request: EstimateRequest, locale: SegmentLocale = 'en'): Promise<EstimateAnswer> {
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
      const { tree, categories } = validateSegment(request.segment);
      const at = now();
      const { count, memberSetHash } = await engine.question({ tree, categories, purpose: request.purpose, industry: organisation.industry });
      const questionHash = `${request.purpose}:${memberSetHash}`;
      const day = at.toISOString().slice(0, 10);
      // Over the cap only a new question is refused: one already asked today answers again for free.
      if (await estimateQuestionsRepository.recordIfNew(db, organisation.id, day, questionHash)) {
        if ((await estimateQuestionsRepository.countForDay(db, organisation.id, day)) > settings.estimateQuestionsPerDay) {
          await estimateQuestionsRepository.forget(db, organisation.id, day, questionHash);
          throw new DomainError(
            'TOO_MANY_ATTEMPTS',
            `Your organisation has asked ${settings.estimateQuestionsPerDay} different audience questions today, the daily maximum. Questions you already asked still answer; new ones can be asked again tomorrow.`,
            undefined,
            { code: 'estimateDailyLimit', params: { limit: settings.estimateQuestionsPerDay } },
          );
        }
      }
      secret ??= loadNoiseSecret(db);
      const estimate = publishEstimate({
        trueCount: count,
        epsilon: microToRational(settings.estimateEpsilonMicro),
        key: noiseKeyMaterial({ memberSetHash, snapshotId: budgetPeriod(at), purpose: request.purpose }),
        secret: await secret,
        minimumAudience: settings.minimumAudience,
      });
      return { estimate, description: describeSegment(tree, locale), categories };
    },
  };
}

export type EstimateService = ReturnType<typeof createEstimateService>;
