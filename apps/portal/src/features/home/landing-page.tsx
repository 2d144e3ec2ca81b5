import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, Card, Icon } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { ShareExample } from './share-example';
import './home.css';

const POINTS = [
  { id: 'consent', icon: 'sliders' },
  { id: 'transparency', icon: 'eye' },
  { id: 'anonymous', icon: 'lock' },
] as const;

export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.landing'));

  return (
    <div className="landing">
      <section className="landing-hero">
        <div className="dd-container landing-hero__inner">
          <div className="landing-hero__text">
            <p className="landing-hero__eyebrow">{t('landing.eyebrow')}</p>
            <h1 className="landing-hero__title">{t('landing.title')}</h1>
            <p className="landing-hero__lead">{t('landing.lead')}</p>
            <div className="landing-hero__actions">
              <Link to="/sign-up" className={buttonClassName('primary', 'lg')}>
                {t('landing.ctaSignUp')}
                <Icon name="arrowRight" size={18} />
              </Link>
              <Link to="/sign-in" className={buttonClassName('secondary', 'lg')}>
                {t('landing.ctaSignIn')}
              </Link>
            </div>
            <p className="landing-hero__advertiser">
              {t('landing.advertiserPrompt')} <Link to="/sign-up?role=advertiser">{t('landing.advertiserLink')}</Link>
            </p>
          </div>
          <ShareExample />
        </div>
      </section>
      <section className="dd-container landing-points" aria-labelledby="landing-points-title">
        <h2 id="landing-points-title" className="dd-visually-hidden">
          {t('landing.pointsTitle')}
        </h2>
        <ul className="step-list step-list--three">
          {POINTS.map(({ id, icon }) => (
            <Card key={id} as="li" icon={icon} title={t(`landing.points.${id}.title`)}>
              <p>{t(`landing.points.${id}.body`)}</p>
            </Card>
          ))}
        </ul>
      </section>
    </div>
  );
}
