import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BankStatement } from '@dd/contract';
import { Badge, Icon, type BadgeTone } from '@dd/ui';
import { formatBytes, formatCount, formatDate, formatDateTime } from '../../app/format';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { failedOnOurSide, moreProblems } from '../my-data/upload-rules';
import { finishedSince, statementProblemText, statementsRefetchInterval } from './statement-rules';

const STATUS_TONE: Record<BankStatement['status'], BadgeTone> = {
  stored: 'neutral',
  processing: 'info',
  imported: 'success',
  failed: 'danger',
};

/** Imported statements, polled while one is being read; a finished import refreshes the review list and is announced. */
export function StatementList() {
  const { t } = useTranslation('bankStatements');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const statements = useQuery(trpc.admin.billing.statements.queryOptions(undefined, { refetchInterval: (query) => statementsRefetchInterval(query.state.data) }));
  const previous = useRef<BankStatement[] | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!statements.data) return;
    const finished = finishedSince(previous.current, statements.data);
    previous.current = statements.data;
    if (finished.length === 0) return;
    void queryClient.invalidateQueries({ queryKey: trpc.admin.billing.unmatched.queryKey() });
    const last = finished.at(-1)!;
    setAnnouncement(
      last.status === 'imported'
        ? t('list.announceImported', { name: last.fileName, booked: last.counts.booked, unmatched: last.counts.unmatched })
        : t('list.announceFailed', { name: last.fileName }),
    );
  }, [statements.data, queryClient, trpc, t]);

  return (
    <section className="page-section" aria-labelledby="statements-title">
      <h2 id="statements-title" className="page-section__title">
        {t('list.title')}
      </h2>
      <p className="dd-visually-hidden" role="status">
        {announcement}
      </p>
      {statements.isPending ? (
        <SectionLoading />
      ) : statements.isError ? (
        <SectionLoadError title={t('list.loadError')} error={statements.error} onRetry={() => void statements.refetch()} retrying={statements.isFetching} />
      ) : statements.data.length === 0 ? (
        <p className="page-section__empty">{t('list.empty')}</p>
      ) : (
        <ul className="statement-list">
          {statements.data.map((statement) => (
            <StatementItem key={statement.id} statement={statement} />
          ))}
        </ul>
      )}
    </section>
  );
}

function StatementItem({ statement }: { statement: BankStatement }) {
  const { t, i18n } = useTranslation('bankStatements');
  const { t: tc } = useTranslation();
  const language = i18n.language;
  const uploaded = formatDateTime(statement.createdAt, language);
  const counts: { key: 'booked' | 'unmatched' | 'dismissed' | 'open' | 'duplicate'; value: number }[] = [
    { key: 'booked', value: statement.counts.booked },
    { key: 'unmatched', value: statement.counts.unmatched },
    { key: 'dismissed', value: statement.counts.dismissed },
    { key: 'open', value: statement.counts.open },
    { key: 'duplicate', value: statement.entriesDuplicate ?? 0 },
  ];
  return (
    <li className="statement-item">
      <div className="statement-item__head">
        <Icon name="file" size={20} className="statement-item__icon" />
        <div className="statement-item__who">
          <span className="statement-item__name">{statement.fileName}</span>
          <span className="statement-item__meta">
            {statement.uploadedBy ? t('list.uploaded', { date: uploaded, name: statement.uploadedBy }) : t('list.uploadedNoName', { date: uploaded })}
            {' · '}
            {formatBytes(statement.byteSize, language)}
            {statement.firstBookedOn && statement.lastBookedOn
              ? ` · ${
                  statement.firstBookedOn === statement.lastBookedOn
                    ? formatDate(statement.firstBookedOn, language)
                    : t('list.period', { from: formatDate(statement.firstBookedOn, language), to: formatDate(statement.lastBookedOn, language) })
                }`
              : ''}
          </span>
        </div>
        <Badge tone={STATUS_TONE[statement.status]} dot>
          {t(`list.status.${statement.status}`)}
        </Badge>
      </div>

      {statement.status === 'imported' ? (
        <dl className="statement-item__counts">
          {counts.map(({ key, value }) => (
            <div key={key} className={key === 'unmatched' && value > 0 ? 'statement-item__count statement-item__count--attention' : 'statement-item__count'}>
              <dt>{t(`list.${key}`)}</dt>
              <dd>{formatCount(value, language)}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      {statement.status === 'failed' && statement.error ? (
        <div className="statement-item__failure">
          <p className="statement-item__failure-title">{t('list.failedTitle')}</p>
          <p>{statementProblemText(tc, i18n, statement.error)}</p>
          {statement.error.problems.length > 0 ? (
            <ul className="statement-item__problems">
              {statement.error.problems.map((problem, index) => (
                <li key={`${problem.line}-${index}`}>
                  <span className="statement-item__where">{t('list.problemLine', { line: formatCount(problem.line, language) })}</span>{' '}
                  {statementProblemText(tc, i18n, problem)}
                </li>
              ))}
              {moreProblems(statement.error) > 0 ? <li>{tc('data.uploads.moreProblems', { count: moreProblems(statement.error) })}</li> : null}
            </ul>
          ) : null}
          {failedOnOurSide(statement.error) ? null : <p className="statement-item__hint">{t('list.fixHint')}</p>}
        </div>
      ) : null}
    </li>
  );
}
