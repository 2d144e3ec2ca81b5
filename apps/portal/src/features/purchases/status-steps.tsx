import { useTranslation } from 'react-i18next';
import type { PurchaseStatusCode } from '@dd/contract';
import { cx, Icon, type IconName } from '@dd/ui';
import { formatDateTime } from '../../app/format';

type StepKey = 'submitted' | 'review' | 'approved' | 'rejected' | 'cancelled' | 'fulfilment' | 'failed' | 'delivered';
type StepState = 'done' | 'current' | 'upcoming' | 'stopped';

export interface Step {
  key: StepKey;
  state: StepState;
}

/** The road of a request for its status: where it is now, what is behind it and what may still come. */
export function purchaseSteps(status: PurchaseStatusCode): Step[] {
  const submitted: Step = { key: 'submitted', state: 'done' };
  switch (status) {
    case 'pending_review':
      return [submitted, { key: 'review', state: 'current' }, { key: 'fulfilment', state: 'upcoming' }, { key: 'delivered', state: 'upcoming' }];
    case 'approved':
    case 'fulfilling':
      return [submitted, { key: 'approved', state: 'done' }, { key: 'fulfilment', state: 'current' }, { key: 'delivered', state: 'upcoming' }];
    case 'delivered':
      return [submitted, { key: 'approved', state: 'done' }, { key: 'fulfilment', state: 'done' }, { key: 'delivered', state: 'done' }];
    case 'rejected':
      return [submitted, { key: 'rejected', state: 'stopped' }];
    case 'cancelled':
      return [submitted, { key: 'cancelled', state: 'stopped' }];
    case 'failed':
      return [submitted, { key: 'approved', state: 'done' }, { key: 'failed', state: 'stopped' }];
  }
}

const ICON: Record<StepState, IconName> = { done: 'success', current: 'clock', upcoming: 'clock', stopped: 'danger' };

/** The steps as an ordered list; the current one is marked for screen readers too (aria-current). */
export function StatusSteps({ status, createdAt, deliveredAt }: { status: PurchaseStatusCode; createdAt: string; deliveredAt: string | null }) {
  const { t, i18n } = useTranslation('purchases');
  const stateText: Record<StepState, string> = {
    done: t('detail.stepDone'),
    current: t('detail.stepCurrent'),
    upcoming: t('detail.stepUpcoming'),
    stopped: t(`statuses.${status}`),
  };
  const dateOf = (key: StepKey) => (key === 'submitted' ? createdAt : key === 'delivered' ? deliveredAt : null);
  return (
    <ol className="status-steps">
      {purchaseSteps(status).map((step) => {
        const at = dateOf(step.key);
        return (
          <li key={step.key} className={cx('status-steps__item', `status-steps__item--${step.state}`)} aria-current={step.state === 'current' ? 'step' : undefined}>
            <span className="status-steps__marker" aria-hidden="true">
              <Icon name={ICON[step.state]} size={16} />
            </span>
            <span className="status-steps__text">
              <span className="status-steps__label">{t(`detail.steps.${step.key}`)}</span>
              {step.state !== 'stopped' ? <span className="dd-visually-hidden"> ({stateText[step.state]})</span> : null}
              {at && step.state === 'done' ? <time dateTime={at} className="status-steps__date">{formatDateTime(at, i18n.language)}</time> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
