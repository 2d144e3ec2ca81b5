import type { Db } from '@dd/db';
import type { DeliveryGate } from '../delivery-gate';
import { noisyCount } from '../discrete-laplace';
import { deriveNoiseKey, hashMemberSet, noiseKeyMaterial } from '../noise-key';
import { loadNoiseSecret } from '../noise-secret';
import type { PrivacySettings } from '../privacy.settings';
import { keyedRandomSource } from '../random-source';
import { rational } from '../rational';

/** Which of the old, exact behaviours to bring back. */
export interface ExactGateOptions {
  /** Refuse when the exact count is below k (finding 2). */
  exactThreshold?: boolean;
  /** Refuse a member set that differs from an earlier delivery by fewer than k without being identical (finding 1). */
  differencing?: boolean;
  /** Bill the exact count plus fresh noise at epsilon 0.5 keyed to the member set, outside every budget (finding 4). */
  memberSetKeyedInvoice?: boolean;
}

const LEGACY_BILLING_EPSILON = rational(1n, 2n);

function symmetricDifference(a: readonly number[], b: readonly number[]): number {
  const other = new Set(b);
  let diff = 0;
  for (const x of a) if (!other.has(x)) diff++;
  const mine = new Set(a);
  for (const y of b) if (!mine.has(y)) diff++;
  return diff;
}

/**
 * FOR TESTS ONLY: the delivery decision as it was before the accountant, so each attack test has a
 * control that runs the same attack with the defence switched off and shows that it then works.
 * It decides on the exact member set, charges nobody and remembers deliveries in memory.
 */
export function createExactDeliveryGate(deps: { db: Db; settings: Pick<PrivacySettings, 'minimumAudience'>; options?: ExactGateOptions }): DeliveryGate {
  const options = { exactThreshold: true, differencing: true, memberSetKeyedInvoice: true, ...deps.options };
  const k = deps.settings.minimumAudience;
  const deliveries = new Map<string, { audience: number; members: string[]; memberNos: number[] }>();

  return {
    async decide(_trx, request) {
      const earlier = deliveries.get(request.key);
      if (earlier) return { status: 'deliver', audience: earlier.audience, members: earlier.members };
      const memberNos = request.candidates.map((c) => c.memberNo);
      if (options.exactThreshold && memberNos.length < k) return { status: 'refused', refusal: 'below_minimum', audience: null };
      if (options.differencing) {
        for (const other of deliveries.values()) {
          const diff = symmetricDifference(memberNos, other.memberNos);
          if (diff > 0 && diff < k) return { status: 'refused', refusal: 'differencing', audience: null };
        }
      }
      let audience = memberNos.length;
      if (options.memberSetKeyedInvoice) {
        const key = deriveNoiseKey(
          await loadNoiseSecret(deps.db),
          'dd/purchase-billing/v1',
          noiseKeyMaterial({ memberSetHash: hashMemberSet(memberNos), snapshotId: 'billing', purpose: request.purpose }),
          '1/2',
        );
        audience = noisyCount(memberNos.length, LEGACY_BILLING_EPSILON, keyedRandomSource(key));
      }
      const members = request.candidates.map((c) => c.customerId).sort();
      deliveries.set(request.key, { audience, members, memberNos });
      return { status: 'deliver', audience, members };
    },

    async delivered(_db, key) {
      const found = deliveries.get(key);
      return found ? { audience: found.audience, members: found.members } : undefined;
    },
  };
}
