import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorUnitExponent, parseAmount } from './amount';

const minor = (raw: string, notation: 'nl' | 'xml' = 'nl', exponent = 2): number | string => {
  const result = parseAmount(raw, notation, exponent);
  return result.ok ? result.minor : result.reason;
};

/** Dutch notation as banks and spreadsheets write it: optional sign, optional `.` thousands groups, decimal comma. */
function formatDutch(cents: number, options: { grouping: boolean; plus: boolean }): string {
  const sign = cents < 0 ? '-' : options.plus ? '+' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100));
  const grouped = options.grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole;
  return `${sign}${grouped},${String(abs % 100).padStart(2, '0')}`;
}

describe('parseAmount (Dutch notation)', () => {
  it('reads decimal commas, thousands separators and explicit signs into integer cents', () => {
    expect(minor('1,25')).toBe(125);
    expect(minor('1.987,55')).toBe(198755);
    expect(minor('1.234.567,89')).toBe(123456789);
    expect(minor('-337,49')).toBe(-33749);
    expect(minor('+5257,28')).toBe(525728);
    expect(minor('0,1')).toBe(10);
    expect(minor('12')).toBe(1200);
    expect(minor(' 3,20 ')).toBe(320);
  });

  it('gives plain zero for every way of writing zero', () => {
    expect(Object.is(minor('-0,00'), 0)).toBe(true);
    expect(minor('+0,00')).toBe(0);
  });

  it('tells a malformed amount from one with too many decimals', () => {
    expect(minor('12,3x')).toBe('format');
    expect(minor('1,987.55')).toBe('format');
    expect(minor('1.98,55')).toBe('format');
    expect(minor('')).toBe('format');
    expect(minor(',50')).toBe('format');
    expect(minor('12,345')).toBe('precision');
    expect(minor('12,340')).toBe(1234);
    expect(minor('1234567890123456,00')).toBe('range');
  });

  it('never goes through floating point: amounts that floats get wrong stay exact', () => {
    // 0.29 * 100 === 28.999999999999996 and 1.005 * 100 === 100.49999999999999 in IEEE doubles.
    expect(minor('0,29')).toBe(29);
    expect(minor('4.35', 'xml')).toBe(435);
    expect(minor('8.20', 'xml')).toBe(820);
  });

  it('round-trips any cent amount written in Dutch notation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
        fc.boolean(),
        fc.boolean(),
        (cents, grouping, plus) => {
          const result = parseAmount(formatDutch(cents, { grouping, plus }), 'nl', 2);
          expect(result).toEqual({ ok: true, minor: cents, signed: cents < 0 || plus });
        },
      ),
    );
  });
});

describe('parseAmount (ISO 20022 notation)', () => {
  it('uses the currency exponent: JPY has no minor unit, KWD has three', () => {
    expect(minorUnitExponent('EUR')).toBe(2);
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('KWD')).toBe(3);
    expect(minor('1500', 'xml', 0)).toBe(1500);
    expect(minor('12800.00', 'xml', 0)).toBe(12800);
    expect(minor('1500.5', 'xml', 0)).toBe('precision');
    expect(minor('1.250', 'xml', 3)).toBe(1250);
    expect(minor('1234.5', 'xml')).toBe(123450);
    expect(minor('.5', 'xml')).toBe(50);
  });

  it('rejects the Dutch comma in XML', () => {
    expect(minor('12,50', 'xml')).toBe('format');
  });
});
