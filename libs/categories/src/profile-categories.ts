import type { LocalisedText } from './category.catalogue';

/**
 * The profile facts as data categories. A segment criterion other than spending reads one of these
 * facts, and each kind of fact is its own consent category, so a customer can, say, share their
 * region but not their age. Codes are a persistent contract (stored in `consent_decisions.category`)
 * and cannot collide with the spending catalogue: they all start with `profile_`.
 */
export const PROFILE_CATEGORIES = {
  age: 'profile_age',
  region: 'profile_region',
  household: 'profile_household',
  interests: 'profile_interests',
} as const;
export type ProfileCategory = (typeof PROFILE_CATEGORIES)[keyof typeof PROFILE_CATEGORIES];
export const PROFILE_CATEGORY_CODES: readonly ProfileCategory[] = Object.values(PROFILE_CATEGORIES);

/** Stored as `categories.kind`; never special or protected, never a transaction's category. */
export const PROFILE_CATEGORY_KIND = 'profile';

export interface ProfileCategoryDefinition {
  code: ProfileCategory;
  kind: typeof PROFILE_CATEGORY_KIND;
  label: LocalisedText;
  /** One sentence for the consent centre: what sharing this fact means. */
  explanation: LocalisedText;
}

const fact = (code: ProfileCategory, label: LocalisedText, explanation: LocalisedText): ProfileCategoryDefinition => ({
  code,
  kind: PROFILE_CATEGORY_KIND,
  label,
  explanation,
});

/** In the order the consent centre shows them. */
export const PROFILE_CATEGORY_LIST: readonly ProfileCategoryDefinition[] = [
  fact(
    'profile_age',
    { nl: 'Leeftijdsgroep', en: 'Age band' },
    {
      nl: 'Als je dit deelt, telt je leeftijdsgroep (zoals 25–34 jaar) mee in anonieme totalen; je geboortejaar zelf geven we nooit door.',
      en: 'If you share this, your age band (such as 25–34) counts towards anonymous totals; your birth year itself is never passed on.',
    },
  ),
  fact(
    'profile_region',
    { nl: 'Provincie en gemeente', en: 'Province and municipality' },
    {
      nl: 'Als je dit deelt, tellen je provincie en gemeente mee in anonieme totalen; je postcode bewaren we niet eens.',
      en: 'If you share this, your province and municipality count towards anonymous totals; we do not even keep your postcode.',
    },
  ),
  fact(
    'profile_household',
    { nl: 'Grootte van het huishouden', en: 'Household size' },
    {
      nl: 'Als je dit deelt, telt de grootte van je huishouden (1, 2, 3–4, of 5 of meer) mee in anonieme totalen.',
      en: 'If you share this, the size of your household (1, 2, 3–4, or 5 or more) counts towards anonymous totals.',
    },
  ),
  fact(
    'profile_interests',
    { nl: 'Interesses', en: 'Interests' },
    {
      nl: 'Als je dit deelt, tellen de interesses die je zelf aanvinkt mee in anonieme totalen; niemand ziet ze bij je naam.',
      en: 'If you share this, the interests you ticked yourself count towards anonymous totals; nobody sees them next to your name.',
    },
  ),
];

export const PROFILE_CATEGORY_LABELS = Object.fromEntries(PROFILE_CATEGORY_LIST.map((c) => [c.code, c.label])) as Record<ProfileCategory, LocalisedText>;

const PROFILE = new Set<string>(PROFILE_CATEGORY_CODES);

export function isProfileCategory(code: string): code is ProfileCategory {
  return PROFILE.has(code);
}
