import type { Database, Db, DbTransaction, Purpose } from '@dd/db';
import type { LegalEntity } from './legal-entity';
import type { PrivacyAccountant } from './privacy-accountant';
import type { PrivacySettings } from './privacy.settings';

/** Who could be delivered to, as the freezing transaction found them. */
export interface DeliveryCandidate {
  customerId: string;
  memberNo: number;
}

export interface DeliveryRequest {
  entity: LegalEntity;
  /** The delivery's job key (`purchase:<id>`): one decision per key, whatever retries. */
  key: string;
  /** The purchase's title, shown to members on their privacy page. */
  label: string;
  purpose: Purpose;
  /** Ascending by member number. */
  candidates: readonly DeliveryCandidate[];
  /** Epsilon the whole purchase costs each member delivered to (audience, tables or scheduled statistics). */
  memberCostMicro: number;
  /** Epsilon the whole purchase costs the legal entity: it must fit before anything is released. */
  requireMicro: number;
}

export type DeliveryRefusalCode = 'below_minimum' | 'differencing' | 'advertiser_budget';

export type DeliveryDecision =
  | { status: 'deliver'; audience: number; members: string[] }
  | { status: 'refused'; refusal: DeliveryRefusalCode; audience: number | null };

/**
 * Decides whether a delivery goes ahead and how many members it is billed for. The production gate
 * decides on a released noisy audience only; tests inject the exact gate of old to show that the
 * attacks of docs/PRIVACY.md work against it (libs/privacy/src/testing/exact-delivery-gate.ts).
 */
export interface DeliveryGate {
  decide(trx: DbTransaction<Database>, request: DeliveryRequest): Promise<DeliveryDecision>;
  /** A decided delivery: the audience to bill and who was delivered to, for the charge step and retries. */
  delivered(db: Db | DbTransaction<Database>, key: string): Promise<{ audience: number; members: string[] } | undefined>;
}

/**
 * The gate: the audience is released through the accountant (noisy, charged to the legal entity and
 * to each member delivered to), and k is applied to that released value. Nothing here looks at the
 * exact count or compares member sets, so whether a purchase is delivered, refused or billed for
 * N reveals nothing beyond an epsilon-DP release; two purchases that differ by one person are told
 * apart only as well as two noisy counts allow, and each of them is paid for.
 */
export function createReleasedAudienceGate(deps: { accountant: PrivacyAccountant; settings: Pick<PrivacySettings, 'minimumAudience'> }): DeliveryGate {
  const { accountant, settings } = deps;
  return {
    async decide(trx, request) {
      const outcome = await accountant.releaseAudience(trx, {
        entity: request.entity,
        key: request.key,
        label: request.label,
        candidates: request.candidates.map((c) => c.customerId),
        memberCostMicro: request.memberCostMicro,
        requireMicro: request.requireMicro,
      });
      if (outcome.status === 'refused') return { status: 'refused', refusal: 'advertiser_budget', audience: null };
      const audience = outcome.release.value;
      // k on the released value: post-processing, so the refusal costs nothing more and tells nothing more.
      if (audience < settings.minimumAudience) return { status: 'refused', refusal: 'below_minimum', audience };
      // Nobody to deliver to, yet noise carried the release past k: there is nothing to sell. This one
      // refusal looks at the exact set; it happens with probability at most P(noise >= k), the delta
      // of the guarantee (docs/PRIVACY.md: e^(-0.1 × 100) / (1 + e^(-0.1)), about 2.4e-5, at the defaults).
      if (outcome.members.length === 0) return { status: 'refused', refusal: 'below_minimum', audience };
      return { status: 'deliver', audience, members: outcome.members };
    },

    async delivered(db, key) {
      const release = await accountant.findByKey<number>(db, 'audience', key);
      if (!release) return undefined;
      return { audience: release.value, members: await accountant.chargedMembers(db, release.id) };
    },
  };
}
