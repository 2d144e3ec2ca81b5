import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SkipLink } from '@dd/ui';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { useViewerLocaleSync } from './use-locale';
import { useViewerQuery } from './use-viewer';
import './app-layout.css';
import './page-sections.css';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useViewerQuery();
  const viewer = me.data;
  useViewerLocaleSync(viewer);
  useFocusMainOnNavigation();

  return (
    <div className="app-shell">
      <ScrollRestoration />
      <SkipLink targetId="main">{t('common.skipToContent')}</SkipLink>
      <SiteHeader viewer={viewer} resolving={me.isPending} />
      <main id="main" className="app-shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}

/** After a client-side navigation, move focus to the new page so screen readers start there. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}
