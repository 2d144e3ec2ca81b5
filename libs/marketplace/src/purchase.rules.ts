import { invoiceAmounts } from '@dd/billing';
import { breakdownFor, type Breakdown } from '@dd/reports';
import { marketplaceErrors, type ScreenedOfferField } from './marketplace.errors';
import { screenOffer, screenText, type ScreenableOffer } from './offer-screening';

/** An offer stays in members' inboxes for at most this many days, so stale offers do not linger. */
export const OFFER_MAX_DAYS = 90;

/**
 * The most members a request may be billed for: the noisy estimate plus 10%, rounded up. The
 * reservation covers this many, so a real audience a little above the estimate is still paid for,
 * and the advertiser never learns an exact count from what was reserved.
 */
export function maxMembersFor(estimate: number): number {
  if (!Number.isSafeInteger(estimate) || estimate <= 0) throw new RangeError(`An estimate is a positive whole number, not ${estimate}.`);
  return Math.ceil((estimate * 11) / 10);
}

export interface Reservation {
  maxMembers: number;
  netCents: number;
  vatCents: number;
  /** What is set aside from the advertiser's balance: the net price of max members plus VAT. */
  totalCents: number;
}

export function reservationFor(input: { estimate: number; pricePerMemberCents: number; vatRateBp: number }): Reservation {
  const maxMembers = maxMembersFor(input.estimate);
  const { netCents, vatCents, totalCents } = invoiceAmounts(maxMembers * input.pricePerMemberCents, input.vatRateBp);
  return { maxMembers, netCents, vatCents, totalCents };
}

/** The report's breakdowns: each one known (sellable data only) and none chosen twice. */
export function checkBreakdowns(codes: readonly string[]): Breakdown[] {
  const breakdowns = codes.map((code) => {
    const found = breakdownFor(code);
    if (!found) throw marketplaceErrors.breakdownUnknown();
    return found;
  });
  if (new Set(codes).size !== codes.length) throw marketplaceErrors.breakdownsDuplicate();
  return breakdowns;
}

/** `YYYY-MM-DD` as a UTC midnight, or undefined for a date the calendar does not have (2026-02-30). */
function parseDate(date: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? undefined : parsed;
}

export function addDays(date: string, days: number): string {
  const parsed = parseDate(date);
  if (!parsed) throw new RangeError(`"${date}" is not a date.`);
  return new Date(parsed.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** An offer ends today at the earliest and within OFFER_MAX_DAYS; `today` is the Dutch calendar date. */
export function checkOfferEndDate(endsOn: string, today: string): void {
  if (!parseDate(endsOn)) throw marketplaceErrors.offerDateInvalid();
  // ISO dates compare correctly as text.
  if (endsOn < today) throw marketplaceErrors.offerEndsInPast();
  if (endsOn > addDays(today, OFFER_MAX_DAYS)) throw marketplaceErrors.offerEndsTooLate(OFFER_MAX_DAYS);
}

/**
 * An offer the moderation could never approve is refused when it is requested, with the error under
 * the field that holds the words (title, then body, then code), so the advertiser fixes the text
 * instead of waiting in the queue for a rejection. The whole offer is screened as moderation screens
 * it, so what passes here is what moderation can approve.
 */
export function checkOfferScreening(offer: ScreenableOffer): void {
  const screening = screenOffer(offer);
  if (!screening.blocked) return;
  const fields: ScreenedOfferField[] = ['title', 'body', 'code'];
  const field = fields.find((name) => screenText(offer[name] ?? '').topics.length > 0) ?? 'body';
  throw marketplaceErrors.offerScreened(field, screening.words);
}
