import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EXPORT_RETENTION_DAYS, EXPORT_TIME_LIMIT_MINUTES, type DataExportDto } from '@dd/contract';
import { Alert, Badge, Button, buttonClassName, Card, Icon, Spinner, type BadgeTone } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatBytes, formatDate, formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { exportDisplayStatus, exportsRefetchInterval, isExportActive, type ExportDisplayStatus } from './export-status';

const STATUS_TONE: Record<ExportDisplayStatus, BadgeTone> = {
  requested: 'neutral',
  building: 'info',
  ready: 'success',
  failed: 'danger',
  expired: 'neutral',
};

/** Right of access and portability: request a ZIP of everything, download it while it is kept. */
export function ExportPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const exports = useQuery(trpc.privacy.exports.queryOptions(undefined, { refetchInterval: (query) => exportsRefetchInterval(query.state.data) }));
  const request = useMutation(
    trpc.privacy.requestExport.mutationOptions({
      onSuccess: (created) => {
        queryClient.setQueryData(trpc.privacy.exports.queryKey(), (current) => [created, ...(current ?? []).filter((e) => e.id !== created.id)]);
        void queryClient.invalidateQueries({ queryKey: trpc.privacy.exports.queryKey() });
      },
    }),
  );
  const active = exports.data?.some(isExportActive) ?? false;
  const hasAny = (exports.data?.length ?? 0) > 0;

  return (
    <Card as="section" icon="download" headingLevel={2} title={t('privacy.export.title')} className="export-panel">
      <p>{t('privacy.export.intro')}</p>
      <p className="page-section__note">{t('privacy.export.retention', { days: EXPORT_RETENTION_DAYS })}</p>
      <div>
        <Button onClick={() => request.mutate()} loading={request.isPending} disabled={active}>
          {hasAny ? t('privacy.export.requestAgain') : t('privacy.export.request')}
        </Button>
      </div>
      {request.isError ? (
        <Alert tone="danger" title={t('privacy.export.requestFailed')}>
          {t(describeError(request.error).messageKey)}
        </Alert>
      ) : null}

      {exports.isPending ? (
        <SectionLoading />
      ) : exports.isError ? (
        <SectionLoadError title={t('privacy.export.loadError')} error={exports.error} onRetry={() => void exports.refetch()} retrying={exports.isFetching} />
      ) : hasAny ? (
        <div className="export-list-wrap">
          <h3 className="export-list__title">{t('privacy.export.listTitle')}</h3>
          <ul className="export-list">
            {exports.data.map((item) => (
              <ExportItem key={item.id} item={item} />
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

function ExportItem({ item }: { item: DataExportDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const status = exportDisplayStatus(item);
  const requestedOn = formatDateTime(item.requestedAt, language);
  return (
    <li className="export-item">
      <div className="export-item__head">
        <Icon name="file" size={20} className="export-item__icon" />
        <span className="export-item__when">{t('privacy.export.requestedOn', { date: requestedOn })}</span>
        <Badge tone={STATUS_TONE[status]} dot>
          {t(`privacy.export.status.${status}`)}
        </Badge>
      </div>
      {isExportActive(item) ? (
        <p className="export-item__building" role="status">
          <Spinner label={t('common.loading')} size="sm" />
          {t('privacy.export.building')}
        </p>
      ) : null}
      {status === 'ready' && item.downloadUrl ? (
        <div className="export-item__ready">
          <a href={item.downloadUrl} download className={buttonClassName('primary', 'sm')}>
            <Icon name="download" size={16} />
            {t('privacy.export.download')}
            <span className="dd-visually-hidden">
              {' '}
              ({t('privacy.export.downloadDetail', { date: requestedOn, size: formatBytes(item.byteSize ?? 0, language) })})
            </span>
          </a>
          <span className="export-item__meta">
            {item.byteSize !== null ? `${formatBytes(item.byteSize, language)} · ` : ''}
            {item.expiresAt ? t('privacy.export.availableUntil', { date: formatDate(item.expiresAt, language) }) : null}
          </span>
        </div>
      ) : null}
      {status === 'failed' ? (
        <p className="export-item__note">
          {t(`privacy.export.failedReason.${item.failureReason ?? 'exportFailed'}`, { minutes: EXPORT_TIME_LIMIT_MINUTES })}
        </p>
      ) : null}
      {status === 'expired' ? <p className="export-item__note">{t('privacy.export.expiredBody')}</p> : null}
    </li>
  );
}
