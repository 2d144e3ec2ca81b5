import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatIban, type AdminPayoutRequest } from '@dd/contract';
import { TableScroll, Alert, Badge, Button, formatAmount, SelectField } from '@dd/ui';
import { formatCount, formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { PAYOUT_STATUS_TONE } from '../earnings/payout-status';
import { returnReasonText } from '../earnings/payout-text';
import { DecisionDialog, type Decision } from './decision-dialog';
import { ReturnDialog } from './return-dialog';

const FILTERS = ['open', 'in_review', 'approved', 'in_transit', 'returned', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** Payout requests with why they wait for a check, the admin's approve/reject, and returns from the bank; paged with "more". */
export function PayoutRequestsSection() {
  const { t, i18n } = useTranslation('adminPayouts');
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>('open');
  const requests = useInfiniteQuery(
    trpc.admin.payouts.requests.infiniteQueryOptions({ status: filter }, { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData }),
  );
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const total = requests.data?.pages[0]?.totalCount ?? 0;
  const [deciding, setDeciding] = useState<{ request: AdminPayoutRequest; decision: Decision } | null>(null);
  const [returning, setReturning] = useState<AdminPayoutRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  let body;
  if (requests.isPending) body = <SectionLoading />;
  else if (requests.isError)
    body = <SectionLoadError title={t('requests.loadError')} error={requests.error} onRetry={() => void requests.refetch()} retrying={requests.isFetching} />;
  else if (items.length === 0) body = <p className="page-section__empty">{t('requests.empty')}</p>;
  else
    body = (
      <>
        <TableScroll className="admin-payouts__table-wrap" label={t('requests.caption')}>
          <table className="dd-table admin-payouts__table">
            <caption className="dd-visually-hidden">{t('requests.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requests.member')}</th>
                <th scope="col" className="dd-table__number">
                  {t('requests.amount')}
                </th>
                <th scope="col">{t('requests.account')}</th>
                <th scope="col">{t('requests.requested')}</th>
                <th scope="col">{t('requests.status')}</th>
                <th scope="col">{t('requests.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((request) => (
                <RequestRow key={request.id} request={request} onDecide={(decision) => setDeciding({ request, decision })} onReturn={() => setReturning(request)} />
              ))}
            </tbody>
          </table>
        </TableScroll>
        <div className="page-section__more admin-payouts__more">
          <span className="admin-payouts__sub">{t('requests.shown', { shown: formatCount(items.length, i18n.language), total: formatCount(total, i18n.language) })}</span>
          {requests.hasNextPage ? (
            <Button variant="secondary" onClick={() => void requests.fetchNextPage()} loading={requests.isFetchingNextPage}>
              {t('requests.more')}
            </Button>
          ) : null}
        </div>
      </>
    );

  return (
    <section className="page-section" aria-labelledby="payout-requests-title" aria-busy={requests.isFetching && !requests.isPending}>
      <div className="page-section__head">
        <h2 id="payout-requests-title" className="page-section__title">
          {t('requests.title')}
        </h2>
        <SelectField label={t('requests.filterLabel')} className="page-section__control" value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`requests.filters.${f}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {body}
      <DecisionDialog
        request={deciding?.request ?? null}
        decision={deciding?.decision ?? 'approve'}
        onClose={(message) => {
          setDeciding(null);
          setNotice(message ?? null);
        }}
      />
      <ReturnDialog
        request={returning}
        onClose={(message) => {
          setReturning(null);
          setNotice(message ?? null);
        }}
      />
    </section>
  );
}

function RequestRow({ request, onDecide, onReturn }: { request: AdminPayoutRequest; onDecide: (decision: Decision) => void; onReturn: () => void }) {
  const { t, i18n } = useTranslation('adminPayouts');
  const { t: te } = useTranslation('earnings');
  const name = request.customerName ?? t('requests.erased');
  const linked = request.linkedAccounts.map((a) => a.name ?? t('requests.unnamed')).join(', ');
  const detail = t('requests.actionFor', { name, amount: formatAmount(request.amountCents) });
  return (
    <tr className={request.status === 'in_review' ? 'admin-payouts__row--review' : undefined}>
      <th scope="row">
        <span className="admin-payouts__member">{name}</span>
        {request.customerEmail ? <span className="admin-payouts__sub">{request.customerEmail}</span> : null}
      </th>
      <td className="dd-table__number">{formatAmount(request.amountCents)}</td>
      <td>
        <span className="admin-payouts__iban">{formatIban(request.iban)}</span>
        <span className="admin-payouts__sub">{request.accountHolder}</span>
      </td>
      <td>{formatDateTime(request.requestedAt, i18n.language)}</td>
      <td>
        <Badge tone={PAYOUT_STATUS_TONE[request.status]} dot>
          {t(`requests.statuses.${request.status}`)}
        </Badge>
        {/* Loud only while it still asks for a decision; afterwards it is history. */}
        {request.reviewReasons.map((reason) => (
          <span key={reason.code} className={request.status === 'in_review' ? 'admin-payouts__reason' : 'admin-payouts__sub'}>
            {reason.code === 'sharedIban'
              ? t('requests.reasons.sharedIban', { count: Number(reason.params['otherAccounts'] ?? 1) })
              : t('requests.reasons.unknown')}
          </span>
        ))}
        {linked ? <span className="admin-payouts__sub">{t('requests.linked', { names: linked })}</span> : null}
        {request.decisionNote ? <span className="admin-payouts__sub">{t('requests.decision', { note: request.decisionNote })}</span> : null}
        {request.status === 'returned' ? (
          <span className="admin-payouts__sub">
            {t('requests.returnedBecause', { reason: `${returnReasonText(te, request.returnReason)} (${request.returnReason ?? '?'})` })}
            {request.returnNote ? ` · ${request.returnNote}` : ''}
          </span>
        ) : null}
      </td>
      <td>
        <div className="admin-payouts__actions">
          {request.status === 'in_review' ? (
            <Button size="sm" variant="secondary" onClick={() => onDecide('approve')}>
              {t('requests.approve')}
              <span className="dd-visually-hidden"> {detail}</span>
            </Button>
          ) : null}
          {request.status === 'in_review' || request.status === 'approved' ? (
            <Button size="sm" variant="ghost" onClick={() => onDecide('reject')}>
              {t('requests.reject')}
              <span className="dd-visually-hidden"> {detail}</span>
            </Button>
          ) : null}
          {request.status === 'in_transit' || request.status === 'paid' ? (
            <Button size="sm" variant="ghost" onClick={onReturn}>
              {t('requests.returnAction')}
              <span className="dd-visually-hidden"> {detail}</span>
            </Button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
