// One formatter for every amount on the platform: money is integer euro cents everywhere.
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** Formats integer euro cents as Dutch euro notation, e.g. 123456 -> "€ 1.234,56". */
export function formatAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount must be a whole number of cents, got ${cents}`);
  return euro.format(cents / 100);
}
