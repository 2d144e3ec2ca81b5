import type { Database, Db, DbTransaction } from '@dd/db';
import { generatePaymentReference } from './payment-reference';
import { paymentReferenceRepository } from './payment-reference.repository';

const ATTEMPTS = 5;

/**
 * The organisation's payment reference, handed out the first time it is asked for (when the advertiser
 * opens their balance page, or an admin lists advertisers). An organisation that never saw one cannot
 * have paid with it, so creating it lazily loses nothing. A random clash with another organisation's
 * reference (the unique index) is retried with a new one.
 */
export async function ensurePaymentReference(
  db: Db | DbTransaction<Database>,
  organisationId: string,
  generate: () => string = () => generatePaymentReference(),
): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await paymentReferenceRepository.referenceOf(db, organisationId);
    if (existing) return existing;
    await paymentReferenceRepository.insert(db, organisationId, generate());
  }
  const existing = await paymentReferenceRepository.referenceOf(db, organisationId);
  if (existing) return existing;
  throw new Error(`No free payment reference found for organisation ${organisationId} after ${ATTEMPTS} attempts.`);
}
