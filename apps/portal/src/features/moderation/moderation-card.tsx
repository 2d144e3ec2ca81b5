import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { decidePurchaseInput, type ApprovalBlock, type ModerationCheck, type ModerationItem } from '@dd/contract';
import { Badge, Button, formatAmount, Icon } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { formatDate } from '../../app/format';
import type { ReferenceLabels } from '../../app/reference-labels';
import { useTRPC } from '../../app/trpc';
import { OfferCard } from '../offers/offer-card';
import { audienceText, breakdownLabel, marketplaceErrorText, marketplaceFailureText } from '../purchases/marketplace-text';
import { TextAreaField } from '../purchases/text-area-field';
import type { ModerationNotice } from './moderation-page';

export const QUEUE_LIST_ID = 'moderation-queue';

const ORG_TONE = { verified: 'success', unverified: 'warning', rejected: 'danger' } as const;

interface ModerationCardProps {
  item: ModerationItem;
  labels: ReferenceLabels | undefined;
  locale: 'nl' | 'en';
  onNotice: (notice: ModerationNotice) => void;
}

/** One request with everything a moderator needs to decide: who asks, what for, about whom, and the automatic checks. */
export function ModerationCard({ item, labels, locale, onNotice }: ModerationCardProps) {
  const { t, i18n } = useTranslation('moderation');
  const { t: tp } = useTranslation('purchases');
  const titleId = useId();
  const language = i18n.language;
  const failed = item.checks.filter((check) => !check.passed).length;

  return (
    <article className="moderation-card" aria-labelledby={titleId}>
      <header className="moderation-card__head">
        <p className="moderation-card__eyebrow">
          <Badge tone="brand">{tp(`products.${item.product}`)}</Badge>
          <span>{t('requested', { date: formatDate(item.createdAt, language) })}</span>
        </p>
        <h2 id={titleId} className="moderation-card__title">
          {item.title}
        </h2>
      </header>

      <section className="moderation-card__org" aria-label={t('organisation.title')}>
        <p className="moderation-card__org-name">
          <Icon name="building" size={18} />
          <strong>{item.organisation.name}</strong>
          <Badge tone={ORG_TONE[item.organisation.status]} dot>
            {t(`organisation.statuses.${item.organisation.status}`)}
          </Badge>
        </p>
        <dl className="moderation-card__org-facts">
          <div>
            <dt>{t('organisation.industry')}</dt>
            <dd>{item.organisation.industry ? (labels ? labels.industry(item.organisation.industry) : item.organisation.industry) : t('organisation.noIndustry')}</dd>
          </div>
          <div>
            <dt>{t('organisation.history')}</dt>
            <dd>{t('organisation.historyText', item.history)}</dd>
          </div>
        </dl>
      </section>

      <dl className="moderation-card__facts">
        <div className="moderation-card__fact--wide">
          <dt>{t('fields.purposeStatement')}</dt>
          <dd>
            <blockquote className="moderation-card__quote">{item.purposeStatement}</blockquote>
          </dd>
        </div>
        <div className="moderation-card__fact--wide">
          <dt>{t('fields.segment')}</dt>
          <dd>{item.description}</dd>
        </div>
        <div>
          <dt>{t('fields.categories')}</dt>
          <dd>
            <ul className="moderation-card__badges">
              {item.categories.map((code) => (
                <li key={code}>
                  <Badge tone={labels?.isNeverShared(code) ? 'danger' : 'neutral'}>{labels ? labels.category(code) : code}</Badge>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {item.product === 'insight_report' && item.breakdowns.length > 0 ? (
          <div>
            <dt>{t('fields.breakdowns')}</dt>
            <dd>{item.breakdowns.map((code) => breakdownLabel(tp, code, labels)).join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('fields.estimate')}</dt>
          <dd>{audienceText(tp, item.estimate, language)}</dd>
        </div>
        <div>
          <dt>{t('fields.reserved')}</dt>
          <dd>{formatAmount(item.reservedCents)}</dd>
        </div>
      </dl>

      {item.offer ? (
        <section className="moderation-card__offer">
          <h3 className="moderation-card__subtitle">{t('fields.offer')}</h3>
          <OfferCard advertiser={item.organisation.name} offer={item.offer} purposeStatement={item.purposeStatement} mode="preview" headingLevel={4} />
        </section>
      ) : null}

      <section className="moderation-card__checks">
        <h3 className="moderation-card__subtitle">{t('checks.title')}</h3>
        <p className={failed ? 'moderation-card__summary moderation-card__summary--failed' : 'moderation-card__summary'}>
          {failed ? t('checks.summaryFailed', { count: failed }) : t('checks.summaryAllPassed')}
        </p>
        <ul className="moderation-checks">
          {item.checks.map((check) => (
            <CheckRow key={check.code} check={check} />
          ))}
        </ul>
      </section>

      <DecisionControls item={item} failedChecks={failed} locale={locale} onNotice={onNotice} />
    </article>
  );
}

function CheckRow({ check }: { check: ModerationCheck }) {
  const { t, i18n } = useTranslation('moderation');
  const outcome = check.passed ? 'passed' : 'failed';
  const known = i18n.exists(`moderation:checks.${check.code}.${outcome}`);
  const text = known ? t(`checks.${check.code}.${outcome}`, check.params) : t(`checks.unknown.${outcome}`, { code: check.code });
  const details = check.code === 'offerScreened' && !check.passed ? screeningDetails(t, i18n, check.params) : [];
  return (
    <li className={`moderation-checks__item moderation-checks__item--${outcome}`} data-check={check.code}>
      <span className="moderation-checks__icon" aria-hidden="true">
        <Icon name={check.passed ? 'success' : 'danger'} size={18} />
      </span>
      <span className="moderation-checks__text">
        <strong className="moderation-checks__outcome">{t(`checks.${outcome}`)}:</strong> {text}
        {details.map((detail) => (
          <span key={detail} className="moderation-checks__detail">
            {' '}
            {detail}
          </span>
        ))}
      </span>
    </li>
  );
}

/** What the offer screening found: listed words, topics (translated) and links that are not https. */
function screeningDetails(t: TFunction<'moderation'>, i18n: { exists: (key: string) => boolean }, params: ModerationCheck['params']): string[] {
  const list = (value: string | number | undefined) => (typeof value === 'string' && value.trim() ? value.split(/[,\s]+/).filter(Boolean) : []);
  const details: string[] = [];
  const words = typeof params['words'] === 'string' ? params['words'].trim() : '';
  if (words) details.push(t('checks.offerScreened.words', { words }));
  const topics = list(params['topics']).map((topic) => (i18n.exists(`moderation:topics.${topic}`) ? t(`topics.${topic}` as 'topics.health') : topic));
  if (topics.length) details.push(t('checks.offerScreened.topics', { topics: topics.join(', ') }));
  const links = list(params['links']);
  if (links.length) details.push(t('checks.offerScreened.links', { links: links.join(' ') }));
  return details;
}

/**
 * Why the approve button is disabled, in words: the words the screening found, or else the offer's
 * link that breaks the rules. The server refuses the approval for the same reason code.
 */
export function approvalBlockText(t: TFunction<'moderation'>, block: ApprovalBlock): string {
  if (block.code === 'privacyBudgetInsufficient') return t('decide.blocked.privacyBudget', block.params);
  const words = typeof block.params['words'] === 'string' ? block.params['words'].trim() : '';
  if (words) return t('decide.blocked.words', { words });
  const links = typeof block.params['links'] === 'string' ? block.params['links'].trim() : '';
  return links ? t('decide.blocked.link', { links }) : t('decide.blocked.other');
}

interface DecisionControlsProps {
  item: ModerationItem;
  failedChecks: number;
  locale: 'nl' | 'en';
  onNotice: (notice: ModerationNotice) => void;
}

/** Approve, or reject with a reason the advertiser reads; after either the card leaves the queue. */
function DecisionControls({ item, failedChecks, locale, onNotice }: DecisionControlsProps) {
  const { t, i18n } = useTranslation('moderation');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const blockedId = useId();
  const blocked = item.approvalBlocked;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  // Opening the reason form puts the cursor in it.
  useEffect(() => {
    if (rejecting) document.getElementById(reasonId)?.focus();
  }, [rejecting, reasonId]);

  const decide = useMutation(
    trpc.admin.moderation.decide.mutationOptions({
      onSuccess: (_result, input) => {
        const queueKey = trpc.admin.moderation.queue.queryKey({ locale });
        queryClient.setQueryData(queueKey, (list) => list?.filter((entry) => entry.id !== item.id));
        void queryClient.invalidateQueries({ queryKey: trpc.admin.moderation.pathKey() });
        onNotice({ tone: 'success', text: t(input.decision === 'approve' ? 'decide.approved' : 'decide.rejected', { title: item.title }) });
        // The card leaves the queue: keep the keyboard in the list rather than on a removed button.
        document.getElementById(QUEUE_LIST_ID)?.focus();
      },
      onError: (error) => {
        const described = describeError(error);
        const field = described.fieldErrors['reason']?.[0];
        if (field) {
          setReasonError(marketplaceErrorText(tc, i18n, field));
          document.getElementById(reasonId)?.focus();
          return;
        }
        // The queue was older than the offer's screening (or the rules changed): say why, and reload it so the button follows.
        const blockCode = described.reason?.code;
        if (blockCode === 'offerNotApprovable' || blockCode === 'privacyBudgetInsufficient') {
          setFailure(`${t('decide.failed')} ${approvalBlockText(t, { code: blockCode, params: described.reason?.params ?? {} })}`);
          void queryClient.invalidateQueries({ queryKey: trpc.admin.moderation.pathKey() });
          return;
        }
        const notPending = described.reason?.code === 'notPendingReview' || (described.code === 'CONFLICT' && !described.reason);
        setFailure(`${t('decide.failed')} ${notPending ? t('decide.notPending') : marketplaceFailureText(tc, i18n, error)}`);
        // Someone else decided first: the queue's next answer no longer has this card.
        if (notPending) void queryClient.invalidateQueries({ queryKey: trpc.admin.moderation.pathKey() });
      },
    }),
  );

  const approve = () => {
    setFailure(undefined);
    decide.mutate({ id: item.id, decision: 'approve' });
  };

  const reject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(undefined);
    const parsed = decidePurchaseInput.safeParse({ id: item.id, decision: 'reject', reason });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === 'reason') ?? parsed.error.issues[0];
      setReasonError(marketplaceErrorText(tc, i18n, issue?.message ?? 'validation.invalid'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    decide.mutate(parsed.data);
  };

  return (
    <div className="moderation-card__decision">
      {blocked && !rejecting ? (
        <p id={blockedId} className="moderation-card__blocked">
          <Icon name="danger" size={16} />
          <span>
            <strong>{t('decide.blockedTitle')}</strong> {approvalBlockText(t, blocked)}
          </span>
        </p>
      ) : failedChecks > 0 && !rejecting ? (
        <p className="moderation-card__warning">{t('decide.approveWarning')}</p>
      ) : null}
      {failure ? (
        <p className="moderation-card__error" role="alert">
          <Icon name="warning" size={16} />
          <span>{failure}</span>
        </p>
      ) : null}
      {rejecting ? (
        <form className="moderation-card__reject" noValidate onSubmit={reject} aria-label={t('decide.rejectLabel', { title: item.title })}>
          <TextAreaField
            id={reasonId}
            label={t('decide.reasonLabel')}
            hint={t('decide.reasonHint')}
            name="reason"
            rows={3}
            maxLength={1100}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(undefined);
            }}
          />
          <div className="moderation-card__actions">
            <Button type="submit" variant="danger" loading={decide.isPending}>
              {t('decide.confirmReject')}
            </Button>
            <Button
              variant="ghost"
              disabled={decide.isPending}
              onClick={() => {
                setRejecting(false);
                setReasonError(undefined);
              }}
            >
              {t('decide.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="moderation-card__actions">
          <Button
            onClick={approve}
            loading={decide.isPending}
            disabled={blocked !== null}
            aria-describedby={blocked ? blockedId : undefined}
            aria-label={t('decide.approveLabel', { title: item.title })}
          >
            <Icon name="success" size={18} />
            {t('decide.approve')}
          </Button>
          <Button variant="secondary" onClick={() => setRejecting(true)} disabled={decide.isPending} aria-label={t('decide.rejectLabel', { title: item.title })}>
            {t('decide.reject')}
          </Button>
        </div>
      )}
    </div>
  );
}
