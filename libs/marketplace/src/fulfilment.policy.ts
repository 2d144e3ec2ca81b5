import { deriveNoiseKey, keyedRandomSource, microToRational, noiseKeyMaterial, noisyCount, type PrivacySettings } from '@dd/privacy';

/** Why fulfilment refused, as the advertiser's detail shows it: a stable code (translated by the portal) and its values. */
export interface PurchaseFailure {
  code: 'audienceBelowMinimum' | 'differencing' | 'privacyBudget' | 'requestInvalid';
  params: Record<string, string | number>;
}

/** The refusals of the delivery guard (libs/audience) as failure codes. */
export function failureOfDeliveryRefusal(refusal: 'below_minimum' | 'differencing', k: number): PurchaseFailure {
  return refusal === 'differencing' ? { code: 'differencing', params: { k } } : { code: 'audienceBelowMinimum', params: { k } };
}

/** The report service's refusal codes (libs/reports RefusalReason) as failure codes. */
export function failureOfReportRefusal(code: 'below_minimum' | 'differencing' | 'advertiser_budget', k: number): PurchaseFailure {
  if (code === 'advertiser_budget') return { code: 'privacyBudget', params: {} };
  return failureOfDeliveryRefusal(code, k);
}

/**
 * How many members the advertiser is billed for: the delivered count plus discrete Laplace noise,
 * capped by what they agreed to pay for (and at least one, since a sale is never free). An exact
 * count on the invoice would undo the "never an exact count" promise of the estimates, so the noise
 * is keyed to WHO was delivered (the member-set hash): buying the very same people again shows the
 * same number instead of a fresh sample to average.
 */
export function billedMembers(input: {
  deliveredCount: number;
  membersHash: string;
  purpose: string;
  maxMembers: number;
  secret: Uint8Array;
  settings: Pick<PrivacySettings, 'estimateEpsilonMicro'>;
}): number {
  const epsilon = microToRational(input.settings.estimateEpsilonMicro);
  const key = deriveNoiseKey(
    input.secret,
    'dd/purchase-billing/v1',
    noiseKeyMaterial({ memberSetHash: input.membersHash, snapshotId: 'billing', purpose: input.purpose }),
    `${epsilon.num}/${epsilon.den}`,
  );
  const noisy = noisyCount(input.deliveredCount, epsilon, keyedRandomSource(key));
  return Math.max(1, Math.min(noisy, input.maxMembers));
}
