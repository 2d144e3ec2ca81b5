export { ADULT, insertAudienceMember } from './audience-member';
export type { AudienceMemberFixture } from './audience-member';
export { legacyEstimates } from './legacy-estimates';
