import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Icon, PageHeader } from '@dd/ui';
import { usePageTitle } from '../../app/page-title';
import { useReferenceLabels } from '../../app/reference-data';
import { PageLoadError, PageLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { builderOptions } from './builder-options';
import { initialBuilderState, stateFromTree } from './builder-state';
import { SegmentBuilder } from './segment-builder';
import './segments.css';

/** `/advertiser/segments/new` and `/advertiser/segments/:id`: the builder, empty or with a saved segment. */
export function SegmentBuilderPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  usePageTitle(id ? t('segments.titles.edit') : t('segments.titles.new'));
  const { query: reference, labels } = useReferenceLabels();
  const options = useQuery(trpc.reference.segmentOptions.queryOptions(undefined, { staleTime: 60 * 60_000 }));
  const prices = useQuery(trpc.advertiser.prices.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  // The previous answer stays while another language loads, so switching language never resets the builder.
  const saved = useQuery(trpc.advertiser.segments.get.queryOptions({ id: id ?? '', locale }, { enabled: id !== undefined, placeholderData: keepPreviousData }));

  const failed = [reference, options, prices, ...(id ? [saved] : [])].find((query) => query.isError);
  if (failed) return <PageLoadError error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />;
  if (!labels || !reference.data || !options.data || !prices.data || (id !== undefined && !saved.data)) return <PageLoading />;

  const segment = id !== undefined ? saved.data : undefined;
  const loaded = segment ? stateFromTree(segment.tree) : null;

  return (
    <div className="page dd-container segment-builder-page">
      <Link to="/advertiser/segments" className="segment-builder-page__back">
        <Icon name="arrowRight" size={16} className="segment-builder-page__back-icon" />
        {t('segments.builder.back')}
      </Link>
      <PageHeader eyebrow={t('segments.builder.eyebrow')} title={segment ? segment.name : t('segments.builder.newTitle')} description={t('segments.builder.description')} />
      {segment && !loaded ? (
        <Alert tone="warning" title={t('segments.builder.cannotShowTitle')} className="segment-builder-page__notice">
          <p>{segment.description}</p>
          <p>{t('segments.builder.cannotShowBody')}</p>
        </Alert>
      ) : null}
      <SegmentBuilder
        key={id ?? 'new'}
        saved={segment}
        initial={loaded ?? initialBuilderState()}
        options={builderOptions(options.data, reference.data, labels, i18n.language)}
        prices={prices.data}
        labels={labels}
      />
    </div>
  );
}
