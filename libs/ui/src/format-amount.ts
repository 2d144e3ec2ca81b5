// One formatter for every amount on the platform: money is integer euro cents everywhere.
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** Formats integer euro cents as Dutch euro notation, e.g. 123456 -> "€ 1.234,56". */
export function formatAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount must be a whole number of cents, got ${cents}`);
  return euro.format(cents / 100);
}

const wholeEuroTick = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const centsTick = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A chart axis label for an amount in cents, given the axis step: "€ 1.500" when every tick is a
 * whole euro, "€ 0,25" when the step is smaller than or not a multiple of a euro. Distinct ticks
 * therefore always get distinct labels (never "€ 0, € 1, € 1, € 2").
 */
export function formatEuroTick(cents: number, stepCents: number): string {
  return (Number.isInteger(stepCents / 100) ? wholeEuroTick : centsTick).format(cents / 100);
}
