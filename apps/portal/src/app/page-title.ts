import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> · DataDividend", in the current language. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const brand = t('common.brand');
  useEffect(() => {
    document.title = title === brand ? brand : `${title} · ${brand}`;
  }, [title, brand]);
}
