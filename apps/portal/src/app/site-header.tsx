import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoleName, Viewer } from '@dd/contract';
import { BrandMark, buttonClassName, LanguageSwitch } from '@dd/ui';
import { homePath } from './role-home';
import { AccountMenu } from './account-menu';
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

        {viewer ? (
          <nav className={NAV[viewer.role].length > 2 ? 'site-header__nav site-header__nav--row' : 'site-header__nav'} aria-label={t('nav.label')}>
            <ul>
              {NAV[viewer.role].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === home} className="site-header__link">
                    {t(`nav.${item.key}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        <div className="site-header__actions">
          <LanguageSwitch label={t('language.label')} value={locale} options={LANGUAGES} onChange={change} />
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
