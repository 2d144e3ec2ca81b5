import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocaleCode } from '@dd/contract';
import { en } from './en';
import { nl } from './nl';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from './locale-storage';

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

/** One i18next instance for the portal; keeps `<html lang>` in step with the language. */
export function createI18n(locale: LocaleCode): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
