import { PROFILE_CATEGORIES, regionForPostcode, type ProfileCategory, type ProvinceCode } from '@dd/categories';
import type { SegmentListField, SegmentPredicate } from '@dd/contract';

/**
 * The data categories of the profile facts a segment can use live in @dd/categories, next to the
 * spending catalogue, because they are consent categories like the spending ones; re-exported here
 * for the segment code that already names them. A spend criterion uses its spending category (a
 * catalogue code such as `groceries`); every other criterion reads a profile fact, and a member is
 * counted only when `covers({ categories: validateSegment(tree).categories, purpose, … })` holds.
 * Adulthood is not one of them: a minor is never counted, whatever was consented.
 */
export { PROFILE_CATEGORIES, PROFILE_CATEGORY_CODES, PROFILE_CATEGORY_LABELS } from '@dd/categories';
export type { ProfileCategory } from '@dd/categories';

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
