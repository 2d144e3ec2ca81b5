import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PrivacyBudgetMeter } from '@dd/contract';
import { formatDate, intlLocale } from '../../app/format';
import { useTRPC } from '../../app/trpc';

type Pool = PrivacyBudgetMeter['purchases'] | PrivacyBudgetMeter['estimates'];

/**
 * The organisation's privacy budget this month, per pool: a meter with its numbers written out (not
 * colour alone), what still fits in the units a person buys in, and the day it starts again. The
 * organisation's own spending only; nothing in it is about members.
 */
export function BudgetMeter({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation('purchases');
  const trpc = useTRPC();
  const query = useQuery(trpc.advertiser.purchases.budget.queryOptions(undefined, { staleTime: 30_000 }));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const language = i18n.language;
  const meter = query.data;

  return (
    <section className="page-section budget-meter" aria-labelledby="budget-meter-title">
      <Heading id="budget-meter-title" className="page-section__title">
        {t('budget.title')}
      </Heading>
      {query.isError ? (
        <p className="page-section__note" role="status">
          {t('budget.loadError')}
        </p>
      ) : !meter ? null : (
        <>
          <p className="page-section__note">{t('budget.intro')}</p>
          <dl className="budget-meter__pools">
            <PoolRow label={t('budget.purchases')} pool={meter.purchases} language={language}>
              {t('budget.reportsLeft', { count: meter.purchases.reportsLeft })}{' '}
              {t('budget.campaignsLeft', { count: meter.purchases.campaignsLeft })}
            </PoolRow>
            <PoolRow label={t('budget.estimates')} pool={meter.estimates} language={language}>
              {t('budget.questionsLeft', { count: meter.estimates.questionsLeft })}
            </PoolRow>
          </dl>
          <p className="page-section__note">{t('budget.resetsOn', { date: formatDate(meter.resetsOn, language) })}</p>
        </>
      )}
    </section>
  );
}

function PoolRow({ label, pool, language, children }: { label: string; pool: Pool; language: string; children: ReactNode }) {
  const { t } = useTranslation('purchases');
  const epsilon = (value: string) => new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 6 }).format(Number(value));
  const values = { used: epsilon(pool.used), budget: epsilon(pool.budget), left: epsilon(pool.left) };
  return (
    <div className="budget-meter__pool">
      <dt>{label}</dt>
      <dd>
        <meter className="budget-meter__bar" min={0} max={1} low={0.75} high={0.9} optimum={0} value={pool.usedShare} aria-label={t('budget.meterLabel', { pool: label, ...values })} />
        <span className="budget-meter__numbers">{t('budget.usedOf', values)}</span>
        <span className="budget-meter__fits">{children}</span>
      </dd>
    </div>
  );
}
