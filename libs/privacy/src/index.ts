export { canSpend, remainingBudget, sumEpsilons } from './budget';
export { discreteLaplaceScale, noisyCount, sampleBernoulli, sampleBernoulliExp, sampleDiscreteLaplace } from './discrete-laplace';
export { publishEstimate, roundToSignificant } from './estimate';
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
  parseEpsilonMicro,
  privacySettingsFromEnv,
} from './privacy.settings';
export type { PrivacySettings } from './privacy.settings';
