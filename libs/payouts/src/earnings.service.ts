import type { Database, Db, DbTransaction } from '@dd/db';
import type { EarningsSummary } from '@dd/contract';
import { amsterdamMonth } from './payout.ids';
import type { PayoutSettings } from './payout.settings';
import { requestsRepository } from './payout-requests.repository';

type Executor = Db | DbTransaction<Database>;

const DAY_MS = 86_400_000;
export const CHART_MONTHS = 12;

/**
 * Where a member's money is, derived from the ledger and their requests (nothing is stored):
 *
 * - earned: every credit to their `member_earnings` account (their share of sales);
 * - pending: credits younger than the holding period (`PAYOUT_HOLDING_DAYS`), not yet available;
 * - in payout: requested (in review or approved: reserved, still on the earnings account) plus
 *   in transit (moved to `payouts_in_transit` when the admin created the batch);
 * - paid out: confirmed paid by the admin or found on the bank statement;
 * - available: the earnings balance minus what open requests reserve minus pending.
 *
 * So earned = available + pending + in payout + paid out, to the cent.
 */
export interface EarningsFigures {
  balanceCents: number;
  earnedCents: number;
  pendingCents: number;
  availableCents: number;
  openCents: number;
  inTransitCents: number;
  paidCents: number;
}

export async function earningsFigures(db: Executor, customerId: string, settings: PayoutSettings, now: Date): Promise<EarningsFigures> {
  const since = new Date(now.getTime() - settings.holdingDays * DAY_MS);
  const [ledger, totals] = await Promise.all([requestsRepository.earningsFigures(db, customerId, since), requestsRepository.requestTotals(db, customerId)]);
  const byStatus = new Map(totals.map((t) => [t.status, t.total_cents]));
  const openCents = (byStatus.get('in_review') ?? 0) + (byStatus.get('approved') ?? 0);
  const free = Math.max(0, ledger.balance_cents - openCents);
  const pendingCents = Math.min(free, ledger.recent_cents);
  return {
    balanceCents: ledger.balance_cents,
    earnedCents: ledger.earned_cents,
    pendingCents,
    availableCents: free - pendingCents,
    openCents,
    inTransitCents: byStatus.get('in_transit') ?? 0,
    paidCents: byStatus.get('paid') ?? 0,
  };
}

/** The last `count` calendar months up to the month of `now`, oldest first: "2026-01" … */
export function lastMonths(now: Date, count: number): string[] {
  const [year, month] = amsterdamMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** The first day a member whose account was created at `createdAt` may receive a first payout. */
export function eligibleFrom(createdAt: Date, settings: PayoutSettings): Date {
  return new Date(createdAt.getTime() + settings.minAccountAgeDays * DAY_MS);
}

export async function earningsSummary(db: Db, customerId: string, settings: PayoutSettings, now: Date): Promise<EarningsSummary> {
  const months = lastMonths(now, CHART_MONTHS);
  const [figures, monthly, requestedThisMonth, customer, underway, open, last] = await Promise.all([
    earningsFigures(db, customerId, settings, now),
    requestsRepository.monthlyCredits(db, customerId, months[0]!),
    requestsRepository.requestedInMonth(db, customerId, now),
    requestsRepository.customer(db, customerId),
    requestsRepository.hasPayoutUnderway(db, customerId),
    requestsRepository.openRequestOf(db, customerId),
    requestsRepository.lastAccount(db, customerId),
  ]);
  const byMonth = new Map(monthly.map((m) => [m.month, m.earned_cents]));
  const eligible = customer && !underway ? eligibleFrom(customer.created_at, settings) : null;
  return {
    earnedCents: figures.earnedCents,
    pendingCents: figures.pendingCents,
    availableCents: figures.availableCents,
    inPayoutCents: figures.openCents + figures.inTransitCents,
    paidOutCents: figures.paidCents,
    monthly: months.map((month) => ({ month, earnedCents: byMonth.get(month) ?? 0 })),
    rules: {
      minimumCents: settings.minimumCents,
      monthlyCapCents: settings.monthlyCapCents,
      capLeftCents: Math.max(0, settings.monthlyCapCents - requestedThisMonth),
      holdingDays: settings.holdingDays,
      minAccountAgeDays: settings.minAccountAgeDays,
      eligibleFrom: eligible && eligible > now ? eligible.toISOString() : null,
    },
    hasOpenRequest: open !== undefined,
    lastAccount: last ? { iban: last.iban, accountHolder: last.account_holder } : null,
  };
}
