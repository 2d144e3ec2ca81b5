import type { LocaleCode } from '@dd/contract';
import { formatAmount } from '@dd/ui';

// Dates and counts follow the reader's language; amounts always use Dutch euro notation (formatAmount).
const INTL_LOCALE: Record<LocaleCode, string> = { nl: 'nl-NL', en: 'en-GB' };

export function intlLocale(language: string): string {
  return language === 'en' ? INTL_LOCALE.en : INTL_LOCALE.nl;
}

/** "15 maart 2024" / "15 March 2024"; accepts a date (YYYY-MM-DD) or a timestamp. */
export function formatDate(value: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: zoneFor(value) }).format(
    new Date(value),
  );
}

/** "15 mrt 2024, 17:42" in the reader's time zone. */
export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(value),
  );
}

/** A calendar month 'YYYY-MM' as "maart 2024" (long) or "mrt '24"-like short form. */
export function formatMonth(month: string, language: string, style: 'long' | 'short' = 'long'): string {
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthIndex - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: style === 'long' ? 'long' : 'short',
    year: style === 'long' ? 'numeric' : '2-digit',
    timeZone: 'UTC',
  }).format(date);
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** File sizes as people read them: "820 B", "12,4 kB", "3,1 MB" (powers of 1024, like file managers). */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A plain date has no time zone: read it as UTC so "2024-03-15" never shows as the 14th. */
function zoneFor(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined;
}

/** An amount in the minor unit of its currency: euros via formatAmount, others with their own decimals (JPY has none). */
export function formatMoney(amountMinor: number, currency: string): string {
  if (currency === 'EUR') return formatAmount(amountMinor);
  try {
    const format = new Intl.NumberFormat('nl-NL', { style: 'currency', currency });
    return format.format(amountMinor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${currency} ${amountMinor}`;
  }
}
