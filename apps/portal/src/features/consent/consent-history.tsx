import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConsentHistoryEntry } from '@dd/contract';
import { Badge } from '@dd/ui';
import { formatDate, formatDateTime } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { lastDayFromExpiry } from './consent-draft';

const SOURCES = ['portal', 'withdraw_all'] as const;

/** The append-only record: what changed, when, under which policy version. */
export function ConsentHistory({ labels }: { labels: ReferenceLabels }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.consent.history.queryOptions());

  return (
    <section className="page-section" aria-labelledby="consent-history-title">
      <div className="page-section__intro">
        <h2 id="consent-history-title" className="page-section__title">
          {t('consent.history.title')}
        </h2>
        <p>{t('consent.history.intro')}</p>
      </div>
      {history.isPending ? (
        <SectionLoading />
      ) : history.isError ? (
        <SectionLoadError title={t('consent.history.loadError')} error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
      ) : history.data.length === 0 ? (
        <p className="page-section__empty">{t('consent.history.empty')}</p>
      ) : (
        <ol className="consent-history">
          {history.data.map((entry) => (
            <HistoryEntry key={entry.changeId} entry={entry} labels={labels} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryEntry({ entry, labels }: { entry: ConsentHistoryEntry; labels: ReferenceLabels }) {
  const { t, i18n } = useTranslation();
  const source = (SOURCES as readonly string[]).includes(entry.source) ? t(`consent.history.sources.${entry.source as (typeof SOURCES)[number]}`) : null;
  return (
    <li className="consent-history__entry">
      <div className="consent-history__head">
        <time dateTime={entry.recordedAt} className="consent-history__when">
          {formatDateTime(entry.recordedAt, i18n.language)}
        </time>
        {source ? <Badge tone={entry.source === 'withdraw_all' ? 'warning' : 'neutral'}>{source}</Badge> : null}
        <span className="consent-history__policy">{t('consent.policyVersion', { version: entry.policyVersion })}</span>
      </div>
      <ul className="consent-history__changes">
        {entry.decisions.map((d) => (
          <li key={`${d.category}:${d.purpose}`}>
            <span className="consent-history__what">
              {labels.category(d.category)} · {t(`consent.purposes.${d.purpose}.title`)}
            </span>
            :{' '}
            <span className={d.granted ? 'consent-history__on' : 'consent-history__off'}>
              {d.granted
                ? d.expiresAt
                  ? t('consent.history.grantedUntil', { date: formatDate(lastDayFromExpiry(d.expiresAt), i18n.language) })
                  : t('consent.history.granted')
                : t('consent.history.withdrawn')}
            </span>
          </li>
        ))}
        {entry.industries.map((i) => (
          <li key={i.industry}>
            <span className="consent-history__what">{labels.industry(i.industry)}</span>: {i.excluded ? t('consent.history.excluded') : t('consent.history.included')}
          </li>
        ))}
      </ul>
    </li>
  );
}
