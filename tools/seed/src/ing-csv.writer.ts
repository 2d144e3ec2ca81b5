import { createHash } from 'node:crypto';
import type { BankCode } from './finances.generator';
import { ibanFor } from './iban';
import type { SeedTransaction } from './transactions.generator';

/**
 * The statement a seeded customer "uploaded": the ING payment-account CSV export (comma variant,
 * Dutch headers, `Bedrag (EUR)` with a decimal comma, newest booking first), as the data-import
 * parser reads it. Every seeded booking comes from one of these files.
 */
const HEADER = ['Datum', 'Naam / Omschrijving', 'Rekening', 'Tegenrekening', 'Code', 'Af Bij', 'Bedrag (EUR)', 'MutatieSoort', 'Mededelingen'];

const MUTATION_KIND: Record<BankCode, string> = {
  BA: 'Betaalautomaat',
  GM: 'Geldautomaat',
  ID: 'iDEAL',
  IC: 'Incasso',
  OV: 'Overschrijving',
  GT: 'Online bankieren',
  VZ: 'Verzamelbetaling',
};

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

function euros(cents: number): string {
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** The customer's own payment account: stable per customer id. */
export const ownIbanOf = (customerId: string): string => ibanFor('own-account', customerId);

export interface SeedStatementFile {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  rows: number;
}

/** The ING CSV of `transactions` (any order; the file lists them newest first, as ING does). */
export function ingCsvStatement(customerId: string, transactions: readonly SeedTransaction[]): SeedStatementFile {
  const account = ownIbanOf(customerId);
  // Newest first; within a day by booking number (the dedupe key), so the same bookings give the same bytes.
  const sorted = [...transactions].sort((a, b) => (a.bookedOn === b.bookedOn ? b.dedupeKey.localeCompare(a.dedupeKey) : b.bookedOn.localeCompare(a.bookedOn)));
  const lines = [HEADER.map(quote).join(',')];
  for (const t of sorted) {
    lines.push(
      [
        t.bookedOn.replace(/-/g, ''),
        t.counterpartyName,
        account,
        t.counterpartyIban ?? '',
        t.bankCode,
        t.amountCents < 0 ? 'Af' : 'Bij',
        euros(t.amountCents),
        MUTATION_KIND[t.bankCode],
        t.description,
      ]
        .map(quote)
        .join(','),
    );
  }
  const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
  const first = sorted[sorted.length - 1]?.bookedOn ?? '';
  const last = sorted[0]?.bookedOn ?? '';
  return {
    fileName: `${account}_${first.split('-').reverse().join('-')}_${last.split('-').reverse().join('-')}.csv`,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows: sorted.length,
  };
}
