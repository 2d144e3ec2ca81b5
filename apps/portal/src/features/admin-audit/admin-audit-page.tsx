import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { AuditFilters, auditInput, NO_FILTERS, type AuditFilterValues } from './audit-filters';
import { AuditTable } from './audit-table';
import './admin-audit.css';

/** The append-only audit log: filters, newest first, a page at a time (keyset on the entry id). */
export function AdminAuditPage() {
  const { t } = useTranslation('adminAudit');
  usePageTitle(t('title'));
  const trpc = useTRPC();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  // Cursors of the pages before the current one, for "newer".
  const [cursors, setCursors] = useState<number[]>([]);
  const search = useQuery(trpc.admin.audit.search.queryOptions(auditInput(filters, cursors.at(-1)), { placeholderData: keepPreviousData }));
  const facets = useQuery(trpc.admin.audit.facets.queryOptions(undefined, { staleTime: 60_000 }));

  let body;
  if (search.isPending) body = <SectionLoading />;
  else if (search.isError) body = <SectionLoadError title={t('loadError')} error={search.error} onRetry={() => void search.refetch()} retrying={search.isFetching} />;
  else if (search.data.entries.length === 0) body = <p className="page-section__empty">{t('empty')}</p>;
  else body = <AuditTable entries={search.data.entries} />;
  const next = search.data?.nextCursor ?? null;

  return (
    <div className="page dd-container admin-audit">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <section className="page-section">
        <AuditFilters
          facets={facets.data}
          onApply={(applied) => {
            setFilters(applied);
            setCursors([]);
          }}
        />
      </section>
      <section className="page-section" aria-label={t('table.caption')} aria-busy={search.isFetching && !search.isPending}>
        {body}
        {cursors.length > 0 || next !== null ? (
          <nav className="admin-audit__paging" aria-label={t('paging.label')}>
            <Button variant="secondary" size="sm" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('paging.newer')}
            </Button>
            <span className="admin-audit__page">{t('paging.page', { page: cursors.length + 1 })}</span>
            <Button variant="secondary" size="sm" disabled={next === null} onClick={() => next !== null && setCursors((c) => [...c, next])}>
              {t('paging.older')}
            </Button>
          </nav>
        ) : null}
      </section>
    </div>
  );
}
