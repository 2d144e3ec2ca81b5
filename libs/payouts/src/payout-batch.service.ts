import { randomUUID } from 'node:crypto';
import { auditRepository } from '@dd/accounts';
import type { BatchFileJob, PayoutBatchDto } from '@dd/contract';
import type { Database, Db, DbTransaction } from '@dd/db';
import { DomainError } from '@dd/errors';
import { ensureOwnedAccounts, platformAccounts, postTransaction } from '@dd/ledger';
import { QueueUnavailableError, type Queues } from '@dd/queue';
import { batchFileJobState, enqueueBatchFile, isStuck } from './batch-file-queue';
import { decodeCursor, pageOf } from './paging';
import { BIC_NOT_PROVIDED } from './pain001.builder';
import { msgIdFor, nextBusinessDay, pmtInfIdFor } from './payout.ids';
import type { PayoutSettings } from './payout.settings';
import { batchesRepository, type BatchRow } from './payout-batches.repository';
import { requestsRepository } from './payout-requests.repository';
import { notifyPayoutSent } from './payout.notifications';

/** Idempotency keys of a batch's ledger transactions. */
export const batchKeys = {
  inTransit: (batchId: string) => `payout-batch:${batchId}:in-transit`,
  paid: (batchId: string) => `payout-batch:${batchId}:paid`,
  payoutPaid: (requestId: string) => `payout:${requestId}:paid`,
};

export const BATCHES_PAGE_SIZE = 20;

/** `fileJob`: where the file job of a generating batch is (null once ready); `now` decides whether it is stuck. */
export function batchDto(row: BatchRow, fileJob: BatchFileJob = null, now: Date = new Date()): PayoutBatchDto {
  return {
    id: row.id,
    status: row.status,
    msgId: row.msg_id,
    payoutCount: row.payout_count,
    totalCents: row.total_cents,
    requestedExecutionDate: row.requested_execution_date,
    createdAt: row.created_at.toISOString(),
    fileReadyAt: row.file_ready_at ? row.file_ready_at.toISOString() : null,
    confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
    confirmedByAdmin: row.confirmed_by !== null,
    downloadUrl: row.status === 'generating' ? null : `/api/admin/payout-batches/${row.id}/pain001.xml`,
    fileJob: row.status === 'generating' ? fileJob : null,
    // A failed file is stuck whatever its job says: it waits for the admin to generate it again.
    stuck: row.file_failure_reason !== null || isStuck(row, fileJob, now),
    fileFailure: row.file_failed_at && row.file_failure_reason ? { reason: row.file_failure_reason, at: row.file_failed_at.toISOString() } : null,
  };
}

/**
 * Puts approved requests (all of them, or the ones chosen) into one new batch, in one transaction:
 * the batch with the platform's account as debtor and the next business day as execution date, its
 * payouts in a fixed order (a payout can be in one batch only: a unique constraint), the requests in
 * transit, and one ledger transaction keyed to the batch that moves their amounts from the members'
 * earnings to `payouts_in_transit`. The file itself is written by the `payouts.batch` job.
 */
export async function createBatch(
  deps: { db: Db; queues: Queues },
  adminId: string,
  requestIds: readonly string[] | undefined,
  settings: PayoutSettings,
  now: Date,
): Promise<PayoutBatchDto> {
  const batchId = randomUUID();
  const batch = await deps.db.transaction().execute(async (trx) => {
    await batchesRepository.lockBatchCreation(trx);
    const rows = await batchesRepository.approvedForUpdate(trx, requestIds ? [...new Set(requestIds)] : undefined);
    if (requestIds && rows.length !== new Set(requestIds).size) {
      const missing = new Set(requestIds).size - rows.length;
      throw new DomainError('CONFLICT', `${missing} of the chosen requests are not approved (any more). Reload the list and choose again.`, undefined, {
        code: 'requestsNotApproved',
        params: { count: missing },
      });
    }
    if (rows.length === 0) {
      throw new DomainError('CONFLICT', 'There are no approved payout requests to put in a batch.', undefined, { code: 'noApprovedRequests', params: {} });
    }

    const perCustomer = new Map<string, number>();
    for (const row of rows) perCustomer.set(row.customer_id, (perCustomer.get(row.customer_id) ?? 0) + row.amount_cents);
    const accounts = await ensureOwnedAccounts(trx, 'member_earnings', [...perCustomer.keys()]);
    await requestsRepository.lockAccounts(trx, [...accounts.values()]);
    const total = rows.reduce((sum, row) => sum + row.amount_cents, 0);

    await batchesRepository.insertBatch(trx, {
      id: batchId,
      msg_id: msgIdFor(batchId),
      pmt_inf_id: pmtInfIdFor(batchId),
      payout_count: rows.length,
      total_cents: total,
      requested_execution_date: nextBusinessDay(now),
      debtor_name: settings.platformAccountName,
      debtor_iban: settings.platformIban,
      // The column is NOT NULL (frozen migration): an IBAN-only account is stored as the file says it.
      debtor_bic: settings.platformBic ?? BIC_NOT_PROVIDED,
      created_by: adminId,
      created_at: now,
      file_attempt_at: now,
    });
    const ids = rows.map((row) => row.id);
    await batchesRepository.insertItems(trx, batchId, ids);
    await batchesRepository.setStatus(trx, ids, 'in_transit');
    const { payouts_in_transit: inTransit } = await platformAccounts(trx);
    await postTransaction(trx, {
      idempotencyKey: batchKeys.inTransit(batchId),
      kind: 'payout.in_transit',
      reference: msgIdFor(batchId),
      postings: [...perCustomer].map(([customerId, cents]) => ({ accountId: accounts.get(customerId)!, amountCents: cents })).concat({ accountId: inTransit, amountCents: -total }),
      metadata: { batchId, payouts: rows.length },
    });
    await auditRepository.append(trx, {
      actorUserId: adminId,
      actorRole: 'admin',
      action: 'payout.batch_created',
      subjectType: 'payout_batch',
      subjectId: batchId,
      details: { payouts: rows.length, totalCents: total },
    });
    return (await batchesRepository.batch(trx, batchId))!;
  });
  // The batch is committed whatever Redis says: without the job it shows as stuck at once, and the
  // admin queues it again from the list ("Generate again").
  try {
    await enqueueBatchFile(deps.queues, batchId);
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    return { ...batchDto(batch, 'missing', now), stuck: true };
  }
  return batchDto(batch, 'queued', now);
}

