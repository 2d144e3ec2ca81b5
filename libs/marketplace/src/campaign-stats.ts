import type { OfferStats } from '@dd/contract';
import type { Db } from '@dd/db';
import { microToRational, noisyCount, presentEstimate, type PrivacyAccountant, type PrivacySettings } from '@dd/privacy';
import { METRICS_PER_RELEASE } from './campaign-schedule';

type Counts = { delivered: number; opened: number; clicked: number };

export interface OfferStatsInput {
  request: { id: string; organisationId: string; kvkNumber: string | null; title: string };
  /** Exact counts of what happened before `before`: only ever used inside a release. */
  counts: (before?: Date) => Promise<Counts>;
}

/** How a campaign's statistics are published. Production: the schedule below; the polling attack's control injects the old per-read noise. */
export type OfferStatsPolicy = (input: OfferStatsInput) => Promise<OfferStats>;

interface NoisyStats {
  opened: number;
  clicked: number;
}

/**
 * Campaign statistics on a schedule. "Delivered" is the audience released at delivery (no new
 * release). Opened and clicked are released once per checkpoint of the schedule paid at delivery
 * (campaign-schedule.ts): the first read after a checkpoint releases the counts of everything that
 * happened before it, with noise keyed to (campaign, checkpoint) by the accountant, never to the
 * count; every later read shows that stored release. Polling therefore sees at most one new value
 * per checkpoint, whatever members do in between, and each of those values was paid for.
 */
export function scheduledOfferStats(deps: { db: Db; accountant: PrivacyAccountant; settings: PrivacySettings; now: () => Date }): OfferStatsPolicy {
  const { db, accountant, settings, now } = deps;
  return async ({ request, counts }) => {
    const key = `purchase:${request.id}`;
    const entity = { organisationId: request.organisationId, kvkNumber: request.kvkNumber };
    const [audience, schedule] = await Promise.all([
      accountant.findByKey<number>(db, 'audience', key),
      accountant.findByKey<{ checkpoints: string[] }>(db, 'campaign_schedule', key),
    ]);
    const delivered = presentEstimate(audience?.value ?? 0, settings.minimumAudience);
    const checkpoints = schedule?.value.checkpoints ?? [];
    const at = now().getTime();
    const due = checkpoints.filter((checkpoint) => Date.parse(checkpoint) <= at);
    const next = checkpoints.find((checkpoint) => Date.parse(checkpoint) > at) ?? null;
    const latest = due.at(-1);
    if (!schedule || latest === undefined) return { delivered, opened: null, clicked: null, releasedAt: null, nextReleaseAt: next };

    // Only the latest due checkpoint is released: an earlier one nobody read before it passed stays unpublished.
    const releaseKey = `${key}:${latest}`;
    let stats = (await accountant.find<NoisyStats>(db, entity, 'campaign_stats', releaseKey))?.value;
    if (!stats) {
      const exact = await counts(new Date(latest));
      const epsilon = microToRational(settings.campaignStatEpsilonMicro);
      const outcome = await db.transaction().execute((trx) =>
        accountant.release<NoisyStats>(trx, {
          entity,
          kind: 'campaign_stats',
          key: releaseKey,
          epsilonMicro: METRICS_PER_RELEASE * settings.campaignStatEpsilonMicro,
          period: schedule.period,
          prepaidBy: schedule.id,
          label: request.title,
          produce: (source) => ({ opened: noisyCount(exact.opened, epsilon, source), clicked: noisyCount(exact.clicked, epsilon, source) }),
        }),
      );
      if (outcome.status === 'refused') throw new Error(`A prepaid statistics release of ${key} was refused.`);
      stats = outcome.release.value;
    }
    return {
      delivered,
      opened: presentEstimate(stats.opened, settings.cellThreshold),
      clicked: presentEstimate(stats.clicked, settings.cellThreshold),
      releasedAt: latest,
      nextReleaseAt: next,
    };
  };
}
