export { createConsentService, PURPOSES } from './consent.service';
export type { ConsentChangeInput, ConsentQuestion, ConsentService } from './consent.service';
export { CONSENT_POLICY, CONSENT_POLICY_HASH } from './consent.policy';
