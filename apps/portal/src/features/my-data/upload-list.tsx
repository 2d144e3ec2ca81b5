import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UploadSummary } from '@dd/contract';
import { Badge, Icon, ProgressBar, type BadgeTone } from '@dd/ui';
import { formatBytes, formatCount, formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { problemText } from './problem-text';
import { failedOnOurSide, finishedSince, formatName, isInProgress, moreProblems, uploadsRefetchInterval } from './upload-rules';

const STATUS_TONE: Record<UploadSummary['status'], BadgeTone> = {
  stored: 'neutral',
  parsing: 'info',
  imported: 'success',
  failed: 'danger',
};

/** Recent uploads, polled while one is being read; announces each import that finishes. */
export function UploadList() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const uploads = useQuery(trpc.imports.list.queryOptions(undefined, { refetchInterval: (query) => uploadsRefetchInterval(query.state.data) }));
  const previous = useRef<UploadSummary[] | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!uploads.data) return;
    const finished = finishedSince(previous.current, uploads.data);
    previous.current = uploads.data;
    if (finished.length === 0) return;
    // New transactions change the charts, the list and the derived profile features.
    void queryClient.invalidateQueries({ queryKey: trpc.transactions.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() });
    const last = finished.at(-1)!.upload;
    setAnnouncement(
      last.status === 'imported'
        ? t('data.uploads.announceImported', { name: last.fileName, summary: importSummary(t, last) })
        : t('data.uploads.announceFailed', { name: last.fileName }),
    );
  }, [uploads.data, queryClient, trpc, t]);

  return (
    <section className="page-section" aria-labelledby="uploads-title">
      <h2 id="uploads-title" className="page-section__title">
        {t('data.uploads.title')}
      </h2>
      <p className="dd-visually-hidden" role="status">
        {announcement}
      </p>
      {uploads.isPending ? (
        <SectionLoading />
      ) : uploads.isError ? (
        <SectionLoadError title={t('data.uploads.loadError')} error={uploads.error} onRetry={() => void uploads.refetch()} retrying={uploads.isFetching} />
      ) : uploads.data.length === 0 ? (
        <p className="page-section__empty">{t('data.uploads.empty')}</p>
      ) : (
        <ul className="upload-list">
          {uploads.data.map((upload) => (
            <UploadItem key={upload.id} upload={upload} />
          ))}
        </ul>
      )}
    </section>
  );
}

type T = TFunction<'translation'>;

function importSummary(t: T, upload: UploadSummary): string {
  return `${t('data.uploads.newTransactions', { count: upload.rowsImported ?? 0 })}, ${t('data.uploads.alreadyThere', { count: upload.rowsDuplicate ?? 0 })}`;
}

function UploadItem({ upload }: { upload: UploadSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <li className="upload-item">
      <div className="upload-item__head">
        <Icon name="file" size={20} className="upload-item__icon" />
        <div className="upload-item__who">
          <span className="upload-item__name">{upload.fileName}</span>
          <span className="upload-item__meta">
            {t('data.uploads.uploadedOn', { date: formatDateTime(upload.createdAt, language) })} · {formatBytes(upload.byteSize, language)}
            {upload.format ? ` · ${formatName(upload.format)}` : ''}
          </span>
        </div>
        <Badge tone={STATUS_TONE[upload.status]} dot>
          {t(`data.uploads.status.${upload.status}`)}
        </Badge>
      </div>

      {isInProgress(upload) ? (
        <ProgressBar
          label={t('data.uploads.progressLabel', { name: upload.fileName })}
          value={upload.progress}
          valueText={t('data.uploads.progressValue', { percent: upload.progress })}
        />
      ) : null}

      {upload.status === 'imported' ? <p className="upload-item__result">{importSummary(t, upload)}</p> : null}

      {upload.status === 'failed' && upload.error ? (
        <div className="upload-item__failure">
          <p className="upload-item__failure-title">{t('data.uploads.failedTitle')}</p>
          {/* With a list of problems, the API's summary of the first few would only repeat it. */}
          <p>
            {upload.error.problems.length > 0
              ? t('data.uploads.problemCount', { count: Math.max(upload.error.totalProblems, upload.error.problems.length) })
              : problemText(t, i18n, upload.error)}
          </p>
          {upload.error.problems.length > 0 ? (
            <>
              <p className="upload-item__problems-title">{t('data.uploads.problemsTitle')}</p>
              <ul className="upload-item__problems">
                {upload.error.problems.map((problem, index) => (
                  <li key={`${problem.line}-${problem.column}-${index}`}>
                    <span className="upload-item__where">
                      {problem.column
                        ? t('data.uploads.problemLineColumn', { line: formatCount(problem.line, language), column: problem.column })
                        : t('data.uploads.problemLine', { line: formatCount(problem.line, language) })}
                    </span>{' '}
                    {problemText(t, i18n, problem)}
                  </li>
                ))}
                {moreProblems(upload.error) > 0 ? <li>{t('data.uploads.moreProblems', { count: moreProblems(upload.error) })}</li> : null}
              </ul>
            </>
          ) : null}
          {failedOnOurSide(upload.error) ? null : <p className="upload-item__hint">{t('data.uploads.fixHint')}</p>}
        </div>
      ) : null}
    </li>
  );
}
