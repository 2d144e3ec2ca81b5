import type { Db } from '@dd/db';
import type { DeliveryGate, PrivacyAccountant, PrivacySettings } from '@dd/privacy';
import { validateSegment } from '@dd/segments';
import { scheduleEpsilonMicro, statisticsSchedule } from './campaign-schedule';
import { failureOfDeliveryRefusal, type PurchaseFailure } from './fulfilment.policy';
import { offerDeliveryRepository } from './offer-delivery.repository';

export type OfferFreeze = { status: 'frozen'; customerIds: string[] } | { status: 'refused'; failure: PurchaseFailure };

export interface OfferCampaignRequest {
  id: string;
  organisationId: string;
  kvkNumber: string | null;
  industry: string | null;
  title: string;
  segment: unknown;
  categories: readonly string[];
  /** The offer's last day (YYYY-MM-DD): it fixes when the statistics are released. */
  endsOn: string;
}

// Deadlocks, serialisation failures and a concurrent attempt winning the job key: the loser retries
// and then finds the winner's deliveries.
const RETRYABLE = new Set(['40P01', '40001', '23505']);

/**
 * Freezes who receives an offer campaign, in ONE transaction: the members eligible for `offers` at
 * this moment (consent and its expiry, the buyer's industry, adults); the delivery gate releases the
 * noisy audience (charged to the legal entity, and the campaign's whole cost to each member whose
 * month allows it) and applies k to it; the statistics schedule is paid for; one inbox entry per
 * member. A refusal commits with the release it was decided on. A retry finds the stored entries,
 * or the stored release, and ends the same way.
 */
export async function freezeOfferDelivery(
  deps: { db: Db; settings: PrivacySettings; now: () => Date; gate: DeliveryGate; accountant: PrivacyAccountant },
  request: OfferCampaignRequest,
): Promise<OfferFreeze> {
  const { db, settings, gate, accountant } = deps;
  const { tree, categories } = validateSegment(request.segment);
  // The stored categories were what the advertiser was shown; consent must cover those and the criteria's.
  const query = { tree, categories: [...new Set([...categories, ...request.categories])].sort(), purpose: 'offers' as const, industry: request.industry };
  const entity = { organisationId: request.organisationId, kvkNumber: request.kvkNumber };
  const key = `purchase:${request.id}`;
  for (let tries = 1; ; tries++) {
    try {
      return await db.transaction().execute(async (trx): Promise<OfferFreeze> => {
        const stored = await offerDeliveryRepository.delivered(trx, request.id);
        if (stored.length > 0) return { status: 'frozen', customerIds: stored };
        const at = deps.now();
        const schedule = statisticsSchedule(at, request.endsOn);
        const statsMicro = scheduleEpsilonMicro(schedule, settings);
        const wholeCost = settings.audienceEpsilonMicro + statsMicro;
        const candidates = await offerDeliveryRepository.eligible(trx, query, at);
        const decision = await gate.decide(trx, { entity, key, label: request.title, purpose: 'offers', candidates, memberCostMicro: wholeCost, requireMicro: wholeCost });
        if (decision.status === 'refused') return { status: 'refused', failure: failureOfDeliveryRefusal(decision.refusal, settings.minimumAudience) };
        const paid = await accountant.release(trx, {
          entity, kind: 'campaign_schedule', key, epsilonMicro: statsMicro, label: request.title,
          produce: () => ({ checkpoints: schedule.map((checkpoint) => checkpoint.toISOString()) }),
        });
        if (paid.status === 'refused') return { status: 'refused', failure: failureOfDeliveryRefusal('advertiser_budget', settings.minimumAudience) };
        const customerIds = [...decision.members].sort();
        await offerDeliveryRepository.insert(trx, request.id, customerIds, at);
        return { status: 'frozen', customerIds };
      });
    } catch (error) {
      if (tries < 5 && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
      throw error;
    }
  }
}
