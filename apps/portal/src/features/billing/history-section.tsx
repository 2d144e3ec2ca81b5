import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BillingHistoryItem } from '@dd/contract';
import { cx, formatAmount, TableScroll } from '@dd/ui';
import { formatDate } from '../../app/format';

/** What a movement was, in words; purchases and VAT link to their invoice. */
function Description({ item }: { item: BillingHistoryItem }) {
  const { t } = useTranslation('billing');
  if (item.kind === 'topUp') return item.counterpartyName ? t('history.topUpFrom', { name: item.counterpartyName }) : t('history.topUp');
  const kind = t(`history.kinds.${item.kind}`);
  if (!item.invoiceNumber || !item.invoiceId) return kind;
  return (
    <>
      {kind},{' '}
      <Link to={`/advertiser/billing/invoices/${item.invoiceId}`}>{t('history.forInvoice', { number: item.invoiceNumber })}</Link>
    </>
  );
}

/** Every movement of the balance, newest first, with the balance after it. */
export function HistorySection({ history }: { history: BillingHistoryItem[] }) {
  const { t, i18n } = useTranslation('billing');
  return (
    <section className="page-section" aria-labelledby="billing-history-title">
      <h2 id="billing-history-title" className="page-section__title">
        {t('history.title')}
      </h2>
      {history.length === 0 ? (
        <p className="page-section__empty">{t('history.empty')}</p>
      ) : (
        <TableScroll label={t('history.caption')}>
          <table className="dd-table billing-table billing-history">
            <caption className="dd-visually-hidden">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.date')}</th>
                <th scope="col">{t('history.what')}</th>
                <th scope="col" className="dd-table__number">
                  {t('history.amount')}
                </th>
                <th scope="col" className="dd-table__number">
                  {t('history.balanceAfter')}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((item) => (
                <tr key={item.transactionId}>
                  <td className="billing-table__date">{formatDate(item.bookedOn ?? item.at, i18n.language)}</td>
                  <td className="billing-history__what">
                    <Description item={item} />
                  </td>
                  <td className={cx('dd-table__number billing-history__amount', item.amountCents > 0 && 'billing-table__amount--in')}>
                    {item.amountCents > 0 ? '+ ' : item.amountCents < 0 ? '− ' : ''}
                    {formatAmount(Math.abs(item.amountCents))}
                  </td>
                  <td className="dd-table__number billing-history__after" data-label={t('history.balanceAfter')}>
                    {formatAmount(item.balanceAfterCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
