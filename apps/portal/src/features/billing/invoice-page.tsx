import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '@dd/contract';
import { Button, buttonClassName, EmptyState, formatAmount, Icon, TableScroll } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatCount, formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { formatIban, formatRate, formatUnitPrice } from './billing-format';
import './invoice.css';

const BACK = '/advertiser/billing';

/** One invoice as a printable page: the browser's print dialog turns it into paper or a PDF. */
export function InvoicePage() {
  const { t } = useTranslation('billing');
  const { invoiceId = '' } = useParams();
  const trpc = useTRPC();
  const invoice = useQuery(trpc.billing.invoice.queryOptions({ invoiceId }, { retry: (count, error) => describeError(error).code !== 'NOT_FOUND' && count < 2 }));
  usePageTitle(invoice.data ? t('invoice.pageTitle', { number: invoice.data.number }) : t('title'));

  if (invoice.isPending) return <PageLoading />;
  if (invoice.isError) {
    const { code } = describeError(invoice.error);
    if (code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') {
      return (
        <EmptyState
          headingLevel={1}
          icon="file"
          title={t('invoice.notFoundTitle')}
          description={<p>{t('invoice.notFoundBody')}</p>}
          actions={
            <Link to={BACK} className={buttonClassName('primary')}>
              {t('invoice.back')}
            </Link>
          }
        />
      );
    }
    return <PageLoadError error={invoice.error} onRetry={() => void invoice.refetch()} retrying={invoice.isFetching} />;
  }
  return <InvoiceView invoice={invoice.data} />;
}

function InvoiceView({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation('billing');
  const language = i18n.language;
  const rate = formatRate(invoice.vatRateBp, language);
  return (
    <div className="page dd-container invoice-page">
      <div className="invoice-page__actions">
        <Link to={BACK} className={buttonClassName('ghost', 'sm')}>
          {t('invoice.back')}
        </Link>
        <Button variant="secondary" size="sm" onClick={() => window.print()}>
          <Icon name="printer" size={16} />
          {t('invoice.print')}
        </Button>
      </div>

      <article className="invoice-paper" aria-labelledby="invoice-title">
        <header className="invoice-paper__head">
          <div>
            <p className="invoice-paper__brand">{invoice.seller.name}</p>
            <h1 id="invoice-title" className="invoice-paper__title">
              {t('invoice.heading')} {invoice.number}
            </h1>
          </div>
          <dl className="invoice-paper__meta">
            <div>
              <dt>{t('invoice.number')}</dt>
              <dd>{invoice.number}</dd>
            </div>
            <div>
              <dt>{t('invoice.issuedOn')}</dt>
              <dd>{formatDate(invoice.issuedOn, language)}</dd>
            </div>
            <div>
              <dt>{t('invoice.suppliedOn')}</dt>
              <dd>{formatDate(invoice.suppliedOn, language)}</dd>
            </div>
          </dl>
        </header>

        <div className="invoice-paper__parties">
          <section aria-labelledby="invoice-seller">
            <h2 id="invoice-seller" className="invoice-paper__label">
              {t('invoice.seller')}
            </h2>
            <address>
              <strong>{invoice.seller.name}</strong>
              {invoice.seller.addressLines.map((line) => (
                <span key={line}>{line}</span>
              ))}
              <span>
                {t('invoice.kvk')} {invoice.seller.kvkNumber}
              </span>
              <span>
                {t('invoice.vatNumber')} {invoice.seller.vatNumber}
              </span>
              <span>
                {t('invoice.iban')} {formatIban(invoice.seller.iban)}
              </span>
            </address>
          </section>
          <section aria-labelledby="invoice-buyer">
            <h2 id="invoice-buyer" className="invoice-paper__label">
              {t('invoice.buyer')}
            </h2>
            <address>
              <strong>{invoice.buyer.name}</strong>
              {invoice.buyer.addressLines.map((line) => (
                <span key={line}>{line}</span>
              ))}
              {invoice.buyer.kvkNumber ? (
                <span>
                  {t('invoice.kvk')} {invoice.buyer.kvkNumber}
                </span>
              ) : null}
              {invoice.buyer.vatNumber ? (
                <span>
                  {t('invoice.vatNumber')} {invoice.buyer.vatNumber}
                </span>
              ) : null}
              {invoice.buyer.contactName ? <span>{t('invoice.attention', { name: invoice.buyer.contactName })}</span> : null}
              {invoice.buyer.contactEmail ? <span>{invoice.buyer.contactEmail}</span> : null}
            </address>
          </section>
        </div>

        {/* On a phone the lines scroll in their own box, not the page. */}
        <TableScroll label={t('invoice.linesCaption')}>
          <table className="dd-table invoice-paper__lines">
            <caption className="dd-visually-hidden">{t('invoice.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoice.description')}</th>
                <th scope="col" className="dd-table__number">
                  {t('invoice.quantity')}
                </th>
                <th scope="col" className="dd-table__number">
                  {t('invoice.unitPrice')}
                </th>
                <th scope="col" className="dd-table__number">
                  {t('invoice.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line, index) => (
                <tr key={index}>
                  <td>{line.description}</td>
                  <td className="dd-table__number">{formatCount(line.quantity, language)}</td>
                  <td className="dd-table__number">{formatUnitPrice(line.unitPriceCents)}</td>
                  <td className="dd-table__number">{formatAmount(line.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>

        <dl className="invoice-paper__totals">
          <div>
            <dt>{t('invoice.net')}</dt>
            <dd>{formatAmount(invoice.netCents)}</dd>
          </div>
          <div>
            <dt>{t('invoice.vat', { rate })}</dt>
            <dd>{formatAmount(invoice.vatCents)}</dd>
          </div>
          <div className="invoice-paper__total">
            <dt>{t('invoice.total')}</dt>
            <dd>{formatAmount(invoice.totalCents)}</dd>
          </div>
        </dl>

        <footer className="invoice-paper__foot">
          <p>{t('invoice.quantityNote')}</p>
          <p>{t('invoice.paid')}</p>
          <p>{t('invoice.rounding')}</p>
        </footer>
      </article>
    </div>
  );
}
