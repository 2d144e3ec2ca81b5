import { describe, expect, it } from 'vitest';
import type { SegmentNode } from '@dd/contract';
import { featuresFromRow, matches, type SegmentFeatures } from './segment.matcher';

const adult: SegmentFeatures = {
  isAdult: true,
  ageBand: '25-34',
  province: 'NL-NH',
  municipality: 'Amsterdam',
  householdBand: 'two',
  interests: ['sport', 'travel'],
  spendBands: { groceries: 3, travel: 1 },
};

describe('matches', () => {
  it('evaluates each kind of criterion', () => {
    expect(matches({ field: 'ageBand', in: ['18-24', '25-34'] }, adult)).toBe(true);
    expect(matches({ field: 'province', in: ['NL-UT'] }, adult)).toBe(false);
    expect(matches({ field: 'municipality', in: ['Amsterdam'] }, adult)).toBe(true);
    expect(matches({ field: 'householdBand', in: ['single'] }, adult)).toBe(false);
    expect(matches({ field: 'interest', in: ['music', 'travel'] }, adult)).toBe(true);
    expect(matches({ field: 'spend', category: 'groceries', min: 3, max: 5 }, adult)).toBe(true);
    expect(matches({ field: 'spend', category: 'groceries', min: 4, max: 5 }, adult)).toBe(false);
  });

  it('combines with all, any and not', () => {
    const tree: SegmentNode = {
      op: 'all',
      of: [{ op: 'any', of: [{ field: 'province', in: ['NL-UT'] }, { field: 'interest', in: ['sport'] }] }, { op: 'not', of: { field: 'ageBand', in: ['65+'] } }],
    };
    expect(matches(tree, adult)).toBe(true);
    expect(matches(tree, { ...adult, interests: [] })).toBe(false);
  });

  it('treats an absent spend band as no spending, and reads only own keys', () => {
    expect(matches({ field: 'spend', category: 'dining', min: 1, max: 5 }, adult)).toBe(false);
    expect(matches({ op: 'not', of: { field: 'spend', category: 'dining', min: 1, max: 5 } }, adult)).toBe(true);
    expect(matches({ field: 'spend', category: 'constructor', min: 1, max: 5 }, adult)).toBe(false);
  });

  it('puts an unknown value in no list, so only a negation includes it', () => {
    const unknown = { ...adult, ageBand: null, province: null };
    expect(matches({ field: 'ageBand', in: ['25-34'] }, unknown)).toBe(false);
    expect(matches({ op: 'not', of: { field: 'province', in: ['NL-NH'] } }, unknown)).toBe(true);
  });

  it('never matches a minor or anyone not known to be an adult, whatever the criteria', () => {
    const minor = { ...adult, isAdult: false, ageBand: null };
    expect(matches({ op: 'not', of: { field: 'ageBand', in: ['25-34'] } }, minor)).toBe(false);
    expect(matches({ op: 'all', of: [] }, minor)).toBe(false);
    expect(matches({ op: 'all', of: [] }, adult)).toBe(true);
    expect(matches({ op: 'any', of: [] }, adult)).toBe(false);
  });

  it('reads a customer_features row', () => {
    const row = {
      customer_id: 'c1',
      is_adult: true,
      age_band: '25-34',
      province: 'NL-NH',
      municipality: 'Amsterdam',
      household_band: 'two',
      interests: ['sport', 'travel'],
      spend_bands: { groceries: 3, travel: 1 },
      computed_at: new Date(),
    };
    expect(featuresFromRow(row)).toEqual(adult);
  });
});
