import { describe, expect, it } from 'vitest';
import { formatAmount } from './format-amount';

// Intl separates the symbol with a no-break space; compare on plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatAmount', () => {
  it('formats cents as Dutch euros', () => {
    expect(plain(formatAmount(123456))).toBe('€ 1.234,56');
    expect(plain(formatAmount(5))).toBe('€ 0,05');
    expect(plain(formatAmount(0))).toBe('€ 0,00');
  });

  it('formats negative amounts', () => {
    expect(plain(formatAmount(-2500))).toBe('€ -25,00');
  });

  it('refuses fractional cents', () => {
    expect(() => formatAmount(1.5)).toThrow(RangeError);
  });
});
