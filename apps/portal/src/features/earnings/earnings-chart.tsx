import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EarningsSummary } from '@dd/contract';
import { BarChart, buttonClassName, formatAmount } from '@dd/ui';
import { formatMonth, intlLocale } from '../../app/format';

/** Compact axis labels: "€ 15" rather than "€ 15,00"; cents only where a tick has them (small earnings: "€ 0,04", not four times "€ 0"). */
const tickFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const centsTickFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const formatTick = (cents: number) => (Number.isInteger(cents / 100) ? tickFormat : centsTickFormat).format(cents / 100);

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
        formatTick={formatTick}
        labelHeader={t('chart.month')}
        valueHeader={t('chart.amount')}
        toggleLabels={{ showTable: tc('common.showTable'), showChart: tc('common.showChart') }}
      />
    </section>
  );
}
