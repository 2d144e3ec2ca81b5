import { useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TableScroll, Button, SelectField } from '@dd/ui';
import { formatMonth } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { CategoryOptions } from './category-options';
import { periodMonths } from './spending-months';
import { TransactionRow } from './transaction-row';

const PAGE_SIZE = 25;

/** The customer's own transactions, newest first, filterable, with a category they can correct. */
export function TransactionsSection({ labels, months }: { labels: ReferenceLabels; months: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [category, setCategory] = useState('');
  const [chosenMonth, setMonth] = useState('');
  const [announcement, setAnnouncement] = useState('');
  // Months to filter on: those of the period the charts show (the same cached answer).
  const spending = useQuery(trpc.transactions.spending.queryOptions({ months }));
  const monthOptions = spending.data ? periodMonths(spending.data.from, spending.data.to).reverse() : [];
  // A month from a longer period no longer filters once the period gets shorter.
  const month = monthOptions.includes(chosenMonth) ? chosenMonth : '';

  const input = { limit: PAGE_SIZE, ...(category ? { category } : {}), ...(month ? { month } : {}) };
  const transactions = useInfiniteQuery(
    trpc.transactions.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = transactions.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(category || month);

  let body;
  if (transactions.isPending) body = <SectionLoading />;
  else if (transactions.isError && !transactions.data)
    body = (
      <SectionLoadError
        title={t('data.transactions.loadError')}
        error={transactions.error}
        onRetry={() => void transactions.refetch()}
        retrying={transactions.isFetching}
      />
    );
  else if (items.length === 0 && !transactions.isError)
    body = filtered ? (
      <p className="page-section__empty">{t('data.transactions.emptyFiltered')}</p>
    ) : (
      <div className="page-section__empty-state">
        <p className="page-section__empty-title">{t('data.transactions.emptyTitle')}</p>
        <p>{t('data.transactions.emptyBody')}</p>
      </div>
    );
  else
    body = (
      <>
        <TableScroll className="transactions-table-wrap" label={t('data.transactions.caption')}>
          <table className="dd-table transactions-table">
            <caption className="dd-visually-hidden">{t('data.transactions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.transactions.date')}</th>
                <th scope="col">{t('data.transactions.description')}</th>
                <th scope="col">{t('data.transactions.category')}</th>
                <th scope="col" className="dd-table__number">
                  {t('data.transactions.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((transaction) => (
                <TransactionRow key={transaction.id} transaction={transaction} labels={labels} onSaved={setAnnouncement} />
              ))}
            </tbody>
          </table>
        </TableScroll>
        {transactions.hasNextPage ? (
          <div className="page-section__more">
            <Button variant="secondary" onClick={() => void transactions.fetchNextPage()} loading={transactions.isFetchingNextPage}>
              {t('data.transactions.loadMore')}
            </Button>
          </div>
        ) : null}
        {transactions.isFetchNextPageError ? (
          <SectionLoadError
            title={t('data.transactions.loadError')}
            error={transactions.error}
            onRetry={() => void transactions.fetchNextPage()}
            retrying={transactions.isFetchingNextPage}
          />
        ) : null}
      </>
    );

  return (
    <section className="page-section" aria-labelledby="transactions-title">
      <div className="page-section__head">
        <div className="page-section__intro">
          <h2 id="transactions-title" className="page-section__title">
            {t('data.transactions.title')}
          </h2>
          <p>{t('data.transactions.intro')}</p>
          <p className="page-section__note">{t('data.transactions.neverSharedNote')}</p>
        </div>
        <div className="transactions-filters" role="group" aria-label={t('data.transactions.filtersLabel')}>
          <SelectField label={t('data.transactions.filterCategory')} value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('data.transactions.allCategories')}</option>
            <CategoryOptions labels={labels} />
          </SelectField>
          <SelectField label={t('data.transactions.filterMonth')} value={month} onChange={(event) => setMonth(event.target.value)}>
            <option value="">{t('data.transactions.allMonths')}</option>
            {monthOptions.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, i18n.language)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <p className="dd-visually-hidden" role="status">
        {announcement}
      </p>
      {body}
    </section>
  );
}
