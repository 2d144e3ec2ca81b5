import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTRPC } from './trpc';

/** Links to the legal pages; in the layout, so on every page, signed in or out. */
export const FOOTER_LINKS = [
  { to: '/legal/terms', key: 'footerTerms' },
  { to: '/legal/privacy', key: 'footerPrivacyStatement' },
  { to: '/legal/data', key: 'footerData' },
] as const;

export function SiteFooter() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Who runs the platform and where to write, as the deployment configured it (the same details as the legal pages).
  const operator = useQuery(trpc.reference.operator.queryOptions(undefined, { staleTime: Infinity }));
  return (
    <footer className="app-shell__footer">
      <div className="dd-container app-shell__footer-inner">
        <div className="app-shell__footer-text">
          <span>
            © {new Date().getFullYear()} {t('common.brand')}. {t('common.footerTagline')}
          </span>
          <span>{t('common.footerPrivacy')}</span>
          {operator.data ? (
            <span>
              {operator.data.name} · <a href={`mailto:${operator.data.supportEmail}`}>{operator.data.supportEmail}</a>
            </span>
          ) : null}
        </div>
        <nav aria-label={t('common.footerLegal')}>
          <ul className="app-shell__footer-links">
            {FOOTER_LINKS.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{t(`common.${link.key}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
