import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, formatAmount, TableScroll } from '@dd/ui';
import { formatDate } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';

/** The organisation's invoices, each opening its printable view. */
export function InvoicesSection() {
  const { t, i18n } = useTranslation('billing');
  const trpc = useTRPC();
  const invoices = useQuery(trpc.billing.invoices.queryOptions());

  return (
    <section className="page-section" aria-labelledby="billing-invoices-title">
      <h2 id="billing-invoices-title" className="page-section__title">
        {t('invoices.title')}
      </h2>
      {invoices.isPending ? (
        <SectionLoading />
      ) : invoices.isError ? (
        <SectionLoadError title={t('invoices.loadError')} error={invoices.error} onRetry={() => void invoices.refetch()} retrying={invoices.isFetching} />
      ) : invoices.data.length === 0 ? (
        <p className="page-section__empty">{t('invoices.empty')}</p>
      ) : (
        <TableScroll label={t('invoices.caption')}>
          <table className="dd-table billing-table billing-invoices">
            <caption className="dd-visually-hidden">{t('invoices.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoices.number')}</th>
                <th scope="col">{t('invoices.date')}</th>
                <th scope="col">{t('invoices.description')}</th>
                <th scope="col" className="dd-table__number">
                  {t('invoices.total')}
                </th>
                <th scope="col">
                  <span className="dd-visually-hidden">{t('invoices.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.data.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row" className="billing-table__code">
                    {invoice.number}
                  </th>
                  <td className="billing-table__date">{formatDate(invoice.issuedOn, i18n.language)}</td>
                  <td className="billing-invoices__what">{invoice.description}</td>
                  <td className="dd-table__number billing-invoices__total">{formatAmount(invoice.totalCents)}</td>
                  <td className="billing-table__action">
                    <Link
                      to={`/advertiser/billing/invoices/${invoice.id}`}
                      className={buttonClassName('secondary', 'sm')}
                      aria-label={t('invoices.openLabel', { number: invoice.number })}
                    >
                      {t('invoices.open')}
                    </Link>
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
