import type { CategorisationContext, CategorisationResult, Categoriser, TransactionToCategorise } from '@dd/categories';

/** Distinct lines remembered per file; a statement's merchants repeat, but memory stays bounded whatever the file. */
const MAX_ENTRIES = 20_000;

/**
 * Categorising is a pure function of the line's counterparty, description, bank code, counterparty IBAN and
 * direction (and the file's own IBANs, fixed per file), so within one file a repeated line (the same
 * subscription, the same shop with the same text) is decided once. Same results as the categoriser, by construction.
 */
export function cachedCategoriser(categoriser: Categoriser, context: CategorisationContext): (tx: TransactionToCategorise) => CategorisationResult {
  const cache = new Map<string, CategorisationResult>();
  return (tx) => {
    const amount = Number.isFinite(tx.amountCents) ? tx.amountCents : 0;
    const direction = amount > 0 ? '+' : amount < 0 ? '-' : '0';
    const iban = tx.counterpartyIban ?? '';
    const code = tx.bankCode ?? '';
    const name = tx.counterpartyName ?? '';
    // Length-prefixed, so no text can make two different lines share a key.
    const key = `${direction}${iban.length}:${iban}${code.length}:${code}${name.length}:${name}${tx.description ?? ''}`;
    const known = cache.get(key);
    if (known) return known;
    const result = categoriser.categorise(tx, context);
    if (cache.size < MAX_ENTRIES) cache.set(key, result);
    return result;
  };
}
