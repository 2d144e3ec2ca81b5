import type { PrivacySettings } from '@dd/privacy';

const DAY_MS = 86_400_000;

/**
 * When a campaign's statistics (opened, clicked) are released: a day after delivery, a week after,
 * and when the offer ends (the start of the day after its last day, UTC), whichever fall before the
 * end. Fixed at delivery from the delivery time and the end date alone, never from what members do,
 * so the number of releases, and their cost, is known before anyone is charged, and polling between
 * two of them shows nothing new.
 */
export function statisticsSchedule(deliveredAt: Date, endsOn: string): Date[] {
  const end = new Date(Date.parse(`${endsOn}T00:00:00Z`) + DAY_MS);
  const start = deliveredAt.getTime();
  if (end.getTime() <= start) return [new Date(start + DAY_MS)];
  const early = [start + DAY_MS, start + 7 * DAY_MS].filter((t) => t < end.getTime()).map((t) => new Date(t));
  return [...early, end];
}

/** Each scheduled release publishes two counts (opened, clicked), each at the statistic epsilon. */
export const METRICS_PER_RELEASE = 2;

/** What the whole schedule costs each member and the legal entity, paid at delivery. */
export function scheduleEpsilonMicro(schedule: readonly Date[], settings: Pick<PrivacySettings, 'campaignStatEpsilonMicro'>): number {
  return schedule.length * METRICS_PER_RELEASE * settings.campaignStatEpsilonMicro;
}
