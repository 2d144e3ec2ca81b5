import { describe, expect, it } from 'vitest';
import {
  CATEGORIES, CATEGORY_CODES, INTERNAL_CATEGORIES, PROTECTED_LIFE_EVENT_CATEGORIES, RESTRICTED_CATEGORIES, SELLABLE_CATEGORIES,
  SPECIAL_CATEGORIES, categoryCodeSchema, getCategory, isCategoryCode, isRestricted, isSellable, sellableCategorySchema,
} from './category.catalogue';
import { INDUSTRIES, INDUSTRY_CODES, SENSITIVE_INDUSTRIES, industryCodeSchema, isSensitiveIndustry } from './industries';
import { INTERESTS, INTEREST_CODES, interestCodeSchema } from './interests';
import { PROVINCES, PROVINCE_CODES, provinceCodeSchema } from './provinces';

describe('category catalogue', () => {
  it('has the required sellable, special and protected categories', () => {
    expect(SELLABLE_CATEGORIES).toEqual(expect.arrayContaining(['groceries', 'fashion', 'dining', 'travel', 'mobility', 'energy', 'home',
      'electronics', 'leisure', 'telecom', 'drugstore', 'subscriptions', 'sport', 'pets', 'kids', 'other']));
    expect(SPECIAL_CATEGORIES).toEqual(['health', 'religion', 'politics', 'trade_union', 'sexual_life']);
    expect(PROTECTED_LIFE_EVENT_CATEGORIES).toEqual(['pregnancy_baby', 'childcare']);
    expect(RESTRICTED_CATEGORIES).toEqual([...SPECIAL_CATEGORIES, ...PROTECTED_LIFE_EVENT_CATEGORIES]);
  });

  it('keeps day care out of the sellable children category', () => {
    expect(getCategory('childcare').kind).toBe('protected_life_event');
    expect(isSellable('childcare')).toBe(false);
    expect(isRestricted('childcare')).toBe(true);
    expect(isSellable('kids')).toBe(true);
    // The consent centre tells a customer what sharing "kids" means; it must not promise day care.
    expect(getCategory('kids').explanation.nl).toContain('(geen babyspullen of kinderopvang)');
    expect(getCategory('kids').explanation.en).toContain('(not baby products or childcare)');
  });

  it('partitions every code into exactly one kind', () => {
    const all = [...SELLABLE_CATEGORIES, ...SPECIAL_CATEGORIES, ...PROTECTED_LIFE_EVENT_CATEGORIES, ...INTERNAL_CATEGORIES];
    expect(all.sort()).toEqual([...CATEGORY_CODES].sort());
  });

  it('never lets a special, protected or internal category be sold', () => {
    for (const code of [...RESTRICTED_CATEGORIES, ...INTERNAL_CATEGORIES]) expect(isSellable(code)).toBe(false);
    for (const code of SELLABLE_CATEGORIES) expect(isSellable(code)).toBe(true);
    expect(isSellable('unknown')).toBe(false);
    expect(isRestricted('health')).toBe(true);
    expect(isRestricted('pregnancy_baby')).toBe(true);
    expect(isRestricted('income')).toBe(false);
  });

  it('has Dutch and English labels and a one-sentence explanation for every category', () => {
    for (const category of CATEGORIES) {
      for (const text of [category.label.nl, category.label.en, category.explanation.nl, category.explanation.en]) expect(text.trim()).not.toBe('');
      for (const sentence of [category.explanation.nl, category.explanation.en]) expect(sentence.match(/[.!?](\s|$)/g)).toHaveLength(1);
    }
    expect(getCategory('health').kind).toBe('special');
  });

  it('validates codes with zod', () => {
    expect(categoryCodeSchema.parse('groceries')).toBe('groceries');
    expect(categoryCodeSchema.safeParse('Groceries').success).toBe(false);
    expect(isCategoryCode('telecom')).toBe(true);
    expect(isCategoryCode('toString')).toBe(false);
    expect(sellableCategorySchema.safeParse('fashion').success).toBe(true);
    expect(sellableCategorySchema.safeParse('health').success).toBe(false);
    expect(sellableCategorySchema.safeParse('income').success).toBe(false);
  });
});

describe('industries, interests and provinces', () => {
  it('lists industries with labels, flagging the ones customers most often exclude', () => {
    expect(INDUSTRIES).toHaveLength(INDUSTRY_CODES.length);
    for (const code of ['gambling', 'betting', 'alcohol', 'tobacco_vaping', 'credit_loans', 'crypto', 'weapons', 'adult'] as const) {
      expect(isSensitiveIndustry(code)).toBe(true);
    }
    for (const code of ['retail', 'travel', 'energy', 'telecom', 'finance_banking', 'food_beverages', 'automotive', 'media_entertainment'] as const) {
      expect(isSensitiveIndustry(code)).toBe(false);
    }
    expect(SENSITIVE_INDUSTRIES).toContain('gambling');
    expect(industryCodeSchema.safeParse('gambling').success).toBe(true);
    expect(industryCodeSchema.safeParse('casino').success).toBe(false);
    for (const industry of INDUSTRIES) expect(industry.label.nl && industry.label.en).toBeTruthy();
  });

  it('lists the fifteen interests', () => {
    expect(INTEREST_CODES).toHaveLength(15);
    for (const code of INTEREST_CODES) expect(INTERESTS[code].nl && INTERESTS[code].en).toBeTruthy();
    expect(interestCodeSchema.safeParse('diy').success).toBe(true);
    expect(interestCodeSchema.safeParse('religion').success).toBe(false);
  });

  it('lists the twelve provinces', () => {
    expect(PROVINCE_CODES).toHaveLength(12);
    expect(PROVINCES['NL-NH']).toEqual({ nl: 'Noord-Holland', en: 'North Holland' });
    expect(provinceCodeSchema.safeParse('NL-FR').success).toBe(true);
    expect(provinceCodeSchema.safeParse('NL-XX').success).toBe(false);
  });
});
