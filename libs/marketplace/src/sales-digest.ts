import { sql, type Db } from '@dd/db';
import { dispatchNotified, notify, type Notified } from '@dd/notifications';
import type { Queues } from '@dd/queue';

/** Members told per transaction: a long digest run commits as it goes, and a rerun skips who was told. */
const DIGEST_BATCH = 500;

export interface WeeklyDigestResult {
  /** ISO week of the sales, `2026-W49`. */
  week: string;
  members: number;
  notified: number;
}

/**
 * The ISO week before `now` (Monday to Monday, Amsterdam time), and per member the sales of that week
 * that included them (their receipts) and their share. Read from the receipts, the member's own record
 * of every sale, so the digest says what the timeline shows.
 */
async function lastWeeksSales(db: Db, now: Date) {
  const week = await sql<{ start: Date; end: Date; label: string }>`
    select (date_trunc('week', (${now}::timestamptz at time zone 'Europe/Amsterdam')) - interval '1 week') at time zone 'Europe/Amsterdam' as start,
           date_trunc('week', (${now}::timestamptz at time zone 'Europe/Amsterdam')) at time zone 'Europe/Amsterdam' as end,
           to_char(date_trunc('week', (${now}::timestamptz at time zone 'Europe/Amsterdam')) - interval '1 week', 'IYYY-"W"IW') as label`.execute(db);
  const { start, end, label } = week.rows[0]!;
  const members = await db
    .selectFrom('data_use_receipts')
    .select(['customer_id', (eb) => eb.fn.countAll<string>().as('sales'), (eb) => eb.fn.sum<string>('share_cents').as('share_cents')])
    .where('occurred_at', '>=', start)
    .where('occurred_at', '<', end)
    .groupBy('customer_id')
    .orderBy('customer_id')
    .execute();
  return { week: label, members: members.map((m) => ({ customerId: m.customer_id, sales: Number(m.sales), shareCents: Number(m.share_cents) })) };
}

/**
 * The weekly job: one "your data last week" notification per member who was in a sale that week,
 * keyed to the member and the ISO week, so running it twice (a retry, a second worker, a manual
 * run) tells nobody twice.
 */
export async function runWeeklySalesDigest(deps: { db: Db; queues?: Queues; now?: Date }): Promise<WeeklyDigestResult> {
  const { week, members } = await lastWeeksSales(deps.db, deps.now ?? new Date());
  let notifiedCount = 0;
  for (let start = 0; start < members.length; start += DIGEST_BATCH) {
    const batch = members.slice(start, start + DIGEST_BATCH);
    const notified: Notified[] = await deps.db.transaction().execute(async (trx) => {
      const written: Notified[] = [];
      for (const member of batch) {
        written.push(
          await notify(trx, { userId: member.customerId, kind: 'sales.weeklyDigest', key: `sales-digest:${week}`, params: { week, sales: member.sales, shareCents: member.shareCents } }),
        );
      }
      return written;
    });
    notifiedCount += notified.reduce((sum, n) => sum + n.notificationIds.length, 0);
    if (deps.queues) await dispatchNotified(deps.queues, ...notified);
  }
  return { week, members: members.length, notified: notifiedCount };
}
