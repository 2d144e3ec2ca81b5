import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LocaleCode, Viewer } from '@dd/contract';
import { isLocale, storeLocale } from '../i18n/locale-storage';
import { useTRPC } from './trpc';
import { useSetViewer } from './use-viewer';

/** The account's saved language wins once someone signs in. */
export function useViewerLocaleSync(viewer: Viewer | null | undefined): void {
  const { i18n } = useTranslation();
  const locale = viewer?.locale;
  useEffect(() => {
    if (locale && locale !== i18n.language) {
      void i18n.changeLanguage(locale);
      storeLocale(locale);
    }
  }, [locale, i18n]);
}

/** Switches language now; remembers it in the browser, and on the account when signed in. */
export function useChangeLocale(viewer: Viewer | null | undefined) {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setViewer = useSetViewer();
  const saveLocale = useMutation(
    trpc.account.setLocale.mutationOptions({
      // Saving is best effort: the screen already switched; on failure re-read the truth.
      onError: () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
    }),
  );

  const current: LocaleCode = isLocale(i18n.language) ? i18n.language : 'nl';
  const change = (locale: LocaleCode) => {
    void i18n.changeLanguage(locale);
    storeLocale(locale);
    if (viewer) {
      setViewer({ ...viewer, locale });
      saveLocale.mutate({ locale });
    }
  };
  return { locale: current, change };
}
