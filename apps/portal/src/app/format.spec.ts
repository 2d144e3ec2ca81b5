import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDate, formatMonth, formatMoney, intlLocale } from './format';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatting for the reader', () => {
  it('maps the portal language to an Intl locale', () => {
    expect(intlLocale('nl')).toBe('nl-NL');
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('fr')).toBe('nl-NL');
  });

  it('shows a booking date on its own calendar day in any time zone', () => {
    expect(formatDate('2024-03-15', 'nl')).toBe('15 maart 2024');
    expect(formatDate('2024-03-01', 'en')).toBe('1 March 2024');
  });

  it('names months', () => {
    expect(formatMonth('2024-03', 'nl')).toBe('maart 2024');
    expect(formatMonth('2024-12', 'en')).toBe('December 2024');
    expect(formatMonth('2024-03', 'en', 'short')).toBe('Mar 24');
  });

  it('formats counts and file sizes', () => {
    expect(formatCount(12345, 'nl')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatBytes(820, 'nl')).toBe('820 B');
    expect(formatBytes(12_700, 'nl')).toBe('12,4 kB');
    expect(formatBytes(20 * 1024 * 1024, 'en')).toBe('20 MB');
  });
});

describe('formatMoney', () => {
  it('uses euro notation for euros and the currency\'s own decimals otherwise', () => {
    expect(plain(formatMoney(-3412, 'EUR'))).toBe('€ -34,12');
    expect(plain(formatMoney(1500, 'JPY'))).toBe('JP¥ 1.500');
    expect(plain(formatMoney(1234, 'USD'))).toBe('US$ 12,34');
  });
});
