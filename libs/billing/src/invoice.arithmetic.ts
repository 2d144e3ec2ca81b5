import { BASIS_POINTS } from '@dd/ledger';

export interface InvoiceAmounts {
  /** The sale's amount: what the members' share and the platform fee are split from. */
  netCents: number;
  vatRateBp: number;
  vatCents: number;
  /** What the advertiser's balance is charged in all: net + VAT. */
  totalCents: number;
}

/**
 * VAT is charged on top of the sale amount (the sale amount is the net price), computed once on the
 * invoice's net total and rounded half up to whole cents: per invoice, not per line, which the Dutch
 * tax authority accepts and which keeps net + VAT = total exact. Integer arithmetic only.
 */
export function invoiceAmounts(netCents: number, vatRateBp: number): InvoiceAmounts {
  if (!Number.isSafeInteger(netCents) || netCents <= 0) throw new RangeError(`An invoice's net amount is a positive whole number of cents, not ${netCents}.`);
  if (!Number.isInteger(vatRateBp) || vatRateBp < 0 || vatRateBp > BASIS_POINTS) throw new RangeError(`A VAT rate is 0 to ${BASIS_POINTS} basis points, not ${vatRateBp}.`);
  const scaled = BigInt(netCents) * BigInt(vatRateBp);
  const vatCents = Number((scaled * 2n + BigInt(BASIS_POINTS)) / (2n * BigInt(BASIS_POINTS)));
  return { netCents, vatRateBp, vatCents, totalCents: netCents + vatCents };
}

/** "2026-000042": the year, then the gap-free sequence within it. */
export function invoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** The price per member as printed on the line: the net amount over the members, in (possibly fractional) cents. */
export function unitPriceCents(netCents: number, quantity: number): number {
  return Math.round((netCents / quantity) * 10_000) / 10_000;
}

/** The calendar date in the Netherlands at that moment, `YYYY-MM-DD` (an invoice's date and its year). */
export function dutchDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
