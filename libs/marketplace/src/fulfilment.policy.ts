import type { DeliveryRefusalCode } from '@dd/privacy';

/** Why fulfilment refused, as the advertiser's detail shows it: a stable code (translated by the portal) and its values. */
export interface PurchaseFailure {
  code: 'audienceBelowMinimum' | 'differencing' | 'privacyBudget' | 'requestInvalid' | 'organisationNotVerified' | 'fulfilmentTimedOut' | 'fulfilmentFailed';
  params: Record<string, string | number>;
}

/**
 * The delivery gate's refusals as failure codes. `below_minimum` is decided on the released noisy
 * audience; `differencing` only comes from requests refused before the accountant (and the exact
 * gate the attack tests use as their control), and stays translatable for them.
 */
export function failureOfDeliveryRefusal(refusal: DeliveryRefusalCode, k: number): PurchaseFailure {
  if (refusal === 'advertiser_budget') return { code: 'privacyBudget', params: {} };
  return refusal === 'differencing' ? { code: 'differencing', params: { k } } : { code: 'audienceBelowMinimum', params: { k } };
}

/** The report service's refusal codes (the same as the gate's) as failure codes. */
export const failureOfReportRefusal = failureOfDeliveryRefusal;

/**
 * How many members the advertiser is billed for: the audience the delivery was decided on, as the
 * accountant released it (noisy, charged), capped by what they agreed to pay for and at least one,
 * since a sale is never free. Post-processing of a release only: the invoice adds nothing to what
 * the delivery already told, and costs no epsilon of its own.
 */
export function billedQuantity(releasedAudience: number, maxMembers: number): number {
  return Math.max(1, Math.min(releasedAudience, maxMembers));
}
