import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BATCH_FILE_TIME_LIMIT_MINUTES, type PayoutBatchDto } from '@dd/contract';
import { TableScroll, Alert, Badge, type BadgeTone, Button, buttonClassName, ConfirmDialog, formatAmount, Icon } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatCount, formatDate, formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';

const STATUS_TONE: Record<PayoutBatchDto['status'], BadgeTone> = { generating: 'info', ready: 'warning', paid: 'success' };

/** The batches, newest first and paged: download each file for the bank, confirm a batch once paid, re-queue a stuck one. */
export function PayoutBatchesSection() {
  const { t, i18n } = useTranslation('adminPayouts');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // While a file is being written, look again until it is ready (a stuck one less often: it waits for the admin).
  const batches = useInfiniteQuery(
    trpc.admin.payouts.batches.infiniteQueryOptions(
      {},
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: (query) => {
          const generating = query.state.data?.pages.flatMap((p) => p.items).filter((b) => b.status === 'generating') ?? [];
          if (generating.length === 0) return false;
          return generating.every((b) => b.stuck) ? 15_000 : 1_500;
        },
      },
    ),
  );
  const items = batches.data?.pages.flatMap((page) => page.items) ?? [];
  const requeue = useMutation(
    trpc.admin.payouts.requeueBatch.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.admin.payouts.batches.pathKey() }),
    }),
  );
  const [confirming, setConfirming] = useState<PayoutBatchDto | null>(null);
  const confirm = useMutation(
    trpc.admin.payouts.confirmBatch.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        void queryClient.invalidateQueries({ queryKey: trpc.admin.payouts.pathKey() });
      },
    }),
  );
  const language = i18n.language;

  let body;
  if (batches.isPending) body = <SectionLoading />;
  else if (batches.isError)
    body = <SectionLoadError title={t('batches.loadError')} error={batches.error} onRetry={() => void batches.refetch()} retrying={batches.isFetching} />;
  else if (items.length === 0) body = <p className="page-section__empty">{t('batches.empty')}</p>;
  else
    body = (
      <>
        <TableScroll className="admin-payouts__table-wrap" label={t('batches.caption')}>
          <table className="dd-table admin-payouts__table">
            <caption className="dd-visually-hidden">{t('batches.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('batches.created')}</th>
                <th scope="col" className="dd-table__number">
                  {t('batches.payouts')}
                </th>
                <th scope="col" className="dd-table__number">
                  {t('batches.total')}
                </th>
                <th scope="col">{t('batches.execution')}</th>
                <th scope="col">{t('batches.status')}</th>
                <th scope="col">{t('batches.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((batch) => (
                <tr key={batch.id}>
                  <th scope="row">
                    {formatDateTime(batch.createdAt, language)}
                    <span className="admin-payouts__sub admin-payouts__msgid">{batch.msgId}</span>
                  </th>
                  <td className="dd-table__number">{formatCount(batch.payoutCount, language)}</td>
                  <td className="dd-table__number">{formatAmount(batch.totalCents)}</td>
                  <td>{formatDate(batch.requestedExecutionDate, language)}</td>
                  <td>
                    <Badge tone={batch.stuck ? 'danger' : STATUS_TONE[batch.status]} dot>
                      {batch.fileFailure ? t('batches.failed') : batch.stuck ? t('batches.stuck') : t(`batches.statuses.${batch.status}`)}
                    </Badge>
                    {batch.fileFailure ? (
                      <span className="admin-payouts__sub">{t(`batches.failedReason.${batch.fileFailure.reason}`, { minutes: BATCH_FILE_TIME_LIMIT_MINUTES })}</span>
                    ) : batch.stuck ? (
                      <span className="admin-payouts__sub">{t('batches.stuckHint')}</span>
                    ) : null}
                    {batch.confirmedAt ? (
                      <span className="admin-payouts__sub">
                        {t(batch.confirmedByAdmin ? 'batches.paidOn' : 'batches.viaStatement', { date: formatDate(batch.confirmedAt, language) })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <div className="admin-payouts__actions">
                      {batch.downloadUrl ? (
                        <a href={batch.downloadUrl} download className={buttonClassName('secondary', 'sm')}>
                          <Icon name="download" size={16} />
                          {t('batches.download')}
                          <span className="dd-visually-hidden">
                            {' '}
                            ({t('batches.downloadDetail', { date: formatDate(batch.createdAt, language), count: batch.payoutCount })})
                          </span>
                        </a>
                      ) : null}
                      {batch.stuck ? (
                        <Button size="sm" variant="secondary" onClick={() => requeue.mutate({ batchId: batch.id })} loading={requeue.isPending && requeue.variables?.batchId === batch.id}>
                          <Icon name="send" size={16} />
                          {t('batches.requeue')}
                        </Button>
                      ) : null}
                      {batch.status === 'ready' ? (
                        <Button size="sm" onClick={() => setConfirming(batch)}>
                          {t('batches.confirm')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {batches.hasNextPage ? (
          <div className="page-section__more">
            <Button variant="secondary" onClick={() => void batches.fetchNextPage()} loading={batches.isFetchingNextPage}>
              {t('batches.more')}
            </Button>
          </div>
        ) : null}
      </>
    );

  return (
    <section className="page-section" aria-labelledby="payout-batches-title">
      <h2 id="payout-batches-title" className="page-section__title">
        {t('batches.title')}
      </h2>
      {confirm.isSuccess ? <Alert tone="success">{t('batches.confirmed')}</Alert> : null}
      {requeue.isSuccess ? <Alert tone="success">{t('batches.requeued')}</Alert> : null}
      {requeue.isError ? (
        <Alert tone="danger" title={t('batches.requeueFailed')}>
          {tc(describeError(requeue.error).messageKey)}
        </Alert>
      ) : null}
      {body}
      <ConfirmDialog
        open={confirming !== null}
        title={t('batches.confirmTitle')}
        confirmLabel={t('batches.confirm')}
        cancelLabel={tc('common.cancel')}
        onConfirm={() => confirming && confirm.mutate({ batchId: confirming.id })}
        onCancel={() => {
          setConfirming(null);
          confirm.reset();
        }}
        confirming={confirm.isPending}
        error={confirm.isError ? tc(describeError(confirm.error).messageKey) : null}
      >
        {confirming ? <p>{t('batches.confirmBody', { count: confirming.payoutCount, amount: formatAmount(confirming.totalCents) })}</p> : null}
      </ConfirmDialog>
    </section>
  );
}
