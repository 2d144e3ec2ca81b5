import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoleName, Viewer } from '@dd/contract';
import { BrandMark, buttonClassName, Icon, LanguageSwitch } from '@dd/ui';
import { homePath } from './role-home';
import { AccountMenu } from './account-menu';
import { NotificationBell } from './notification-bell';
import { navMenuTransition, type NavMenuEvent } from './nav-menu';
import { useChangeLocale } from './use-locale';

const LANGUAGES = [
  { code: 'nl', short: 'NL', name: 'Nederlands' },
  { code: 'en', short: 'EN', name: 'English' },
] as const;

type NavKey = 'overview' | 'customerData' | 'profile' | 'consent' | 'timeline' | 'privacy' | 'segments' | 'earnings' | 'payouts' | 'billing' | 'bankStatements' | 'purchases' | 'moderation' | 'offers' | 'organisation' | 'adminOrganisations' | 'audit' | 'operations';

/** Each role's pages, in the order of the menu. */
const NAV: Record<RoleName, readonly { key: NavKey; to: string }[]> = {
  customer: [
    { key: 'overview', to: '/customer' },
    { key: 'customerData', to: '/customer/data' },
    { key: 'profile', to: '/customer/profile' },
    { key: 'consent', to: '/customer/consent' },
    { key: 'offers', to: '/customer/offers' },
    { key: 'timeline', to: '/customer/timeline' },
    { key: 'earnings', to: '/customer/earnings' },
    { key: 'privacy', to: '/customer/privacy' },
  ],
  advertiser: [
    { key: 'overview', to: '/advertiser' },
    { key: 'segments', to: '/advertiser/segments' },
    { key: 'purchases', to: '/advertiser/purchases' },
    { key: 'billing', to: '/advertiser/billing' },
    { key: 'organisation', to: '/advertiser/organisation' },
  ],
  admin: [
    { key: 'overview', to: '/admin' },
    { key: 'adminOrganisations', to: '/admin/organisations' },
    { key: 'moderation', to: '/admin/moderation' },
    { key: 'payouts', to: '/admin/payouts' },
    { key: 'bankStatements', to: '/admin/bank-statements' },
    { key: 'operations', to: '/admin/operations' },
    { key: 'audit', to: '/admin/audit' },
  ],
};

interface SiteHeaderProps {
  viewer: Viewer | null | undefined;
  /** While `auth.me` is loading the header shows neither sign-in links nor an account. */
  resolving: boolean;
}

export function SiteHeader({ viewer, resolving }: SiteHeaderProps) {
  const { t } = useTranslation();
  const { locale, change } = useChangeLocale(viewer);
  const home = viewer ? homePath(viewer.role) : '/';

  return (
    <header className="site-header">
      <div className="dd-container site-header__bar">
        <Link to={home} className="site-header__brand">
          <BrandMark size={30} />
          <span>{t('common.brand')}</span>
        </Link>

        {viewer ? <RoleNav forRole={viewer.role} home={home} /> : null}

        <div className="site-header__actions">
          <LanguageSwitch label={t('language.label')} value={locale} options={LANGUAGES} onChange={change} />
          {viewer ? <NotificationBell /> : null}
          {viewer ? <AccountMenu viewer={viewer} /> : null}
          {!viewer && !resolving ? (
            <div className="site-header__auth">
              <Link to="/sign-in" className={buttonClassName('ghost', 'sm')}>
                {t('nav.signIn')}
              </Link>
              <Link to="/sign-up" className={buttonClassName('primary', 'sm')}>
                {t('nav.signUp')}
              </Link>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}

/**
 * The role's pages. Wide screens show them as a row; on a phone (see app-layout.css) a menu button
 * shows and hides them as a list instead of wrapping the header over several rows.
 */
export function RoleNav({ forRole, home, initiallyOpen = false }: { forRole: RoleName; home: string; initiallyOpen?: boolean }) {
  const { t } = useTranslation();
  const navId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();

  const dispatch = (event: NavMenuEvent, current: boolean) => {
    const outcome = navMenuTransition({ open: current }, event);
    setOpen(outcome.open);
    if (outcome.focusButton) buttonRef.current?.focus();
  };

  // A followed link closes the menu (the layout then moves focus to the new page).
  const previousPath = useRef(pathname);
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    setOpen(navMenuTransition({ open: true }, 'navigate').open);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatchOpen('escape');
    };
    const onPointer = (event: PointerEvent) => {
      if (wrapRef.current && event.target instanceof Node && !wrapRef.current.contains(event.target)) dispatchOpen('outside');
    };
    const dispatchOpen = (event: NavMenuEvent) => {
      const outcome = navMenuTransition({ open: true }, event);
      setOpen(outcome.open);
      if (outcome.focusButton) buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const items = NAV[forRole];
  return (
    <div ref={wrapRef} className={items.length > 2 ? 'site-header__menu site-header__menu--row' : 'site-header__menu'}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName('secondary', 'sm', 'site-header__menu-button')}
        aria-expanded={open}
        aria-controls={navId}
        onClick={() => dispatch('toggle', open)}
      >
        <Icon name={open ? 'close' : 'menu'} size={18} />
        {t('nav.menu')}
      </button>
      <nav id={navId} className={open ? 'site-header__nav site-header__nav--open' : 'site-header__nav'} aria-label={t('nav.label')}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === home} className="site-header__link">
                {t(`nav.${item.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
