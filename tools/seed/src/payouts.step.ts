import { sql, type Database, type Kysely } from '@dd/db';
import { isDomainError } from '@dd/errors';
import { DEFAULT_PAYOUT_SETTINGS, confirmBatch, createBatch, requestPayout, writeBatchFile } from '@dd/payouts';
import { JOBS, QueueUnavailableError, type Queues } from '@dd/queue';
import { ownIbanOf } from './ing-csv.writer';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Queues for a process without Redis (the seed): every enqueue fails the way it does when Redis is
 * down (QueueUnavailableError), which callers such as createBatch already handle. The seed then runs
 * the job's own function itself (writeBatchFile), as it does for features.
 */
export function offlineQueues(): Queues {
  const connection = { status: 'end', options: { enableOfflineQueue: false } } as unknown as Queues['connection'];
  return {
    registry: JOBS,
    prefix: 'seed-offline',
    connection,
    names: [],
    get: () => {
      throw new QueueUnavailableError('seed');
    },
    all: () => [],
    close: async () => {},
  };
}

export interface PayoutHistory {
  /** Batch of the first round: paid (confirmed by the admin), its file downloadable. */
  paidBatchId: string | null;
  /** Batch of the second round: the file is ready to download and upload to the bank, not confirmed yet. */
  readyBatchId: string | null;
  requests: number;
  alreadyThere: boolean;
}

/** Members whose credits before `at` (minus the holding period) reach the payout minimum. */
async function candidates(db: Kysely<Database>, at: Date, exclude: readonly string[]): Promise<{ id: string; name: string }[]> {
  const since = new Date(at.getTime() - DEFAULT_PAYOUT_SETTINGS.holdingDays * DAY_MS);
  const { rows } = await sql<{ id: string; name: string }>`
    select u.id, u.display_name as name
    from ledger_accounts a
    join ledger_postings p on p.account_id = a.id
    join ledger_transactions t on t.id = p.transaction_id
    join users u on u.id = a.owner_id
    where a.kind = 'member_earnings' and t.created_at <= ${since} and u.role = 'customer'
      and u.created_at <= ${new Date(at.getTime() - DEFAULT_PAYOUT_SETTINGS.minAccountAgeDays * DAY_MS)}
      and not (u.id = any(${[...exclude]}::uuid[]))
    group by u.id, u.display_name
    having -sum(p.amount_cents) >= ${DEFAULT_PAYOUT_SETTINGS.minimumCents}
    order by u.id
    limit 50`.execute(db);
  return rows;
}

/** Requests every candidate's payout at `at` through the payouts service; refusals (too new, pending) are skipped. */
async function requestRound(db: Kysely<Database>, members: readonly { id: string; name: string; amount?: number }[], at: Date): Promise<number> {
  let requested = 0;
  for (const m of members) {
    try {
      await requestPayout(db, m.id, { amount: m.amount ?? 'all', iban: ownIbanOf(m.id), accountHolder: m.name }, DEFAULT_PAYOUT_SETTINGS, at);
      requested++;
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return requested;
}

/**
 * Two rounds of payouts through the payouts service, each as the admin would run it: members request
 * (requestPayout), the admin puts the approved requests in a batch (createBatch), the batch job writes
 * and checks the pain.001 file (writeBatchFile). The first round, two thirds into the window, is
 * confirmed paid (confirmBatch); the second, at the window's end, waits for the admin to download the
 * file. The demo customer is paid EUR 10 in the first round and keeps the rest to request in the demo.
 */
export async function seedPayoutHistory(
  db: Kysely<Database>,
  input: { from: Date; to: Date; adminId: string; demo: { id: string; name: string } | null },
): Promise<PayoutHistory> {
  const existing = await db.selectFrom('payout_requests').select('id').limit(1).executeTakeFirst();
  if (existing) return { paidBatchId: null, readyBatchId: null, requests: 0, alreadyThere: true };
  const deps = { db, queues: offlineQueues() };
  const span = input.to.getTime() - input.from.getTime();
  let requests = 0;

  const first = new Date(input.from.getTime() + Math.round((span * 2) / 3 / DAY_MS) * DAY_MS + 19 * HOUR_MS);
  const demo = input.demo ? [{ ...input.demo, amount: DEFAULT_PAYOUT_SETTINGS.minimumCents }] : [];
  const exclude = input.demo ? [input.demo.id] : [];
  requests += await requestRound(db, [...demo, ...(await candidates(db, first, exclude))], first);
  let paidBatchId: string | null = null;
  if (requests > 0) {
    const batch = await createBatch(deps, input.adminId, undefined, DEFAULT_PAYOUT_SETTINGS, new Date(first.getTime() + 14 * HOUR_MS));
    await writeBatchFile(db, batch.id, new Date(first.getTime() + 14 * HOUR_MS + 60_000));
    await confirmBatch(db, input.adminId, batch.id, new Date(first.getTime() + 3 * DAY_MS));
    paidBatchId = batch.id;
  }

  // Members who reached the minimum since (or for the first time), not the demo customer: hers is the README's step.
  const second = new Date(input.to.getTime() - 2 * DAY_MS + 20 * HOUR_MS);
  const before = requests;
  requests += await requestRound(db, await candidates(db, second, exclude), second);
  let readyBatchId: string | null = null;
  if (requests > before) {
    const batch = await createBatch(deps, input.adminId, undefined, DEFAULT_PAYOUT_SETTINGS, new Date(second.getTime() + 13 * HOUR_MS));
    await writeBatchFile(db, batch.id, new Date(second.getTime() + 13 * HOUR_MS + 60_000));
    readyBatchId = batch.id;
  }
  return { paidBatchId, readyBatchId, requests, alreadyThere: false };
}
