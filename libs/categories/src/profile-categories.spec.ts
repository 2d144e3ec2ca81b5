import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, INTERNAL_CATEGORIES, RESTRICTED_CATEGORIES, SELLABLE_CATEGORIES, isCategoryCode, isSellable } from './category.catalogue';
import { CONSENT_CATEGORIES, isConsentCategory } from './consent-categories';
import { PROFILE_CATEGORIES, PROFILE_CATEGORY_CODES, PROFILE_CATEGORY_LABELS, PROFILE_CATEGORY_LIST, isProfileCategory } from './profile-categories';

describe('profile categories', () => {
  it('has one category per kind of profile fact, apart from the spending catalogue', () => {
    expect(PROFILE_CATEGORY_CODES).toEqual(['profile_age', 'profile_region', 'profile_household', 'profile_interests']);
    expect(PROFILE_CATEGORY_LIST.map((c) => c.code)).toEqual(PROFILE_CATEGORY_CODES);
    for (const code of PROFILE_CATEGORY_CODES) {
      expect(code.startsWith('profile_')).toBe(true);
      expect((CATEGORY_CODES as readonly string[]).includes(code)).toBe(false);
      // Never a transaction's category, and never "sellable" spending.
      expect(isCategoryCode(code)).toBe(false);
      expect(isSellable(code)).toBe(false);
      expect(isProfileCategory(code)).toBe(true);
    }
    expect(isProfileCategory('profile_income')).toBe(false);
    expect(PROFILE_CATEGORIES.region).toBe('profile_region');
  });

  it('has Dutch and English labels and a one-sentence explanation of what sharing means', () => {
    for (const category of PROFILE_CATEGORY_LIST) {
      expect(category.kind).toBe('profile');
      for (const text of [category.label.nl, category.label.en, category.explanation.nl, category.explanation.en]) expect(text.trim()).not.toBe('');
      for (const sentence of [category.explanation.nl, category.explanation.en]) expect(sentence.match(/[.!?](\s|$)/g)).toHaveLength(1);
      expect(PROFILE_CATEGORY_LABELS[category.code]).toEqual(category.label);
    }
    expect(PROFILE_CATEGORY_LABELS.profile_age).toEqual({ nl: 'Leeftijdsgroep', en: 'Age band' });
  });
});

describe('consent categories', () => {
  it('are the profile facts first, then the sellable spending categories', () => {
    expect(CONSENT_CATEGORIES).toEqual([...PROFILE_CATEGORY_CODES, ...SELLABLE_CATEGORIES]);
    for (const code of CONSENT_CATEGORIES) expect(isConsentCategory(code)).toBe(true);
  });

  it('never include special, protected, internal or unknown categories', () => {
    for (const code of [...RESTRICTED_CATEGORIES, ...INTERNAL_CATEGORIES, 'unknown', 'profile_', 'PROFILE_AGE', 'toString']) {
      expect(isConsentCategory(code), code).toBe(false);
    }
  });
});
