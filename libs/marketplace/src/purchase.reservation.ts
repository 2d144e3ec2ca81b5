import type { Database, DbTransaction } from '@dd/db';
import { ensureOwnedAccount, postTransaction, type PostedTransaction } from '@dd/ledger';
import { purchaseRepository } from './purchase.repository';

/**
 * Ledger keys of a request's reservation. One key per movement and request, so a retried call
 * posts nothing twice; fulfilment settles the reservation under keys of its own.
 */
export const reservationKeys = {
  reserve: (requestId: string) => `purchase:${requestId}:reserve`,
  release: (requestId: string) => `purchase:${requestId}:release`,
};

interface Reserved {
  id: string;
  organisation_id: string;
  reserved_cents: number;
}

async function accountsOf(trx: DbTransaction<Database>, organisationId: string) {
  return {
    balance: await ensureOwnedAccount(trx, 'advertiser_balance', organisationId),
    reserved: await ensureOwnedAccount(trx, 'advertiser_reserved', organisationId),
  };
}

/**
 * Sets the request's maximum cost aside: advertiser_balance → advertiser_reserved. The ledger checks
 * the balance under a row lock and refuses with `insufficientBalance` (telling them to top up), which
 * rolls back the caller's transaction, request included.
 */
export async function reserve(trx: DbTransaction<Database>, request: Reserved): Promise<PostedTransaction> {
  const { balance, reserved } = await accountsOf(trx, request.organisation_id);
  return postTransaction(trx, {
    idempotencyKey: reservationKeys.reserve(request.id),
    kind: 'purchase.reserve',
    metadata: { requestId: request.id },
    postings: [
      { accountId: balance, amountCents: request.reserved_cents },
      { accountId: reserved, amountCents: -request.reserved_cents },
    ],
  });
}

/**
 * Gives the reservation back to the balance (cancelled or rejected before anything was delivered).
 * It releases what the reserve transaction actually moved, and nothing when there was none, so a
 * request that somehow lacks its reservation can never mint money on release.
 */
export async function release(trx: DbTransaction<Database>, request: Reserved): Promise<PostedTransaction | null> {
  const cents = await purchaseRepository.postedCents(trx, reservationKeys.reserve(request.id));
  if (!cents) return null;
  const { balance, reserved } = await accountsOf(trx, request.organisation_id);
  return postTransaction(trx, {
    idempotencyKey: reservationKeys.release(request.id),
    kind: 'purchase.release',
    metadata: { requestId: request.id },
    postings: [
      { accountId: reserved, amountCents: cents },
      { accountId: balance, amountCents: -cents },
    ],
  });
}
