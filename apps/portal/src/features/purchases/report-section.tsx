import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PurchaseDetail, ReportTable } from '@dd/contract';
import { barFraction, Button, cx, Icon } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatCount, intlLocale } from '../../app/format';
import { useReferenceLabels } from '../../app/reference-data';
import { useTRPC } from '../../app/trpc';
import { breakdownLabel, cellLabel, type CellContext } from './marketplace-text';

type Report = NonNullable<PurchaseDetail['report']>;

/** The epsilon as the reader writes numbers (0,5 in Dutch), like the member's privacy budget does; the CSV keeps 0.5. */
const formatEpsilon = (epsilon: string, language: string) => Number(epsilon).toLocaleString(intlLocale(language), { maximumFractionDigits: 6 });

/** A delivered insight report: one chart per table, each also as a table, the privacy cost stated, and a CSV download. */
export function ReportSection({ purchaseId, report, locale }: { purchaseId: string; report: Report; locale: 'nl' | 'en' }) {
  const { t, i18n } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const { labels } = useReferenceLabels();
  const options = useQuery(trpc.reference.segmentOptions.queryOptions(undefined, { staleTime: 60 * 60_000 }));
  const context: CellContext = { t, tc, language: i18n.language, labels, options: options.data };

  return (
    <section className="page-section report-section" aria-labelledby="report-title">
      <div className="page-section__head">
        <div className="page-section__intro">
          <h2 id="report-title" className="page-section__title">
            {t('report.title')}
          </h2>
          <p>{t('report.intro')}</p>
          <p className="report-section__epsilon">
            <Icon name="shield" size={16} />
            <span>{t('report.epsilonTotal', { epsilon: formatEpsilon(report.epsilon, i18n.language) })}</span>
          </p>
        </div>
        <CsvDownload purchaseId={purchaseId} locale={locale} />
      </div>
      {report.tables.length === 0 ? <p className="page-section__empty">{t('report.empty')}</p> : null}
      <div className="report-section__tables">
        {report.tables.map((table) => (
          <ReportTableChart key={table.breakdown} table={table} title={breakdownLabel(t, table.breakdown, labels)} context={context} />
        ))}
      </div>
    </section>
  );
}

/**
 * One table as horizontal bars (decorative, aria-hidden) and as a real table, which screen readers
 * always get and anyone can show instead. A suppressed cell has no number: it reads "< threshold".
 */
export function ReportTableChart({ table, title, context }: { table: ReportTable; title: string; context: CellContext }) {
  const { t, i18n } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  const language = i18n.language;
  const max = Math.max(0, ...table.cells.map((cell) => cell.count ?? 0));
  const rows = table.cells.map((cell) => ({
    key: cell.cell,
    label: cellLabel(table.breakdown, cell.cell, context),
    count: cell.count,
    text: cell.count === null ? t('report.suppressed', { threshold: formatCount(table.threshold, language) }) : formatCount(cell.count, language),
  }));
  const suppressedLabel = t('report.suppressedLabel', { threshold: formatCount(table.threshold, language) });

  return (
    <figure className="dd-bar-chart report-chart" aria-labelledby={titleId} data-breakdown={table.breakdown}>
      <div className="dd-bar-chart__head">
        <div className="dd-bar-chart__titles">
          <h3 className="dd-bar-chart__title" id={titleId}>
            {title}
          </h3>
          <p className="dd-bar-chart__description">{t('report.epsilonTable', { epsilon: formatEpsilon(table.epsilon, language), threshold: formatCount(table.threshold, language) })}</p>
        </div>
        <button type="button" className="dd-bar-chart__toggle" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)}>
          {asTable ? tc('common.showChart') : tc('common.showTable')}
        </button>
      </div>
      {asTable ? null : (
        <div className="dd-bar-chart__rows" aria-hidden="true">
          {rows.map((row) => (
            <div key={row.key} className="dd-bar-chart__row">
              <span className="dd-bar-chart__label">{row.label}</span>
              <span className="dd-bar-chart__track">
                {row.count === null ? (
                  <span className="report-chart__suppressed" />
                ) : (
                  <span className="dd-bar-chart__bar" style={{ width: `${barFraction(row.count, max) * 100}%` }} />
                )}
              </span>
              <span className={cx('dd-bar-chart__value', row.count === null && 'report-chart__value--suppressed')}>{row.text}</span>
            </div>
          ))}
        </div>
      )}
      <div className={asTable ? 'dd-bar-chart__table-wrap' : 'dd-visually-hidden'}>
        <table className="dd-table dd-bar-chart__table">
          <caption className="dd-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.cell')}</th>
              <th scope="col" className="dd-table__number">
                {t('report.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="dd-table__number">
                  {row.count === null ? (
                    <>
                      <span aria-hidden="true" className="report-chart__value--suppressed">
                        {row.text}
                      </span>
                      <span className="dd-visually-hidden">{suppressedLabel}</span>
                    </>
                  ) : (
                    row.text
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Fetches the report as CSV (in the reader's language) and hands it to the browser as a file. */
function CsvDownload({ purchaseId, locale }: { purchaseId: string; locale: 'nl' | 'en' }) {
  const { t } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await queryClient.fetchQuery(trpc.advertiser.reports.csv.queryOptions({ id: purchaseId, locale }, { staleTime: 0 }));
      const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
      setMessage({ tone: 'ok', text: t('report.downloaded', { fileName: file.fileName }) });
    } catch (error) {
      setMessage({ tone: 'error', text: `${t('report.downloadFailed')} ${tc(describeError(error).messageKey)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-section__download">
      <Button variant="secondary" onClick={() => void download()} loading={busy}>
        <Icon name="download" size={16} />
        {busy ? t('report.downloading') : t('report.download')}
      </Button>
      <p className={message?.tone === 'error' ? 'report-section__message report-section__message--error' : 'report-section__message'} aria-live="polite">
        {message?.text}
      </p>
    </div>
  );
}
