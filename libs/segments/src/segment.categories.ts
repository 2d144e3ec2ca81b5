import { regionForPostcode, type LocalisedText, type ProvinceCode } from '@dd/categories';
import type { SegmentListField, SegmentPredicate } from '@dd/contract';

/**
 * The data categories of the profile facts a segment can use. A spend criterion uses its spending
 * category (a catalogue code such as `groceries`); every other criterion reads a profile fact, and
 * each kind of fact is its own category so a customer can, say, share their region but not their age.
 *
 * How they map onto consent: they are consent categories like the spending ones, stored in
 * `consent_decisions.category` per purpose, and a member is counted only when
 * `covers({ categories: validateSegment(tree).categories, purpose, … })` holds. The codes cannot
 * collide with the catalogue (they all start with `profile_`). The consent centre currently offers
 * and accepts only the sellable spending categories, so until it offers these four as well,
 * `covers()` answers no for them and a segment with a profile criterion counts nobody: the gap
 * fails closed. Adulthood is not one of them: a minor is never counted, whatever was consented.
 */
export const PROFILE_CATEGORIES = {
  age: 'profile_age',
  region: 'profile_region',
  household: 'profile_household',
  interests: 'profile_interests',
} as const;
export type ProfileCategory = (typeof PROFILE_CATEGORIES)[keyof typeof PROFILE_CATEGORIES];
export const PROFILE_CATEGORY_CODES: readonly ProfileCategory[] = Object.values(PROFILE_CATEGORIES);

export const PROFILE_CATEGORY_LABELS: Record<ProfileCategory, LocalisedText> = {
  profile_age: { nl: 'Leeftijdsgroep', en: 'Age band' },
  profile_region: { nl: 'Provincie en gemeente', en: 'Province and municipality' },
  profile_household: { nl: 'Grootte van het huishouden', en: 'Household size' },
  profile_interests: { nl: 'Interesses', en: 'Interests' },
};

/** Province and municipality are one category: both say where someone lives. */
export const PROFILE_CATEGORY_OF_FIELD: Record<SegmentListField, ProfileCategory> = {
  ageBand: PROFILE_CATEGORIES.age,
  province: PROFILE_CATEGORIES.region,
  municipality: PROFILE_CATEGORIES.region,
  householdBand: PROFILE_CATEGORIES.household,
  interest: PROFILE_CATEGORIES.interests,
};

/** The data category one criterion reads, for the consent check. */
export function dataCategoryOf(predicate: SegmentPredicate): string {
  return predicate.field === 'spend' ? predicate.category : PROFILE_CATEGORY_OF_FIELD[predicate.field];
}

const FIRST_AREA = 1000;
const LAST_AREA = 9999;
let municipalities: ReadonlyMap<string, ProvinceCode> | undefined;

/**
 * The municipalities a customer's features can hold, with their province: exactly the ones the
 * postcode lookup returns, derived from it once so a segment can never name a municipality the
 * features cannot contain.
 */
export function knownMunicipalities(): ReadonlyMap<string, ProvinceCode> {
  if (!municipalities) {
    const found = new Map<string, ProvinceCode>();
    for (let area = FIRST_AREA; area <= LAST_AREA; area++) {
      try {
        const region = regionForPostcode(String(area));
        if (region.municipality) found.set(region.municipality, region.province);
      } catch {
        // A number that is no postcode area in use.
      }
    }
    municipalities = found;
  }
  return municipalities;
}
