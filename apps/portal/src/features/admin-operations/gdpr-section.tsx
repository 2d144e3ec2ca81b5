import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GdprInProgress } from '@dd/contract';
import { TableScroll, Badge } from '@dd/ui';
import { formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';

const HOUR = 60;
const DAY = 24 * HOUR;
/** Exports are built in seconds and erasures run at once: a day is long enough to call it late. */
const LATE_MINUTES = DAY;

/** "12 minuten", "3 uur", "2 dagen": the largest whole unit. */
export function useAge() {
  const { t } = useTranslation('adminOperations');
  return (minutes: number) =>
    minutes >= DAY
      ? t('gdpr.days', { count: Math.floor(minutes / DAY) })
      : minutes >= HOUR
        ? t('gdpr.hours', { count: Math.floor(minutes / HOUR) })
        : t('gdpr.minutes', { count: minutes });
}

/** Exports and erasures that are not finished: pseudonymous references and ages only. */
export function GdprSection() {
  const { t } = useTranslation('adminOperations');
  const trpc = useTRPC();
  const progress = useQuery(trpc.admin.gdpr.inProgress.queryOptions(undefined, { refetchInterval: 60_000 }));

  let body;
  if (progress.isPending) body = <SectionLoading />;
  else if (progress.isError)
    body = <SectionLoadError title={t('gdpr.loadError')} error={progress.error} onRetry={() => void progress.refetch()} retrying={progress.isFetching} />;
  else body = <GdprTables progress={progress.data} />;

  return (
    <section className="page-section" aria-labelledby="gdpr-title" aria-busy={progress.isFetching && !progress.isPending}>
      <div className="page-section__intro">
        <h2 id="gdpr-title" className="page-section__title">
          {t('gdpr.title')}
        </h2>
        <p>{t('gdpr.intro')}</p>
      </div>
      {body}
    </section>
  );
}

function GdprTables({ progress }: { progress: GdprInProgress }) {
  const { t, i18n } = useTranslation('adminOperations');
  const age = useAge();
  const ageCell = (minutes: number) => <td className={minutes >= LATE_MINUTES ? 'operations__late' : undefined}>{age(minutes)}</td>;
  return (
    <div className="operations__gdpr">
      <h3 className="operations__subtitle">{t('gdpr.exports')}</h3>
      {progress.exports.length === 0 ? (
        <p className="page-section__empty">{t('gdpr.exportsEmpty')}</p>
      ) : (
        <TableScroll className="operations__table-wrap" label={t('gdpr.exportsCaption')}>
          <table className="dd-table">
            <caption className="dd-visually-hidden">{t('gdpr.exportsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gdpr.reference')}</th>
                <th scope="col">{t('gdpr.customer')}</th>
                <th scope="col">{t('gdpr.status')}</th>
                <th scope="col">{t('gdpr.requestedAt')}</th>
                <th scope="col">{t('gdpr.age')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.exports.map((item) => (
                <tr key={item.exportRef}>
                  <th scope="row" className="operations__ref">
                    {item.exportRef}
                  </th>
                  <td className="operations__ref">{item.customerRef}</td>
                  <td>
                    <Badge tone={item.status === 'failed' ? 'danger' : 'info'} dot>
                      {t(`gdpr.statuses.${item.status}`)}
                    </Badge>
                  </td>
                  <td>{formatDateTime(item.requestedAt, i18n.language)}</td>
                  {ageCell(item.ageMinutes)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="operations__subtitle">{t('gdpr.erasures')}</h3>
      {progress.erasures.length === 0 ? (
        <p className="page-section__empty">{t('gdpr.erasuresEmpty')}</p>
      ) : (
        <TableScroll className="operations__table-wrap" label={t('gdpr.erasuresCaption')}>
          <table className="dd-table">
            <caption className="dd-visually-hidden">{t('gdpr.erasuresCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gdpr.customer')}</th>
                <th scope="col">{t('gdpr.requestedAt')}</th>
                <th scope="col">{t('gdpr.age')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.erasures.map((item) => (
                <tr key={item.customerRef}>
                  <th scope="row" className="operations__ref">
                    {item.customerRef}
                  </th>
                  <td>{formatDateTime(item.requestedAt, i18n.language)}</td>
                  {ageCell(item.ageMinutes)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
