import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutchDate, invoiceAmounts, invoiceNumber, unitPriceCents } from './invoice.arithmetic';

describe('invoice amounts: VAT on top of the net sale amount, rounded half up once per invoice', () => {
  it('computes 21% of round and awkward amounts', () => {
    expect(invoiceAmounts(100_000, 2_100)).toEqual({ netCents: 100_000, vatRateBp: 2_100, vatCents: 21_000, totalCents: 121_000 });
    // 123.45 × 21% = 25.9245 → 25.92
    expect(invoiceAmounts(12_345, 2_100)).toMatchObject({ vatCents: 2_592, totalCents: 14_937 });
    // 0.50 × 21% = 0.105 → 0.11 (exactly half a cent rounds up)
    expect(invoiceAmounts(50, 2_100)).toMatchObject({ vatCents: 11, totalCents: 61 });
    // 0.02 × 21% = 0.0042 → 0.00
    expect(invoiceAmounts(2, 2_100)).toMatchObject({ vatCents: 0, totalCents: 2 });
    // The reduced rate and no VAT at all.
    expect(invoiceAmounts(9_999, 900)).toMatchObject({ vatCents: 900, totalCents: 10_899 });
    expect(invoiceAmounts(9_999, 0)).toMatchObject({ vatCents: 0, totalCents: 9_999 });
  });

  it('always gives whole cents, within half a cent of the exact VAT, with net + VAT = total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (net, rate) => {
        const { vatCents, totalCents } = invoiceAmounts(net, rate);
        expect(Number.isSafeInteger(vatCents)).toBe(true);
        expect(totalCents).toBe(net + vatCents);
        // |vat − net × rate / 10,000| ≤ ½ cent, in exact integer arithmetic.
        const error = BigInt(vatCents) * 10_000n - BigInt(net) * BigInt(rate);
        expect(error <= 5_000n && error >= -5_000n).toBe(true);
        // Half a cent exactly goes up.
        if ((BigInt(net) * BigInt(rate)) % 10_000n === 5_000n) expect(error).toBe(5_000n);
      }),
      { numRuns: 10_000 },
    );
  });

  it('refuses amounts and rates that are not whole or out of range', () => {
    expect(() => invoiceAmounts(0, 2_100)).toThrow(RangeError);
    expect(() => invoiceAmounts(10.5, 2_100)).toThrow(RangeError);
    expect(() => invoiceAmounts(100, 10_001)).toThrow(RangeError);
  });
});

describe('invoice numbers, dates and unit prices', () => {
  it('numbers invoices per year with six digits', () => {
    expect(invoiceNumber(2026, 1)).toBe('2026-000001');
    expect(invoiceNumber(2027, 123_456)).toBe('2027-123456');
  });

  it('dates an invoice in Dutch time, so New Year’s night counts for the new year', () => {
    expect(dutchDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(dutchDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(dutchDate(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
    expect(dutchDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  it('prints the price per member, in fractions of a cent when it does not divide', () => {
    expect(unitPriceCents(60_000, 1_200)).toBe(50);
    expect(unitPriceCents(10_000, 3)).toBe(3_333.3333);
  });
});
