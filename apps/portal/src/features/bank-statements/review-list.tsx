import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '@dd/ui';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { ReviewItem, type ReviewOutcome } from './review-item';

/** Credits that could not be matched with certainty, oldest first, each to assign or dismiss. */
export function ReviewList() {
  const { t } = useTranslation('bankStatements');
  const trpc = useTRPC();
  const unmatched = useQuery(trpc.admin.billing.unmatched.queryOptions());
  const advertisers = useQuery(trpc.admin.billing.advertisers.queryOptions());
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The resolved item leaves the list; focus goes to what happened, so keyboard users are not lost.
  const resolved = (next: ReviewOutcome) => {
    setOutcome(next);
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  const failed = unmatched.isError ? unmatched : advertisers.isError ? advertisers : null;
  return (
    <section className="page-section" aria-labelledby="review-title">
      <div className="page-section__intro">
        <h2 id="review-title" className="page-section__title">
          {t('review.title')}
        </h2>
        <p>{t('review.intro')}</p>
      </div>
      <div ref={outcomeRef} tabIndex={-1} className="review-outcome">
        {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      </div>
      {unmatched.isPending || advertisers.isPending ? (
        <SectionLoading />
      ) : failed ? (
        <SectionLoadError title={t('review.loadError')} error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
      ) : unmatched.data!.length === 0 ? (
        <p className="page-section__empty-state">
          <span className="page-section__empty-title">{t('review.empty')}</span>
        </p>
      ) : (
        <ul className="review-list">
          {unmatched.data!.map((credit) => (
            <ReviewItem key={credit.id} credit={credit} advertisers={advertisers.data!} onResolved={resolved} />
          ))}
        </ul>
      )}
    </section>
  );
}
