import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '@dd/ui';

// An illustration of the revenue split: members share 70% of every sale, the platform keeps 30%.
const SALE_CENTS = 10_000;
const MEMBER_PERCENT = 70;

export function ShareExample() {
  const { t } = useTranslation();
  const titleId = useId();
  const members = (SALE_CENTS * MEMBER_PERCENT) / 100;
  const platform = SALE_CENTS - members;

  return (
    <figure className="share-example" aria-labelledby={titleId}>
      <p className="share-example__title" id={titleId}>
        {t('landing.example.title')}
      </p>
      <p className="share-example__total">{formatAmount(SALE_CENTS)}</p>
      <p className="share-example__caption">{t('landing.example.caption')}</p>
      <div className="share-example__bar" aria-hidden="true">
        <span className="share-example__bar-members" style={{ width: `${MEMBER_PERCENT}%` }} />
        <span className="share-example__bar-platform" />
      </div>
      <dl className="share-example__legend">
        <div>
          <dt>
            <span className="share-example__swatch share-example__swatch--members" aria-hidden="true" />
            {t('landing.example.members')} ({MEMBER_PERCENT}%)
          </dt>
          <dd>{formatAmount(members)}</dd>
        </div>
        <div>
          <dt>
            <span className="share-example__swatch" aria-hidden="true" />
            {t('landing.example.platform')} ({100 - MEMBER_PERCENT}%)
          </dt>
          <dd>{formatAmount(platform)}</dd>
        </div>
      </dl>
      <figcaption className="share-example__note">{t('landing.example.note')}</figcaption>
    </figure>
  );
}
