import { useTranslation } from 'react-i18next';
import type { EarningsSummary } from '@dd/contract';
import { formatAmount, Icon, type IconName } from '@dd/ui';

/** Where the member's money is: available, pending, on its way, paid out (together: everything earned). */
export function EarningsFigures({ summary }: { summary: EarningsSummary }) {
  const { t } = useTranslation('earnings');
  const figures: { id: string; icon: IconName; label: string; value: number; hint: string; highlight?: boolean }[] = [
    { id: 'available', icon: 'wallet', label: t('figures.available'), value: summary.availableCents, hint: t('figures.availableHint'), highlight: true },
    {
      id: 'pending',
      icon: 'clock',
      label: t('figures.pending'),
      value: summary.pendingCents,
      hint: summary.rules.holdingDays > 0 ? t('figures.pendingHint', { days: summary.rules.holdingDays }) : t('figures.pendingHintNone'),
    },
    { id: 'inPayout', icon: 'send', label: t('figures.inPayout'), value: summary.inPayoutCents, hint: t('figures.inPayoutHint') },
    {
      id: 'paidOut',
      icon: 'banknote',
      label: t('figures.paidOut'),
      value: summary.paidOutCents,
      hint: t('figures.paidOutHint', { earned: formatAmount(summary.earnedCents) }),
    },
  ];
  return (
    <section aria-label={t('figures.label')}>
      <dl className="earnings-figures">
        {figures.map((figure) => (
          <div key={figure.id} className={figure.highlight ? 'earnings-figure earnings-figure--highlight' : 'earnings-figure'}>
            <dt className="earnings-figure__label">
              <Icon name={figure.icon} size={18} />
              {figure.label}
            </dt>
            <dd className="earnings-figure__value">{formatAmount(figure.value)}</dd>
            <dd className="earnings-figure__hint">{figure.hint}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
