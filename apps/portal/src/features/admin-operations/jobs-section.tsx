import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { JOB_COUNT_STATES, type FailedJob, type JobsOverview } from '@dd/contract';
import { TableScroll, Alert, BarChart, Button } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatCount, formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';

/** Queue depths, every state per queue, and the failed jobs with a retry each. */
export function JobsSection() {
  const { t } = useTranslation('adminOperations');
  const trpc = useTRPC();
  // Queues move on their own: refresh while the page is open.
  const overview = useQuery(trpc.admin.jobs.overview.queryOptions(undefined, { refetchInterval: 15_000 }));

  let body;
  if (overview.isPending) body = <SectionLoading />;
  else if (overview.isError)
    body = <SectionLoadError title={t('jobs.loadError')} error={overview.error} onRetry={() => void overview.refetch()} retrying={overview.isFetching} />;
  else body = <JobsBody overview={overview.data} />;

  return (
    <section className="page-section" aria-labelledby="jobs-title" aria-busy={overview.isFetching && !overview.isPending}>
      <h2 id="jobs-title" className="page-section__title">
        {t('jobs.title')}
      </h2>
      {body}
    </section>
  );
}

function JobsBody({ overview }: { overview: JobsOverview }) {
  const { t, i18n } = useTranslation('adminOperations');
  const failed = overview.queues.flatMap((queue) => queue.failed).sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''));
  const count = (value: number) => formatCount(value, i18n.language);
  return (
    <>
      <BarChart
        title={t('jobs.chartTitle')}
        description={t('jobs.chartDescription')}
        data={overview.queues.map((queue) => ({ key: queue.queue, label: queue.queue, value: queue.counts.waiting + queue.counts.active + queue.counts.delayed }))}
        formatValue={count}
        labelHeader={t('jobs.queue')}
        valueHeader={t('jobs.pending')}
        toggleLabels={{ showTable: t('jobs.showTable'), showChart: t('jobs.showChart') }}
      />
      <TableScroll className="operations__table-wrap" label={t('jobs.countsCaption')}>
        <table className="dd-table">
          <caption className="dd-visually-hidden">{t('jobs.countsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jobs.queue')}</th>
              {JOB_COUNT_STATES.map((state) => (
                <th key={state} scope="col" className="dd-table__number">
                  {t(`jobs.states.${state}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.queues.map((queue) => (
              <tr key={queue.queue}>
                <th scope="row">{queue.queue}</th>
                {JOB_COUNT_STATES.map((state) => (
                  <td key={state} className={state === 'failed' && queue.counts.failed > 0 ? 'dd-table__number operations__failed' : 'dd-table__number'}>
                    {count(queue.counts[state])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <FailedJobs jobs={failed} />
    </>
  );
}

function FailedJobs({ jobs }: { jobs: readonly FailedJob[] }) {
  const { t, i18n } = useTranslation('adminOperations');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const retry = useMutation(
    trpc.admin.jobs.retry.mutationOptions({
      onSuccess: (_result, input) => {
        setNotice({ tone: 'success', text: t('jobs.retried', { jobId: input.jobId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.jobs.overview.queryKey() });
      },
      onError: (error) => {
        const described = describeError(error);
        const code = described.reason?.code;
        const reason = code === 'jobNotFailed' ? t('jobs.notFailed') : code === 'jobNotFound' || code === 'unknownQueue' ? t('jobs.gone') : tc(described.messageKey);
        setNotice({ tone: 'danger', text: t('jobs.retryFailed', { reason }) });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.jobs.overview.queryKey() });
      },
    }),
  );

  return (
    <div className="operations__failed-jobs">
      <h3 className="operations__subtitle">{t('jobs.failedTitle')}</h3>
      {notice ? (
        <Alert tone={notice.tone}>
          {notice.text}
        </Alert>
      ) : null}
      {jobs.length === 0 ? (
        <p className="page-section__empty">{t('jobs.failedEmpty')}</p>
      ) : (
        <TableScroll className="operations__table-wrap" label={t('jobs.failedCaption')}>
          <table className="dd-table">
            <caption className="dd-visually-hidden">{t('jobs.failedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('jobs.job')}</th>
                <th scope="col">{t('jobs.reason')}</th>
                <th scope="col" className="dd-table__number">
                  {t('jobs.attempts')}
                </th>
                <th scope="col">{t('jobs.finishedAt')}</th>
                <th scope="col">
                  <span className="dd-visually-hidden">{t('jobs.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={`${job.queue}:${job.jobId}`}>
                  <th scope="row">
                    {job.name}
                    <span className="operations__sub">
                      {job.queue} · {job.jobId}
                    </span>
                  </th>
                  <td className="operations__reason">{job.failedReason}</td>
                  <td className="dd-table__number">{job.attemptsMade}</td>
                  <td>{job.finishedAt ? formatDateTime(job.finishedAt, i18n.language) : ''}</td>
                  <td>
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={retry.isPending && retry.variables?.jobId === job.jobId && retry.variables?.queue === job.queue}
                      onClick={() => retry.mutate({ queue: job.queue, jobId: job.jobId })}
                    >
                      {t('jobs.retry')}
                      <span className="dd-visually-hidden"> {t('jobs.retryFor', { name: job.name, jobId: job.jobId })}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
