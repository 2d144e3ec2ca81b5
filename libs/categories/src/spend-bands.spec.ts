import { describe, expect, it } from 'vitest';
import { householdBand, householdBandSchema } from './household-bands';
import { SPEND_WINDOW_DAYS, monthlySpendBands, spendBand, spendBandSchema } from './spend-bands';

describe('spend bands', () => {
  it.each([
    [0, 0],
    [-500, 0],
    [1, 1],
    [2_499, 1],
    [2_500, 2],
    [9_999, 2],
    [10_000, 3],
    [24_999, 3],
    [25_000, 4],
    [49_999, 4],
    [50_000, 5],
    [10_000_000, 5],
    [Number.NaN, 0],
  ])('%i cents a month is band %i', (cents, band) => {
    expect(spendBand(cents)).toBe(band);
  });

  it('validates bands', () => {
    expect(spendBandSchema.safeParse(3).success).toBe(true);
    expect(spendBandSchema.safeParse(6).success).toBe(false);
  });
});

describe('monthly spend bands over the last 90 days', () => {
  const reference = new Date('2024-03-31T10:00:00Z');

  it('averages net spend over three months per sellable category', () => {
    const bands = monthlySpendBands(
      [
        { bookedOn: '2024-03-30', amountCents: -30_000, category: 'groceries' },
        { bookedOn: '2024-02-15', amountCents: -30_000, category: 'groceries' },
        { bookedOn: '2024-01-02', amountCents: -30_000, category: 'groceries' },
        { bookedOn: '2024-03-01', amountCents: -9_000, category: 'fashion' },
        { bookedOn: '2024-03-02', amountCents: 1_500, category: 'fashion' },
      ],
      reference,
    );
    expect(bands.groceries).toBe(4); // €900 / 3 = €300 a month; band 4 runs from €250 to under €500
    expect(bands.fashion).toBe(2); // (€90 − €15 refund) / 3 = €25
    expect(bands.dining).toBe(0);
  });

  it('includes the reference day and the 89 days before it, and nothing else', () => {
    const inside = { bookedOn: '2024-01-02', amountCents: -7_500, category: 'dining' };
    const outside = { bookedOn: '2024-01-01', amountCents: -1_000_000, category: 'dining' };
    const future = { bookedOn: '2024-04-01', amountCents: -1_000_000, category: 'dining' };
    expect(SPEND_WINDOW_DAYS).toBe(90);
    expect(monthlySpendBands([inside, outside, future], reference).dining).toBe(2);
  });

  it('never computes special, protected or internal categories', () => {
    const bands = monthlySpendBands(
      [
        { bookedOn: '2024-03-01', amountCents: -100_000, category: 'health' },
        { bookedOn: '2024-03-01', amountCents: -100_000, category: 'pregnancy_baby' },
        { bookedOn: '2024-03-01', amountCents: -100_000, category: 'housing' },
        { bookedOn: '2024-03-01', amountCents: -100_000, category: null },
      ],
      reference,
    );
    expect(Object.keys(bands)).not.toContain('health');
    expect(Object.keys(bands)).not.toContain('pregnancy_baby');
    expect(Object.keys(bands)).not.toContain('housing');
    expect(Object.values(bands).every((band) => band === 0)).toBe(true);
  });

  it('treats refunds larger than spending as no spending', () => {
    expect(monthlySpendBands([{ bookedOn: '2024-03-01', amountCents: 5_000, category: 'electronics' }], reference).electronics).toBe(0);
  });
});

describe('household bands', () => {
  it.each([
    [1, 'single'],
    [2, 'two'],
    [3, 'three_four'],
    [4, 'three_four'],
    [5, 'five_plus'],
    [20, 'five_plus'],
  ] as const)('%i people is %s', (size, band) => {
    expect(householdBand(size)).toBe(band);
    expect(householdBandSchema.parse(band)).toBe(band);
  });

  it.each([0, -1, 2.5, 21, Number.NaN])('rejects %d', (size) => {
    expect(() => householdBand(size)).toThrow(/household size between 1 and 20/);
  });
});
