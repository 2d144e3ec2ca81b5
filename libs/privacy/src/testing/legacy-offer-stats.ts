import type { OfferStats } from '@dd/contract';
import type { Db } from '@dd/db';
import { publishEstimate } from '../estimate';
import { loadNoiseSecret } from '../noise-secret';
import { microToRational } from '../privacy.settings';

/**
 * FOR TESTS ONLY: campaign statistics as they were before the accountant, for the control of the
 * polling attack. On every read the exact counts are noised with noise keyed to the request, the
 * metric and the TRUE COUNT, charged to nobody: a reload shows the same numbers, but one more open
 * is a new count and so a new draw, which a poll before and after that open sees.
 */
export function legacyOfferStats(deps: { db: Db; epsilonMicro: number; minimumAudience: number; cellThreshold: number }) {
  let secret: Promise<Buffer> | undefined;
  const publish = async (requestId: string, metric: string, trueCount: number, minimum: number) => {
    secret ??= loadNoiseSecret(deps.db);
    return publishEstimate({
      trueCount,
      epsilon: microToRational(deps.epsilonMicro),
      key: `dd/offer-stats/v1\u0000${requestId}\u0000${metric}\u0000${trueCount}`,
      secret: await secret,
      minimumAudience: minimum,
    });
  };
  return async ({ request, counts }: { request: { id: string }; counts: () => Promise<{ delivered: number; opened: number; clicked: number }> }): Promise<OfferStats> => {
    const exact = await counts();
    return {
      delivered: await publish(request.id, 'delivered', exact.delivered, deps.minimumAudience),
      opened: await publish(request.id, 'opened', exact.opened, deps.cellThreshold),
      clicked: await publish(request.id, 'clicked', exact.clicked, deps.cellThreshold),
      releasedAt: null,
      nextReleaseAt: null,
    };
  };
}
