import type { LocaleCode } from '@dd/contract';

export const DEFAULT_LOCALE: LocaleCode = 'nl';
export const SUPPORTED_LOCALES: readonly LocaleCode[] = ['nl', 'en'];
const STORAGE_KEY = 'dd.locale';

export function isLocale(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The language an anonymous visitor chose last time; Dutch when none (or storage is blocked). */
export function readStoredLocale(): LocaleCode {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: LocaleCode): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or blocked storage: the choice then lasts for this page view only.
  }
}
