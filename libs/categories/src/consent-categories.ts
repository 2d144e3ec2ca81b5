import { isSellable, SELLABLE_CATEGORIES } from './category.catalogue';
import { isProfileCategory, PROFILE_CATEGORY_CODES } from './profile-categories';

/**
 * What a customer can give consent for, in the order the consent centre shows them: the profile
 * facts, then the sellable spending categories. Special, protected and internal categories never.
 */
export const CONSENT_CATEGORIES: readonly string[] = [...PROFILE_CATEGORY_CODES, ...SELLABLE_CATEGORIES];

/** Fails closed: an unknown or misspelt code cannot be consented to, so it is never covered. */
export function isConsentCategory(code: string): boolean {
  return isProfileCategory(code) || isSellable(code);
}
