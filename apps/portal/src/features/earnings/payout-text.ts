import type { TFunction } from 'i18next';
import { RETURN_REASON_CODES, type ReturnReasonCode } from '@dd/contract';
import { formatAmount } from '@dd/ui';
import { formatDate } from '../../app/format';
import type { ServerReason } from '../../app/api-error';

/** The payout problems the API names with a reason code; each has a text under `errors` in the earnings namespace. */
export const PAYOUT_REASONS = ['belowMinimum', 'moreThanAvailable', 'overMonthlyCap', 'accountTooNew', 'openRequest', 'erasureRequested'] as const;
export type PayoutReason = (typeof PAYOUT_REASONS)[number];

const isPayoutReason = (code: string): code is PayoutReason => (PAYOUT_REASONS as readonly string[]).includes(code);

const cents = (value: string | number | undefined) => formatAmount(Number(value ?? 0));

/**
 * A payout problem in the reader's language, with its amounts and dates formatted; null for a code
 * this portal does not know (the caller falls back to the generic message).
 */
export function payoutReasonText(t: TFunction<'earnings'>, language: string, reason: Pick<ServerReason, 'code' | 'params'>): string | null {
  if (!isPayoutReason(reason.code)) return null;
  const p = reason.params;
  return t(`errors.${reason.code}`, {
    minimum: cents(p['minimumCents']),
    available: cents(p['availableCents']),
    cap: cents(p['monthlyCapCents']),
    left: cents(p['capLeftCents']),
    date: typeof p['eligibleFrom'] === 'string' ? formatDate(p['eligibleFrom'], language) : '',
  });
}

/** A bank's return reason code (AC04, MD07, …) in words; a code this portal does not know is shown as the code. */
export function returnReasonText(t: TFunction<'earnings'>, code: string | null): string {
  if (code && (RETURN_REASON_CODES as readonly string[]).includes(code)) return t(`returnReasons.${code as ReturnReasonCode}`);
  return t('returnReasons.other', { code: code ?? '—' });
}
