import { describe, expect, it } from 'vitest';
import { breakdownCategory } from './marketplace-text';

describe('breakdownCategory', () => {
  it('names the data category each report breakdown reads, as the report service charges consent for it', () => {
    expect(['ageBand', 'province', 'householdBand', 'spend:groceries'].map(breakdownCategory)).toEqual(['profile_age', 'profile_region', 'profile_household', 'groceries']);
    expect(breakdownCategory('municipality')).toBeUndefined();
  });
});
