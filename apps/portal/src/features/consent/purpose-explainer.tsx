import { useTranslation } from 'react-i18next';
import { PURPOSES } from '@dd/contract';
import { Card } from '@dd/ui';

/** The smallest group an advertiser can learn anything about (the consent policy's promise). */
export const MIN_GROUP_SIZE = 100;

const ICONS = { insights: 'chart', offers: 'inbox' } as const;

/** What each purpose means in plain words, and what an advertiser can and cannot receive. */
export function PurposeExplainer() {
  const { t } = useTranslation();
  return (
    <section className="purpose-explainer" aria-labelledby="purposes-title">
      <h2 id="purposes-title" className="page-section__title">
        {t('consent.purposesTitle')}
      </h2>
      <div className="purpose-explainer__grid">
        {PURPOSES.map((purpose) => (
          <Card key={purpose} icon={ICONS[purpose]} title={t(`consent.purposes.${purpose}.title`)}>
            <p>{t(`consent.purposes.${purpose}.body`)}</p>
          </Card>
        ))}
        <Card tone="muted" icon="lock" title={t('consent.canTitle')}>
          <p>{t('consent.can', { k: MIN_GROUP_SIZE })}</p>
          <p className="purpose-explainer__never">
            <strong>{t('consent.cannotTitle')}:</strong> {t('consent.cannot')}
          </p>
        </Card>
      </div>
    </section>
  );
}
