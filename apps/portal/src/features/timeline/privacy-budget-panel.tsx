import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PrivacyBudgetUsage } from '@dd/contract';
import { Alert, Button, LoadingBlock, ProgressBar, TableScroll } from '@dd/ui';
import { formatDate, formatMonth, intlLocale } from '../../app/format';
import { useTRPC } from '../../app/trpc';

/**
 * How much of the customer's own privacy budget insight reports used this month, and which
 * reports: the limit that keeps anyone from learning much about one person by buying many reports.
 */
export function PrivacyBudgetPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const budget = useQuery(trpc.privacy.budget.queryOptions());
  return (
    <section className="page-section privacy-budget" aria-labelledby="privacy-budget-title">
      <h2 id="privacy-budget-title" className="privacy-budget__title">
        {t('timeline.budget.title')}
      </h2>
      <p className="privacy-budget__intro">{t('timeline.budget.intro')}</p>
      {budget.isPending ? (
        <LoadingBlock label={t('timeline.budget.loading')} />
      ) : budget.isError ? (
        <Alert tone="danger" title={t('timeline.budget.loadError')} action={<Button variant="secondary" onClick={() => void budget.refetch()}>{t('common.retry')}</Button>} />
      ) : (
        <BudgetUsage usage={budget.data} />
      )}
    </section>
  );
}

function BudgetUsage({ usage }: { usage: PrivacyBudgetUsage }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = (epsilon: string) => Number(epsilon).toLocaleString(intlLocale(language), { maximumFractionDigits: 6 });
  const percent = Math.round(usage.usedShare * 100);
  return (
    <>
      <ProgressBar
        label={t('timeline.budget.used', { month: formatMonth(usage.period, language) })}
        value={percent}
        valueText={t('timeline.budget.valueText', { used: number(usage.used), budget: number(usage.budget) })}
      />
      <p className="privacy-budget__numbers">{t('timeline.budget.numbers', { used: number(usage.used), budget: number(usage.budget) })}</p>
      {usage.reports.length === 0 ? (
        <p className="privacy-budget__empty">{t('timeline.budget.none')}</p>
      ) : (
        <TableScroll label={t('timeline.budget.tableCaption')}>
          <table className="privacy-budget__table">
            <caption className="dd-visually-hidden">{t('timeline.budget.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('timeline.budget.report')}</th>
                <th scope="col">{t('timeline.budget.advertiser')}</th>
                <th scope="col">{t('timeline.budget.date')}</th>
                <th scope="col" className="privacy-budget__num">{t('timeline.budget.epsilon')}</th>
              </tr>
            </thead>
            <tbody>
              {usage.reports.map((report) => (
                <tr key={report.id}>
                  <td>{report.title}</td>
                  <td>{report.advertiser}</td>
                  <td>{formatDate(report.at, language)}</td>
                  <td className="privacy-budget__num">{number(report.epsilon)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
