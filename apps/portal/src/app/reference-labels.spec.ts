import { describe, expect, it } from 'vitest';
import type { ReferenceData } from '@dd/contract';
import { referenceLabels } from './reference-labels';

const text = (nl: string, en: string) => ({ nl, en });
const data: ReferenceData = {
  categories: [
    { code: 'income', kind: 'internal', label: text('Inkomen', 'Income'), description: text('', '') },
    { code: 'health', kind: 'special', label: text('Gezondheid', 'Health'), description: text('Nooit gedeeld.', 'Never shared.') },
    { code: 'groceries', kind: 'sellable', label: text('Boodschappen', 'Groceries'), description: text('', '') },
    { code: 'pregnancy_baby', kind: 'protected_life_event', label: text('Zwangerschap en baby', 'Pregnancy and baby'), description: text('', '') },
    { code: 'profile_age', kind: 'profile', label: text('Leeftijdsgroep', 'Age band'), description: text('Telt mee.', 'Counts.') },
  ],
  industries: [
    { code: 'retail', sensitive: false, label: text('Detailhandel', 'Retail') },
    { code: 'gambling', sensitive: true, label: text('Gokken', 'Gambling') },
  ],
  interests: [{ code: 'cycling', label: text('Fietsen', 'Cycling') }],
  provinces: [{ code: 'UT', label: text('Utrecht', 'Utrecht') }],
};

describe('referenceLabels', () => {
  it('picks the label of the current language', () => {
    expect(referenceLabels(data, 'nl').category('groceries')).toBe('Boodschappen');
    expect(referenceLabels(data, 'en').category('groceries')).toBe('Groceries');
    expect(referenceLabels(data, 'en').categoryDescription('health')).toBe('Never shared.');
    expect(referenceLabels(data, 'nl').interest('cycling')).toBe('Fietsen');
  });

  it('shows an unknown code as is', () => {
    expect(referenceLabels(data, 'nl').category('something_new')).toBe('something_new');
    expect(referenceLabels(data, 'nl').industry('x')).toBe('x');
  });

  it('marks special categories and life events as never shared', () => {
    const labels = referenceLabels(data, 'nl');
    expect(labels.isNeverShared('health')).toBe(true);
    expect(labels.isNeverShared('pregnancy_baby')).toBe(true);
    expect(labels.isNeverShared('groceries')).toBe(false);
    expect(labels.isNeverShared('income')).toBe(false);
  });

  it('orders categories by kind and industries sensitive first', () => {
    const labels = referenceLabels(data, 'nl');
    expect(labels.categories.map((c) => c.code)).toEqual(['groceries', 'health', 'pregnancy_baby', 'income']);
    expect(labels.sellableCategories.map((c) => c.code)).toEqual(['groceries']);
    expect(labels.industries.map((i) => i.code)).toEqual(['gambling', 'retail']);
  });

  it('keeps profile facts apart: labelled and offered for consent, never a transaction category', () => {
    const labels = referenceLabels(data, 'en');
    expect(labels.profileCategories.map((c) => c.code)).toEqual(['profile_age']);
    expect(labels.category('profile_age')).toBe('Age band');
    expect(labels.categoryDescription('profile_age')).toBe('Counts.');
    expect(labels.categories.some((c) => c.code === 'profile_age')).toBe(false);
    expect(labels.isNeverShared('profile_age')).toBe(false);
  });
});
