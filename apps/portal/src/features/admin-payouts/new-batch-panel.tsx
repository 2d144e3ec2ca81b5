import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, formatAmount } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';

/** Every approved request into one new batch: the amounts go in transit, the worker writes the pain.001 file. */
export function NewBatchPanel() {
  const { t, i18n } = useTranslation('adminPayouts');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const approved = useQuery(trpc.admin.payouts.requests.queryOptions({ status: 'approved', limit: 1 }));
  const create = useMutation(
    trpc.admin.payouts.createBatch.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.admin.payouts.pathKey() }),
    }),
  );

  const failure = () => {
    const described = describeError(create.error);
    const code = described.reason?.code;
    return code && i18n.exists(`adminPayouts:errors.${code}`) ? t(`errors.${code}` as 'errors.noApprovedRequests') : tc(described.messageKey);
  };

  let body;
  if (approved.isPending) body = <SectionLoading />;
  else if (approved.isError)
    body = <SectionLoadError title={t('requests.loadError')} error={approved.error} onRetry={() => void approved.refetch()} retrying={approved.isFetching} />;
  else {
    // The filter's totals, not the first page: the batch takes every approved request.
    const count = approved.data.totalCount;
    const total = approved.data.totalCents;
    body = count === 0 ? (
      <p className="page-section__empty">{t('batch.none')}</p>
    ) : (
      <>
        <p className="new-batch__summary">{t('batch.intro', { count, amount: formatAmount(total) })}</p>
        <p className="page-section__note">{t('batch.explain')}</p>
        <div>
          <Button onClick={() => create.mutate({})} loading={create.isPending}>
            {t('batch.create')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <Card as="section" icon="send" headingLevel={2} title={t('batch.title')} className="new-batch">
      {create.isSuccess && !create.data.stuck ? <Alert tone="success">{t('batch.created', { count: create.data.payoutCount })}</Alert> : null}
      {create.isSuccess && create.data.stuck ? <Alert tone="warning">{t('batch.notQueued')}</Alert> : null}
      {create.isError ? (
        <Alert tone="danger" title={t('batch.failed')}>
          {failure()}
        </Alert>
      ) : null}
      {body}
    </Card>
  );
}
