export { canSpend, remainingBudget, sumEpsilons } from './budget';
export { discreteLaplaceScale, noisyCount, sampleBernoulli, sampleBernoulliExp, sampleDiscreteLaplace } from './discrete-laplace';
export { presentEstimate, publishEstimate, roundToSignificant } from './estimate';
export type { AudienceEstimate, PublishEstimateInput } from './estimate';
export { noisyHistogram } from './insight-table';
export type { NoisyCell, NoisyHistogram, NoisyHistogramInput } from './insight-table';
export { deriveNoiseKey, hashMemberSet, MIN_SECRET_BYTES, noiseKeyMaterial } from './noise-key';
export { cryptoRandomSource, keyedRandomSource } from './random-source';
export type { RandomSource } from './random-source';
export { addRationals, compareRationals, formatRational, rational, rationalToNumber, subtractRationals } from './rational';
export type { Rational } from './rational';
export {
  DEFAULT_PRIVACY_SETTINGS,
  MICRO,
  budgetPeriod,
  formatEpsilonMicro,
  microToRational,
  nextBudgetPeriodStart,
  parseEpsilonMicro,
  privacySettingsFrom,
  privacySettingsFromEnv,
  reportCostMicro,
} from './privacy.settings';
export type { PrivacySettings } from './privacy.settings';
export { loadNoiseSecret } from './noise-secret';
export { budgetOwnerOf, poolOf } from './legal-entity';
export type { LegalEntity } from './legal-entity';
export { createPrivacyAccountant, noisyCountOf } from './privacy-accountant';
export type { EntityBudget, PrivacyAccountant, Release, ReleaseInput, ReleaseOutcome, ReleaseRefusal } from './privacy-accountant';
export { createReleasedAudienceGate } from './delivery-gate';
export type { DeliveryCandidate, DeliveryDecision, DeliveryGate, DeliveryRefusalCode, DeliveryRequest } from './delivery-gate';
