import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EarningsSummary } from '@dd/contract';
import { BarChart, buttonClassName, formatAmount, formatEuroTick } from '@dd/ui';
import { formatMonth, intlLocale } from '../../app/format';


export function EarningsChart({ summary }: { summary: EarningsSummary }) {
  const { t, i18n } = useTranslation('earnings');
  const { t: tc } = useTranslation();
  if (summary.earnedCents === 0) {
    return (
      <section className="page-section earnings-chart" aria-labelledby="earnings-chart-title">
        <h2 id="earnings-chart-title" className="page-section__title">
          {t('chart.title')}
        </h2>
        <div className="page-section__empty-state">
          <p className="page-section__empty-title">{t('chart.emptyTitle')}</p>
          <p>{t('chart.emptyBody')}</p>
          <p>
            <Link to="/customer/consent" className={buttonClassName('secondary', 'sm')}>
              {t('chart.toConsent')}
            </Link>
          </p>
        </div>
      </section>
    );
  }
  // Twelve columns leave room for the month alone; the description names the period with its years.
  const monthName = new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'short', timeZone: 'UTC' });
  const first = summary.monthly[0]!.month;
  const last = summary.monthly.at(-1)!.month;
  return (
    <section className="page-section earnings-chart">
      <BarChart
        title={t('chart.title')}
        headingLevel={2}
        description={t('chart.description', { from: formatMonth(first, i18n.language), to: formatMonth(last, i18n.language) })}
        orientation="vertical"
        data={summary.monthly.map((row) => ({ key: row.month, label: monthName.format(new Date(`${row.month}-01T00:00:00Z`)), value: row.earnedCents }))}
        formatValue={formatAmount}
        formatTick={formatEuroTick}
        labelHeader={t('chart.month')}
        valueHeader={t('chart.amount')}
        toggleLabels={{ showTable: tc('common.showTable'), showChart: tc('common.showChart') }}
      />
    </section>
  );
}
