import { looksLikeIban, normaliseIban } from './iban';
import { collapseWhitespace } from './text';
import type { ParsedTransaction } from './statement.types';

/** An IBAN in its compact form, or the bank's own account number (ING savings `K 444-12345`) as printed. */
export function normaliseAccount(raw: string): string {
  const iban = normaliseIban(raw);
  return looksLikeIban(iban) ? iban : collapseWhitespace(raw);
}

/** The statement's account when every row shares one IBAN account; otherwise null and each row names its own. */
export function singleAccountIban(transactions: readonly ParsedTransaction[]): string | null {
  const first = transactions[0]?.account;
  if (first === undefined || !looksLikeIban(first)) return null;
  return transactions.every((tx) => tx.account === first) ? first : null;
}
