import type { ProfileDto, UpdateProfileInput } from '@dd/contract';

export const PROFILE_FIELDS = ['birthYear', 'postcode', 'householdSize', 'interests'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The most interests a profile keeps (the contract's limit). */
export const MAX_INTERESTS = 15;

/** What the form holds: text as typed, interests as ticked. */
export interface ProfileFormValues {
  birthYear: string;
  postcode: string;
  householdSize: string;
  interests: string[];
}

export function profileFormValues(profile: ProfileDto): ProfileFormValues {
  return {
    birthYear: profile.birthYear === null ? '' : String(profile.birthYear),
    // Only the region is stored, so the postcode field always starts empty.
    postcode: '',
    householdSize: profile.householdSize === null ? '' : String(profile.householdSize),
    interests: [...profile.interests],
  };
}

/** Digits only; anything else becomes -1, which the contract's range check reports with the field's own message. */
function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : -1;
}

/**
 * The update to send. An emptied birth year or household size is cleared (null); an empty
 * postcode leaves the stored region alone (removing it is its own button).
 */
export function toProfileInput(values: ProfileFormValues): UpdateProfileInput {
  const postcode = values.postcode.trim();
  return {
    birthYear: values.birthYear.trim() === '' ? null : wholeNumber(values.birthYear),
    ...(postcode ? { postcode } : {}),
    householdSize: values.householdSize.trim() === '' ? null : wholeNumber(values.householdSize),
    interests: values.interests,
  };
}
