/**
 * An advertiser is warned once their available balance drops below this (EUR 50): about the price
 * of a small insight report, so there is time to top up before a purchase is refused.
 */
export const LOW_BALANCE_THRESHOLD_CENTS = 5_000;

/**
 * Whether a movement that took `movedCents` off the balance crossed the threshold downwards. Only the
 * crossing counts, so a balance that stays low is warned about once, and again only after it was
 * topped up above the threshold and fell below it once more.
 */
export function lowBalanceCrossed(balanceAfterCents: number, movedCents: number, thresholdCents: number = LOW_BALANCE_THRESHOLD_CENTS): boolean {
  return movedCents > 0 && balanceAfterCents < thresholdCents && balanceAfterCents + movedCents >= thresholdCents;
}