/** One page of batches, newest first; a generating batch says where its file job is. */
export async function listBatches(
  deps: { db: Db; queues: Queues },
  page: { cursor?: string | null; limit?: number },
  now: Date,
): Promise<{ items: PayoutBatchDto[]; nextCursor: string | null }> {
  const limit = page.limit ?? BATCHES_PAGE_SIZE;
  const after = page.cursor ? decodeCursor<[string, string]>(page.cursor, ['t', 'u']) : null;
  const { rows, nextCursor } = pageOf(await batchesRepository.batchesPage(deps.db, limit, after), limit, (b) => [b.created_key, b.id]);
  const items = await Promise.all(
    rows.map(async (row) => batchDto(row, row.status === 'generating' ? await batchFileJobState(deps.queues, row.id) : null, now)),
  );
  return { items, nextCursor };
}

/** Payouts of the batch still in transit, paid in one ledger transaction keyed to the batch. */
async function payRemaining(trx: DbTransaction<Database>, batchId: string, now: Date): Promise<number> {
  const remaining = (await batchesRepository.batchPayouts(trx, batchId)).filter((p) => p.status === 'in_transit');
  const total = remaining.reduce((sum, p) => sum + p.amount_cents, 0);
  if (total > 0) {
    const platform = await platformAccounts(trx);
    await postTransaction(trx, {
      idempotencyKey: batchKeys.paid(batchId),
      kind: 'payout.paid',
      reference: msgIdFor(batchId),
      postings: [
        { accountId: platform.payouts_in_transit, amountCents: total },
        { accountId: platform.platform_bank, amountCents: -total },
      ],
      metadata: { batchId, payouts: remaining.length },
    });
  }
  await batchesRepository.markPaid(trx, remaining.map((p) => p.id), now);
  for (const payout of remaining) await notifyPayoutSent(trx, payout);
  return remaining.length;
}

/**
 * The admin confirms the bank executed the file: the payouts still in transit are paid (money
 * leaves the platform's bank account in the ledger), the batch is closed. Confirming twice is a no-op.
 */
export async function confirmBatch(db: Db, adminId: string, batchId: string, now: Date): Promise<PayoutBatchDto> {
  return db.transaction().execute(async (trx) => {
    const batch = await batchesRepository.batchForUpdate(trx, batchId);
    if (!batch) throw new DomainError('NOT_FOUND', 'This payout batch does not exist.');
    if (batch.status === 'paid') return batchDto(batch);
    if (batch.status === 'generating') {
      throw new DomainError('CONFLICT', 'The payment file of this batch is still being written. Download and upload it to the bank first, then confirm.', undefined, {
        code: 'fileNotReady',
        params: {},
      });
    }
    const paid = await payRemaining(trx, batchId, now);
    await batchesRepository.markBatchPaid(trx, batchId, now, adminId);
    await auditRepository.append(trx, {
      actorUserId: adminId,
      actorRole: 'admin',
      action: 'payout.batch_confirmed',
      subjectType: 'payout_batch',
      subjectId: batchId,
      details: { payoutsPaidNow: paid, payouts: batch.payout_count, totalCents: batch.total_cents },
    });
    return batchDto((await batchesRepository.batch(trx, batchId))!);
  });
}

/** The pain.001 XML of a batch, for the admin's download. */
export async function batchFile(db: Db, batchId: string): Promise<{ content: string; fileName: string }> {
  const batch = await batchesRepository.batch(db, batchId);
  if (!batch) throw new DomainError('NOT_FOUND', 'This payout batch does not exist.');
  const file = await batchesRepository.file(db, batchId);
  if (!file) throw new DomainError('NOT_FOUND', 'The payment file of this batch is not ready yet. Try again in a moment.');
  return { content: file.content, fileName: `datadividend-payouts-${batch.requested_execution_date}-${batch.msg_id}.xml` };
}
