import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, EmptyState, Icon, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { useSignedInViewer } from '../../app/use-viewer';
import { readDraft, type PurchaseDraft } from './purchase-draft';
import { PurchaseForm } from './purchase-form';
import './purchases.css';

/**
 * `/advertiser/purchases/new`: the purchase form for the segment the builder handed over (router
 * state), or for a saved segment (`?segment=<id>`). Without either there is nothing to buy yet.
 */
export function PurchaseFormPage() {
  const { t, i18n } = useTranslation('purchases');
  usePageTitle(t('titles.new'));
  const trpc = useTRPC();
  const viewer = useSignedInViewer();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const draft = readDraft(location.state);
  const savedId = draft ? undefined : (searchParams.get('segment') ?? undefined);

  const saved = useQuery(trpc.advertiser.segments.get.queryOptions({ id: savedId ?? '', locale }, { enabled: savedId !== undefined, placeholderData: keepPreviousData }));
  const { query: reference, labels } = useReferenceLabels();
  const prices = useQuery(trpc.advertiser.prices.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  // The balance helps, but a failure to load it must not stop a purchase: the server checks it anyway.
  const billing = useQuery(trpc.billing.summary.queryOptions());

  if (!draft && savedId === undefined) return <NoSegment />;
  const failed = [reference, prices, ...(savedId !== undefined ? [saved] : [])].find((query) => query.isError);
  if (failed) return <PageLoadError error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />;
  if (!labels || !prices.data || (savedId !== undefined && !saved.data)) return <PageLoading />;

  const source: PurchaseDraft = draft ?? { segment: saved.data!.tree, savedSegmentId: saved.data!.id, name: saved.data!.name };

  return (
    <div className="page dd-container purchase-form-page">
      <Link to={source.savedSegmentId ? `/advertiser/segments/${source.savedSegmentId}` : '/advertiser/segments'} className="purchase-detail__back">
        <Icon name="arrowRight" size={16} className="purchase-detail__back-icon" />
        {t('form.back')}
      </Link>
      <PageHeader eyebrow={t('form.eyebrow')} title={t('form.title')} description={t('form.description')} />
      <PurchaseForm
        key={source.savedSegmentId ?? JSON.stringify(source.segment)}
        source={source}
        labels={labels}
        prices={prices.data}
        billing={billing.data}
        viewer={viewer}
        locale={locale}
      />
    </div>
  );
}

function NoSegment() {
  const { t } = useTranslation('purchases');
  return (
    <div className="page dd-container">
      <EmptyState
        headingLevel={1}
        icon="users"
        title={t('form.noSegmentTitle')}
        description={<p>{t('form.noSegmentBody')}</p>}
        actions={
          <Link to="/advertiser/segments" className={buttonClassName('primary')}>
            {t('form.noSegmentAction')}
          </Link>
        }
      />
    </div>
  );
}
