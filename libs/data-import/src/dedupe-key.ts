import { createHash, hash } from 'node:crypto';
import { normaliseIban } from './iban';
import type { ParsedStatement, ParsedTransaction } from './statement.types';

/**
 * Bump when the basis changes: keys are stored, and a different key for the same row would import it again.
 * Normalisation below is therefore part of a persistent contract, like a migration.
 */
const KEY_VERSION = 'v1';

/** Case, accents, spacing and punctuation differ between exports of the same row (ABN AMRO re-wraps, banks re-case). */
function normaliseText(value: string): string {
  // Decomposing is the slow step; plain ASCII (most bank text) decomposes to itself and has no marks to drop.
  const decomposed = BEYOND_PLAIN_ASCII.test(value) ? value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : value;
  return decomposed.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BEYOND_PLAIN_ASCII = /[^\x20-\x7e\t\n\r]/;

/**
 * What makes a row the same row. With the bank's own unique reference (Rabobank `Volgnr`, CAMT `AcctSvcrRef`)
 * that reference decides; date and amount are added so a bank that ever reuses a reference cannot make us drop
 * a different transaction. Without one, the row's content decides.
 */
function basisOf(account: string, tx: ParsedTransaction, accountId = normaliseIban(account)): string {
  if (tx.sourceRef !== null) return JSON.stringify([KEY_VERSION, 'ref', accountId, tx.sourceRef, tx.bookedOn, tx.amountCents, tx.currency]);
  const counterparty = tx.counterpartyIban ?? `name:${normaliseText(tx.counterpartyName)}`;
  return JSON.stringify([KEY_VERSION, 'row', accountId, tx.bookedOn, tx.amountCents, tx.currency, counterparty, normaliseText(tx.description)]);
}

/**
 * A stable fingerprint of one transaction; the import stores it with a unique index and skips rows it has seen.
 *
 * `occurrence` tells identical rows apart: two coffees of €3,20 at the same café on the same day are two
 * transactions with the same content. It is the 0-based count of earlier rows in the same file with the same
 * basis, and the basis includes the booking date, so it counts identical rows within one day. Bank exports
 * always contain whole days, so any file covering that day holds the same identical rows and numbers them
 * 0, 1, 2 alike; which copy gets which number does not matter because they are indistinguishable. A re-upload
 * or an overlapping export (March 1–15, then March 10–31) therefore produces the same keys for the shared days,
 * and a second coffee that appears in a later export of the same day gets the next number and is imported.
 *
 * `accountIban` is the account the row belongs to; pass null to use the account printed on the row.
 */
export function dedupeKey(accountIban: string | null, tx: ParsedTransaction, occurrence: number): string {
  return createHash('sha256')
    .update(`${basisOf(accountIban ?? tx.account, tx)}#${occurrence}`)
    .digest('hex');
}

/**
 * Keys one row at a time, in file order, with the occurrence counter worked out: for an import that streams
 * its rows to the database. Same keys as dedupeKeys.
 */
export function createDedupeKeyer(accountIban: string | null = null): (tx: ParsedTransaction) => string {
  const seen = new Map<string, number>();
  // A file names one account or a few, on every row: normalise each once.
  const accountIds = new Map<string, string>();
  return (tx) => {
    const account = accountIban ?? tx.account;
    let accountId = accountIds.get(account);
    if (accountId === undefined) accountIds.set(account, (accountId = normaliseIban(account)));
    const basis = basisOf(account, tx, accountId);
    const occurrence = seen.get(basis) ?? 0;
    seen.set(basis, occurrence + 1);
    // The one-shot hash gives the same digest as createHash without a Hash object per row.
    return hash('sha256', `${basis}#${occurrence}`, 'hex');
  };
}

/** Keys for every transaction of a statement, in order, with the occurrence counter worked out. */
export function dedupeKeys(statement: ParsedStatement, accountIban: string | null = null): string[] {
  return statement.transactions.map(createDedupeKeyer(accountIban));
}
