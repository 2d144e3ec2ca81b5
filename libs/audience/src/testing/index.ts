export { ADULT, insertAudienceMember } from './audience-member';
export type { AudienceMemberFixture } from './audience-member';
