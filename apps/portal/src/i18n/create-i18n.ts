import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocaleCode } from '@dd/contract';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from './locale-storage';
import { namespaceBackend } from './namespace-backend';
import { nl } from './nl';

/**
 * The portal's i18next instance; keeps `<html lang>` in step with the language. Only the Dutch shared
 * texts are bundled (the default, and the fallback for a text that failed to load); English and every
 * feature's namespace come from chunks of their own when first used (namespace-backend.ts).
 * `ready` settles once the texts of the first page's language are there.
 */
export function createI18n(locale: LocaleCode): { i18n: I18n; ready: Promise<unknown> } {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  const ready = instance
    .use(namespaceBackend)
    .use(initReactI18next)
    .init({
      resources: { nl: { translation: nl } },
      partialBundledLanguages: true,
      ns: ['translation'],
      defaultNS: 'translation',
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...SUPPORTED_LOCALES],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  return { i18n: instance, ready };
}
