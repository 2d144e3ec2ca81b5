import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatIban, type PayoutDto } from '@dd/contract';
import { Badge, formatAmount } from '@dd/ui';
import { formatDate } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { PAYOUT_STATUS_TONE } from './payout-status';
import { returnReasonText } from './payout-text';

/** The member's payout requests, newest first, with where each one is. */
export function PayoutList() {
  const { t } = useTranslation('earnings');
  const trpc = useTRPC();
  const payouts = useQuery(trpc.earnings.payouts.queryOptions());

  let body;
  if (payouts.isPending) body = <SectionLoading />;
  else if (payouts.isError)
    body = <SectionLoadError title={t('payouts.loadError')} error={payouts.error} onRetry={() => void payouts.refetch()} retrying={payouts.isFetching} />;
  else if (payouts.data.length === 0) body = <p className="page-section__empty">{t('payouts.empty')}</p>;
  else
    body = (
      <ul className="payout-list">
        {payouts.data.map((payout) => (
          <PayoutItem key={payout.id} payout={payout} />
        ))}
      </ul>
    );

  return (
    <section className="page-section" aria-labelledby="payout-list-title">
      <h2 id="payout-list-title" className="page-section__title">
        {t('payouts.title')}
      </h2>
      {body}
    </section>
  );
}

function PayoutItem({ payout }: { payout: PayoutDto }) {
  const { t, i18n } = useTranslation('earnings');
  const language = i18n.language;
  return (
    <li className="payout-item">
      <div className="payout-item__head">
        <span className="payout-item__amount">{formatAmount(payout.amountCents)}</span>
        <Badge tone={PAYOUT_STATUS_TONE[payout.status]} dot>
          {t(`payouts.status.${payout.status}`)}
        </Badge>
      </div>
      <p className="payout-item__meta">
        {payout.paidAt && payout.status === 'paid' ? t('payouts.paidOn', { date: formatDate(payout.paidAt, language) }) : t('payouts.requestedOn', { date: formatDate(payout.requestedAt, language) })}
        {' · '}
        {t('payouts.to', { iban: formatIban(payout.iban), name: payout.accountHolder })}
      </p>
      {payout.rejectionNote ? <p className="payout-item__note">{t('payouts.rejected', { note: payout.rejectionNote })}</p> : null}
      {payout.status === 'returned' ? <p className="payout-item__note payout-item__note--returned">{t('payouts.returned', { reason: returnReasonText(t, payout.returnReason) })}</p> : null}
    </li>
  );
}
