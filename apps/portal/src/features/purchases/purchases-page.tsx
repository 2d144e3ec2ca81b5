import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { purchaseStatusSchema, type PurchaseStatusCode, type PurchaseSummary } from '@dd/contract';
import { Alert, Button, buttonClassName, EmptyState, formatAmount, Icon, PageHeader, SelectField } from '@dd/ui';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { BudgetMeter } from './budget-meter';
import { audienceText, failureText } from './marketplace-text';
import { PurchaseStatusBadge } from './purchase-status-badge';
import './purchases.css';

const STATUSES = purchaseStatusSchema.options;

/** After a purchase is created, the list or detail page shows this once. */
export interface CreatedNotice {
  created: true;
}

const parseStatus = (value: string | null): PurchaseStatusCode | undefined => {
  const parsed = purchaseStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** `/advertiser/purchases`: every request of the organisation, filterable by status (kept in the address). */
export function PurchasesPage() {
  const { t, i18n } = useTranslation('purchases');
  usePageTitle(t('titles.list'));
  const trpc = useTRPC();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = parseStatus(searchParams.get('status'));
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const list = useQuery(trpc.advertiser.purchases.list.queryOptions(status ? { locale, status } : { locale }, { placeholderData: keepPreviousData }));

  const setStatus = (next: PurchaseStatusCode | undefined) => setSearchParams(next ? { status: next } : {}, { replace: true });

  const newLink = (
    <Link to="/advertiser/segments" className={buttonClassName('primary')}>
      <Icon name="report" size={18} />
      {t('list.new')}
    </Link>
  );

  return (
    <div className="page dd-container purchases-page">
      <PageHeader eyebrow={t('list.eyebrow')} title={t('list.title')} description={t('list.description')} actions={newLink} />
      <div className="purchases-page__filter">
        <SelectField label={t('list.filter')} name="status" value={status ?? ''} onChange={(event) => setStatus(parseStatus(event.target.value))}>
          <option value="">{t('list.filterAll')}</option>
          {STATUSES.map((code) => (
            <option key={code} value={code}>
              {t(`statuses.${code}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {/* After a filter change screen readers hear how many requests are shown, not the whole list. */}
      <p className="dd-visually-hidden" role="status">
        {list.data ? t('list.count', { count: list.data.length }) : ''}
      </p>
      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <SectionLoading />
        ) : list.isError ? (
          <SectionLoadError title={t('list.loadError')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : list.data.length === 0 ? (
          <div className="page-section">
            {status ? (
              <EmptyState
                icon="search"
                title={t('list.emptyFilteredTitle')}
                description={<p>{t('list.emptyFilteredBody')}</p>}
                actions={
                  <Button variant="secondary" onClick={() => setStatus(undefined)}>
                    {t('list.showAll')}
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon="report"
                title={t('list.emptyTitle')}
                description={<p>{t('list.emptyBody')}</p>}
                actions={
                  <Link to="/advertiser/segments/new" className={buttonClassName('primary')}>
                    {t('list.emptyAction')}
                  </Link>
                }
              />
            )}
          </div>
        ) : (
          <ul className="purchase-list" aria-label={t('list.listLabel')}>
            {list.data.map((purchase) => (
              <PurchaseRow key={purchase.id} purchase={purchase} />
            ))}
          </ul>
        )}
      </div>
      <BudgetMeter />
    </div>
  );
}

function PurchaseRow({ purchase }: { purchase: PurchaseSummary }) {
  const { t, i18n } = useTranslation('purchases');
  const language = i18n.language;
  const to = `/advertiser/purchases/${purchase.id}`;
  return (
    <li className="purchase-row">
      <div className="purchase-row__main">
        <p className="purchase-row__product">{t(`products.${purchase.product}`)}</p>
        <h2 className="purchase-row__title">
          <Link to={to}>{purchase.title}</Link>
        </h2>
        <p className="purchase-row__date">
          <Icon name="clock" size={14} />
          {t('list.requested', { date: formatDate(purchase.createdAt, language) })}
        </p>
      </div>
      <div className="purchase-row__status">
        <PurchaseStatusBadge status={purchase.status} />
      </div>
      <dl className="purchase-row__facts">
        <div>
          <dt>{t('list.estimate')}</dt>
          <dd>{audienceText(t, purchase.estimate, language)}</dd>
        </div>
        <div>
          <dt>{t('list.reserved')}</dt>
          <dd>{formatAmount(purchase.reservedCents)}</dd>
        </div>
        <div>
          <dt>{t('list.charged')}</dt>
          <dd>{purchase.chargedCents === null ? t('list.notCharged') : formatAmount(purchase.chargedCents)}</dd>
        </div>
      </dl>
      {/* A failure is shown where the advertiser looks, with what to do next; the detail page says the same. */}
      {purchase.status === 'failed' ? <p className="purchase-row__failure">{purchase.failure ? failureText(t, i18n, purchase.failure) : t('failures.unknown')}</p> : null}
    </li>
  );
}

/** The notice a page shows once after navigating with `state: { created: true }`, then clears from history. */
export function useCreatedNotice(): boolean {
  const location = useLocation();
  const navigate = useNavigate();
  const [created] = useState(() => (location.state as Partial<CreatedNotice> | null)?.created === true);
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  return created;
}

/** The created notice as an alert. */
export function CreatedAlert() {
  const { t } = useTranslation('purchases');
  return (
    <Alert tone="success" className="purchases-notice">
      {t('list.created')}
    </Alert>
  );
}
