import { createHash } from 'node:crypto';
import { auditRepository } from '@dd/accounts';
import type { Db } from '@dd/db';
import { BIC_NOT_PROVIDED, buildPain001, type Pain001Input } from './pain001.builder';
import { checkPain001 } from './pain001.reader';
import { batchesRepository, type BatchRow } from './payout-batches.repository';

export interface BatchFileResult {
  batchId: string;
  payouts: number;
  totalCents: number;
  sha256: string;
  /** False when an earlier run had already written the file. */
  written: boolean;
}

/** What the file of a batch says: everything comes from the batch row and its fixed payouts. */
export async function batchFileInput(db: Db, batch: BatchRow): Promise<Pain001Input> {
  const payouts = await batchesRepository.batchPayouts(db, batch.id);
  return {
    msgId: batch.msg_id,
    pmtInfId: batch.pmt_inf_id,
    createdAt: batch.created_at,
    requestedExecutionDate: batch.requested_execution_date,
    debtor: { name: batch.debtor_name, iban: batch.debtor_iban, bic: batch.debtor_bic === BIC_NOT_PROVIDED ? null : batch.debtor_bic },
    payments: payouts.map((p) => ({
      endToEndId: p.end_to_end_id,
      amountCents: p.amount_cents,
      creditorName: p.account_holder,
      creditorIban: p.iban,
      remittance: `DataDividend uitbetaling / payout ${p.requested_at.toISOString().slice(0, 10)} ref ${p.end_to_end_id}`,
    })),
  };
}

/** The file of a batch as the job writes it: a pure function of the batch and its fixed payouts. */
export async function renderBatchFile(db: Db, batchId: string): Promise<string | undefined> {
  const batch = await batchesRepository.batch(db, batchId);
  return batch ? buildPain001(await batchFileInput(db, batch)) : undefined;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The `payouts.batch` job: writes the batch's pain.001 file, checks it the way a bank would (element
 * order, counts, control sums, IBANs, unique ids) before anyone can download it, stores it and marks
 * the batch ready, in one transaction. A run killed anywhere leaves nothing or everything; the next
 * run writes the same bytes, and a file that already exists must match them (it is never replaced).
 */
export async function writeBatchFile(db: Db, batchId: string, now: Date = new Date()): Promise<BatchFileResult | 'missing'> {
  const batch = await batchesRepository.batch(db, batchId);
  if (!batch) return 'missing';
  const xml = buildPain001(await batchFileInput(db, batch));
  const problems = checkPain001(xml);
  if (problems.length) throw new Error(`The pain.001 file of batch ${batchId} fails its own checks: ${problems.slice(0, 5).join('; ')}`);
  const hash = sha256(xml);
  const summary = { batchId, payouts: batch.payout_count, totalCents: batch.total_cents, sha256: hash };

  return db.transaction().execute(async (trx) => {
    await batchesRepository.insertFile(trx, batchId, xml, hash);
    const stored = await batchesRepository.file(trx, batchId);
    if (stored?.sha256 !== hash) {
      throw new Error(`Batch ${batchId} already has a file that differs from the one written now (${stored?.sha256} vs ${hash}); the stored file stays.`);
    }
    const fresh = await batchesRepository.batchForUpdate(trx, batchId);
    if (fresh?.status !== 'generating') return { ...summary, written: false };
    await batchesRepository.markBatchReady(trx, batchId, now);
    await auditRepository.append(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'payout.batch_file_ready',
      subjectType: 'payout_batch',
      subjectId: batchId,
      details: { payouts: batch.payout_count, totalCents: batch.total_cents, sha256: hash },
    });
    return { ...summary, written: true };
  });
}
