import { checkDelivery, loadNoiseSecret, type AudienceEngine } from '@dd/audience';
import type { SegmentNode } from '@dd/contract';
import type { Db, Purpose } from '@dd/db';
import { budgetPeriod, microToRational, noiseKeyMaterial, publishEstimate, type AudienceEstimate, type PrivacySettings } from '@dd/privacy';

export interface AudienceQuestion {
  tree: SegmentNode;
  /** Every category consent must cover: the criteria's and, for a report, its breakdowns'. */
  categories: readonly string[];
  purpose: Purpose;
  industry: string | null;
}

export interface CurrentAudience {
  estimate: AudienceEstimate;
  /** Whether the differencing defence would refuse the member set delivered now. */
  differencing: boolean;
}

/**
 * The audience of a waiting request as it is now, for the moderator. The count is published exactly
 * like an advertiser's estimate (noise keyed to the member set, the month and the purpose, with the
 * same secret and epsilon; libs/audience estimate.service), so the moderation screen adds no new
 * noisy sample of the same set and never shows an exact count. Unlike the advertiser's estimate it
 * is neither rate-limited nor recorded as a question: asking it is not the advertiser's doing.
 */
export function createModerationAudience(deps: { db: Db; engine: AudienceEngine; settings: PrivacySettings; now?: () => Date }) {
  const { db, engine, settings } = deps;
  const now = deps.now ?? (() => new Date());
  let secret: Promise<Buffer> | undefined;

  return async function currentAudience(question: AudienceQuestion): Promise<CurrentAudience> {
    const query = { tree: question.tree, categories: question.categories, purpose: question.purpose, industry: question.industry };
    const { count, memberSetHash } = await engine.question(query);
    secret ??= loadNoiseSecret(db);
    const estimate = publishEstimate({
      trueCount: count,
      epsilon: microToRational(settings.estimateEpsilonMicro),
      key: noiseKeyMaterial({ memberSetHash, snapshotId: budgetPeriod(now()), purpose: question.purpose }),
      secret: await secret,
      minimumAudience: settings.minimumAudience,
    });
    const refusal = await checkDelivery(db, await engine.memberNumbers(query), settings.minimumAudience);
    return { estimate, differencing: refusal === 'differencing' };
  };
}

export type ModerationAudience = ReturnType<typeof createModerationAudience>;
