export { useFixedNoiseSecret } from './fixed-secret';
export { createExactDeliveryGate } from './exact-delivery-gate';
export type { ExactGateOptions } from './exact-delivery-gate';
export { legacyOfferStats } from './legacy-offer-stats';
