export { createProfileService, isAdultBirthYear, recomputeFeatures } from './profile.service';
export type { ProfileService, ProfileUpdate } from './profile.service';
export { profileRepository } from './profile.repository';
