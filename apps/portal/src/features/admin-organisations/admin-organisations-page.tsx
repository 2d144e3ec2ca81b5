import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AdminOrganisation, OrganisationStatusCode } from '@dd/contract';
import { Alert, Button, PageHeader, SelectField } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { useIndustries } from '../organisation/use-industries';
import { DecisionDialog, type DecisionNotice, type OrganisationDecision } from './decision-dialog';
import { OrganisationItem } from './organisation-item';
import './admin-organisations.css';

const FILTERS = ['unverified', 'verified', 'rejected', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** The list input for a filter and page: no `cursor` key on the first page, so its cache key stays simple. */
export function organisationsInput(filter: Filter, cursor: string | undefined): { status?: OrganisationStatusCode; cursor?: string } {
  return { ...(filter === 'all' ? {} : { status: filter }), ...(cursor ? { cursor } : {}) };
}

/** The admin's advertiser verification: organisations with their details, filtered by status, a page at a time. */
export function AdminOrganisationsPage() {
  const { t, i18n } = useTranslation('adminOrganisations');
  usePageTitle(t('title'));
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>('unverified');
  // Cursors of the pages before the current one, for "previous".
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const list = useQuery(trpc.admin.organisations.list.queryOptions(organisationsInput(filter, cursor), { placeholderData: keepPreviousData }));
  const industries = useIndustries();
  const [deciding, setDeciding] = useState<{ organisation: AdminOrganisation; decision: OrganisationDecision } | null>(null);
  const [notice, setNotice] = useState<DecisionNotice | null>(null);

  const industryLabel = (code: string) => {
    const industry = industries.data?.find((i) => i.code === code);
    return industry ? industry.label[i18n.language === 'en' ? 'en' : 'nl'] : code;
  };

  let body;
  if (list.isPending) body = <SectionLoading />;
  else if (list.isError) body = <SectionLoadError title={t('loadError')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (list.data.items.length === 0) body = <p className="page-section__empty">{filter === 'unverified' ? t('emptyWaiting') : t('empty')}</p>;
  else
    body = (
      <ul className="admin-organisations__list">
        {list.data.items.map((organisation) => (
          <OrganisationItem
            key={organisation.id}
            organisation={organisation}
            industryLabel={industryLabel}
            onDecide={(decision) => {
              setNotice(null);
              setDeciding({ organisation, decision });
            }}
          />
        ))}
      </ul>
    );

  return (
    <div className="page dd-container admin-organisations">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <section className="page-section" aria-labelledby="admin-organisations-list" aria-busy={list.isFetching && !list.isPending}>
        <div className="page-section__head">
          <h2 id="admin-organisations-list" className="page-section__title">
            {t(`filters.${filter}`)}
          </h2>
          <SelectField
            label={t('filterLabel')}
            className="page-section__control"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value as Filter);
              setCursors([]);
            }}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`filters.${f}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        {body}
        {cursors.length > 0 || list.data?.nextCursor ? (
          <nav className="admin-organisations__paging" aria-label={t('paging.label')}>
            <Button variant="secondary" size="sm" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('paging.previous')}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={!list.data?.nextCursor}
              onClick={() => list.data?.nextCursor && setCursors((c) => [...c, list.data.nextCursor!])}
            >
              {t('paging.next')}
            </Button>
          </nav>
        ) : null}
      </section>
      <DecisionDialog
        organisation={deciding?.organisation ?? null}
        decision={deciding?.decision ?? 'verify'}
        industryLabel={industryLabel}
        onClose={(closing) => {
          setDeciding(null);
          if (closing) setNotice(closing);
        }}
      />
    </div>
  );
}
