import { looksLikeIban, normaliseIban } from './iban';
import { collapseWhitespace } from './text';
import type { ParsedTransaction } from './statement.types';

/** An IBAN in its compact form, or the bank's own account number (ING savings `K 444-12345`) as printed. */
export function normaliseAccount(raw: string): string {
  const iban = normaliseIban(raw);
  return looksLikeIban(iban) ? iban : collapseWhitespace(raw);
}

/** normaliseAccount for the rows of one file, which repeat one account (or a few) on every row: the last one is remembered. */
export function accountNormaliser(): (raw: string) => string {
  let lastRaw: string | undefined;
  let last = '';
  return (raw) => {
    if (raw !== lastRaw) {
      lastRaw = raw;
      last = normaliseAccount(raw);
    }
    return last;
  };
}

/** The statement's account when every row shares one IBAN account; otherwise null and each row names its own. */
export function singleAccountIban(transactions: readonly ParsedTransaction[]): string | null {
  const first = transactions[0]?.account;
  if (first === undefined || !looksLikeIban(first)) return null;
  return transactions.every((tx) => tx.account === first) ? first : null;
}
