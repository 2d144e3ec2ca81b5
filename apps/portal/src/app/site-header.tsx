import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Viewer } from '@dd/contract';
import { BrandMark, buttonClassName, LanguageSwitch } from '@dd/ui';
import { homePath } from './role-home';
import { AccountMenu } from './account-menu';
import { useChangeLocale } from './use-locale';

const LANGUAGES = [
  { code: 'nl', short: 'NL', name: 'Nederlands' },
  { code: 'en', short: 'EN', name: 'English' },
] as const;

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
          <nav className="site-header__nav" aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to={home} end className="site-header__link">
                  {t('nav.overview')}
                </NavLink>
              </li>
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
