import type { Database, DbTransaction } from '@dd/db';
import { enqueue, type Queues } from '@dd/queue';
import type { ImportRunResult } from './import.service';
import { transactionRepository } from './transaction.repository';
import { uploadRepository } from './upload.repository';

/**
 * Locks an upload for its import, inside the import's transaction; returns the result to report instead when
 * another run got there first.
 */
export async function lockForImport(trx: DbTransaction<Database>, uploadId: string, customerId: string): Promise<ImportRunResult | undefined> {
  // Two runs of one job can overlap (BullMQ is at-least-once). The row lock makes the later run wait for the
  // earlier one's commit and then see its result, instead of recording 0 imported / all duplicate over it.
  const current = await uploadRepository.lockStatus(trx, uploadId);
  if (current === undefined) return { status: 'missing' };
  if (current === 'imported') return { status: 'already-imported' };
  if (current === 'failed') return { status: 'failed' };
  // Imports of two files of one customer take turns from here, so no row this one writes can meet a key
  // committed after the keys it reads as known.
  await transactionRepository.lockCustomerImports(trx, customerId);
  return undefined;
}

/** After the commit: the customer's features are recomputed with the new rows. */
export async function announceImported(
  queues: Queues,
  customerId: string,
  counts: { imported: number; duplicate: number },
  reportProgress: (percent: number) => Promise<void>,
): Promise<ImportRunResult> {
  await enqueue(queues, 'features.recompute', { customerId }, { jobId: `features-${customerId}` });
  await reportProgress(100);
  return { status: 'imported', ...counts };
}
