import { DeliveryRefusedError, recordDelivery } from '@dd/audience';
import type { Db } from '@dd/db';
import type { PrivacySettings } from '@dd/privacy';
import { validateSegment } from '@dd/segments';
import { failureOfDeliveryRefusal, type PurchaseFailure } from './fulfilment.policy';
import { offerDeliveryRepository } from './offer-delivery.repository';

export type OfferFreeze = { status: 'frozen'; customerIds: string[] } | { status: 'refused'; failure: PurchaseFailure };

export interface OfferCampaignRequest {
  id: string;
  organisationId: string;
  industry: string | null;
  segment: unknown;
  categories: readonly string[];
}

// Deadlocks, serialisation failures and a concurrent attempt winning the job key: the loser retries
// and then finds the winner's deliveries.
const RETRYABLE = new Set(['40P01', '40001', '23505']);

/**
 * Freezes who receives an offer campaign, in ONE transaction: the members eligible for `offers` at
 * this moment (consent and its expiry, the buyer's industry, adults), the threshold k and the
 * differencing defence (recordDelivery, keyed `purchase:<id>`) and one inbox entry per member.
 * A retry finds the stored entries and reuses exactly that member set.
 */
export async function freezeOfferDelivery(deps: { db: Db; settings: PrivacySettings; now: () => Date }, request: OfferCampaignRequest): Promise<OfferFreeze> {
  const { db, settings } = deps;
  const { tree, categories } = validateSegment(request.segment);
  // The stored categories were what the advertiser was shown; consent must cover those and the criteria's.
  const query = { tree, categories: [...new Set([...categories, ...request.categories])].sort(), purpose: 'offers' as const, industry: request.industry };
  for (let tries = 1; ; tries++) {
    try {
      return await db.transaction().execute(async (trx): Promise<OfferFreeze> => {
        const stored = await offerDeliveryRepository.delivered(trx, request.id);
        if (stored.length > 0) return { status: 'frozen', customerIds: stored };
        const at = deps.now();
        const members = await offerDeliveryRepository.eligible(trx, query, at);
        const memberNos = Uint32Array.from(members.map((m) => m.memberNo)).sort();
        await recordDelivery(trx, { jobKey: `purchase:${request.id}`, organisationId: request.organisationId, purpose: 'offers', memberNos }, settings.minimumAudience);
        const customerIds = members.map((m) => m.customerId).sort();
        await offerDeliveryRepository.insert(trx, request.id, customerIds, at);
        return { status: 'frozen', customerIds };
      });
    } catch (error) {
      if (error instanceof DeliveryRefusedError) return { status: 'refused', failure: failureOfDeliveryRefusal(error.refusal, settings.minimumAudience) };
      if (tries < 5 && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
      throw error;
    }
  }
}
