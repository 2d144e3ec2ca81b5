import { randomUUID } from 'node:crypto';
import type { Db } from '@dd/db';
import { recordDeposit } from '../ledger.service';

/** An advertiser organisation with money on its balance, written straight to the database for tests and benchmarks. */
export async function insertFundedOrganisation(db: Db, depositCents: number, name = 'Bakkerij de Graaf'): Promise<string> {
  const { id } = await db.insertInto('organisations').values({ name, status: 'verified' }).returning('id').executeTakeFirstOrThrow();
  if (depositCents > 0) await recordDeposit(db, { organisationId: id, amountCents: depositCents, idempotencyKey: `deposit:${randomUUID()}` });
  return id;
}

/** Member ids for a sale; members need no user row (a sale's member set outlives erasure). */
export function memberIds(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}
