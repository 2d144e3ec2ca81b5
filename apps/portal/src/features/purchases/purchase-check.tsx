import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PurchaseProblem } from '@dd/contract';
import { Alert, Button } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { audienceText } from './marketplace-text';
import type { usePurchaseCheck } from './use-purchase-check';

/** The reason a purchase cannot succeed, in the reader's language (the same sentences as a refused request). */
export function problemText(t: TFunction<'purchases'>, problem: PurchaseProblem): string {
  return t(`errors.${problem.code}`, problem.params);
}

/**
 * Before the request is sent: its privacy cost, the people it can reach now (a released, noisy
 * value) and, when it cannot succeed, why and what to change. Announced politely when it changes.
 */
export function PurchaseCheckPanel({ check }: { check: ReturnType<typeof usePurchaseCheck> }) {
  const { t, i18n } = useTranslation('purchases');
  const { t: tc } = useTranslation();
  const { query } = check;
  const busy = check.settling || query.isFetching;
  const answer = query.data;

  return (
    <section className="page-section purchase-check" aria-labelledby="purchase-check-title">
      <h2 id="purchase-check-title" className="page-section__title">
        {t('check.title')}
      </h2>
      <div aria-live="polite" aria-atomic="true" aria-busy={busy || undefined}>
        {query.isError && !busy ? (
          <Alert
            tone="warning"
            title={t('check.failed')}
            action={
              <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
                {t('check.retry')}
              </Button>
            }
          >
            {tc(describeError(query.error).messageKey)}
          </Alert>
        ) : !answer ? (
          <p className="page-section__note">{t('check.checking')}</p>
        ) : (
          <>
            <dl className="fact-list fact-list--stacked">
              <div>
                <dt>{t('check.audience')}</dt>
                <dd>{audienceText(t, answer.audience, i18n.language)}</dd>
              </div>
            </dl>
            <p className="page-section__note">{t('check.cost', { cost: answer.cost })}</p>
            {answer.problems.length === 0 ? (
              <p className="purchase-check__ok">{t('check.ok')}</p>
            ) : (
              <Alert tone="warning">
                <ul className="purchase-check__problems">
                  {answer.problems.map((problem) => (
                    <li key={problem.code} data-problem={problem.code}>
                      {problemText(t, problem)}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
          </>
        )}
      </div>
    </section>
  );
}
