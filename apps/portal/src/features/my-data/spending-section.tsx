import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BarChart, formatAmount, formatEuroTick, SelectField } from '@dd/ui';
import { formatMonth } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { fillMonths, periodMonths } from './spending-months';

export const SPENDING_PERIODS = [3, 6, 12, 24] as const;


export function SpendingSection({ labels, months, onMonthsChange }: { labels: ReferenceLabels; months: number; onMonthsChange: (months: number) => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const spending = useQuery(trpc.transactions.spending.queryOptions({ months }, { placeholderData: keepPreviousData }));
  const language = i18n.language;

  let body;
  if (spending.isPending) body = <SectionLoading />;
  else if (spending.isError)
    body = <SectionLoadError title={t('data.spending.loadError')} error={spending.error} onRetry={() => void spending.refetch()} retrying={spending.isFetching} />;
  else if (spending.data.byCategory.length === 0)
    body = (
      <div className="page-section__empty-state">
        <p className="page-section__empty-title">{t('data.spending.emptyTitle')}</p>
        <p>{t('data.spending.emptyBody')}</p>
      </div>
    );
  else {
    const { from, to, byCategory, byMonth, transactionCount } = spending.data;
    const period = periodMonths(from, to);
    body = (
      <>
        <p className="page-section__lead">
          {t('data.spending.range', { from: formatMonth(period[0] ?? from.slice(0, 7), language), to: formatMonth(period.at(-1) ?? to.slice(0, 7), language) })}{' '}
          {t('data.spending.basedOn', { count: transactionCount })}
        </p>
        <div className="spending-charts">
          <BarChart
            title={t('data.spending.byCategory')}
            description={t('data.spending.byCategoryDescription')}
            data={byCategory.map((row) => ({
              key: row.category,
              label: labels.category(row.category),
              value: row.totalCents,
              detail: t('data.spending.paymentsCount', { count: row.count }),
              tone: labels.isNeverShared(row.category) ? 'muted' : 'default',
            }))}
            formatValue={formatAmount}
            labelHeader={t('data.spending.category')}
            valueHeader={t('data.spending.amount')}
            detailHeader={t('data.spending.payments')}
            toggleLabels={{ showTable: t('common.showTable'), showChart: t('common.showChart') }}
          />
          <BarChart
            title={t('data.spending.byMonth')}
            orientation="vertical"
            data={fillMonths(from, to, byMonth).map((row) => ({
              key: row.month,
              label: formatMonth(row.month, language, period.length > 6 ? 'short' : 'long'),
              value: row.totalCents,
            }))}
            formatValue={formatAmount}
            formatTick={formatEuroTick}
            labelHeader={t('data.spending.month')}
            valueHeader={t('data.spending.amount')}
            toggleLabels={{ showTable: t('common.showTable'), showChart: t('common.showChart') }}
          />
        </div>
      </>
    );
  }

  return (
    <section className="page-section" aria-labelledby="spending-title" aria-busy={spending.isFetching && !spending.isPending}>
      <div className="page-section__head">
        <h2 id="spending-title" className="page-section__title">
          {t('data.spending.title')}
        </h2>
        <SelectField
          label={t('data.spending.periodLabel')}
          className="page-section__control"
          value={String(months)}
          onChange={(event) => onMonthsChange(Number(event.target.value))}
        >
          {SPENDING_PERIODS.map((n) => (
            <option key={n} value={n}>
              {t('data.spending.lastMonths', { months: n })}
            </option>
          ))}
        </SelectField>
      </div>
      {body}
    </section>
  );
}
