import type { CategorisationContext, CategorisationResult, Categoriser, TransactionToCategorise } from '@dd/categories';

/** Distinct lines remembered per file; a statement's merchants repeat, but memory stays bounded whatever the file. */
const MAX_ENTRIES = 20_000;

/**
 * Lines looked up before the cache judges whether it pays: a file whose descriptions carry a reference per
 * payment repeats no line, and building and hashing a long key per row then costs more than it saves.
 */
const TRIAL_LOOKUPS = 2_000;
const MIN_HIT_SHARE = 0.2;

/**
 * Categorising is a pure function of the line's counterparty, description, bank code, counterparty IBAN and
 * direction (and the file's own IBANs, fixed per file), so within one file a repeated line (the same
 * subscription, the same shop with the same text) is decided once. Same results as the categoriser, by
 * construction, whether the cache is used or (after a trial with few repeats) left alone.
 */
export function cachedCategoriser(categoriser: Categoriser, context: CategorisationContext): (tx: TransactionToCategorise) => CategorisationResult {
  const cache = new Map<string, CategorisationResult>();
  let lookups = 0;
  let hits = 0;
  const direct = (tx: TransactionToCategorise) => categoriser.categorise(tx, context);
  const cached = (tx: TransactionToCategorise): CategorisationResult => {
    const amount = Number.isFinite(tx.amountCents) ? tx.amountCents : 0;
    const direction = amount > 0 ? '+' : amount < 0 ? '-' : '0';
    const iban = tx.counterpartyIban ?? '';
    const code = tx.bankCode ?? '';
    const name = tx.counterpartyName ?? '';
    // Length-prefixed, so no text can make two different lines share a key.
    const key = `${direction}${iban.length}:${iban}${code.length}:${code}${name.length}:${name}${tx.description ?? ''}`;
    lookups += 1;
    const known = cache.get(key);
    if (known) {
      hits += 1;
      return known;
    }
    const result = direct(tx);
    if (cache.size < MAX_ENTRIES) cache.set(key, result);
    return result;
  };
  let categorise = cached;
  return (tx) => {
    if (lookups === TRIAL_LOOKUPS && categorise === cached && hits < lookups * MIN_HIT_SHARE) {
      categorise = direct;
      cache.clear();
    }
    return categorise(tx);
  };
}
