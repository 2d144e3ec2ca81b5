import { parseStatement } from '@dd/data-import';
import { describe, expect, it } from 'vitest';
import { monthWindow } from './calendar';
import { ingCsvStatement, ownIbanOf } from './ing-csv.writer';
import { generateCustomer } from './population.generator';
import { generateTransactions } from './transactions.generator';

describe('the seeded ING statement files', () => {
  it('parse with the platform’s own parser into exactly the seeded bookings', () => {
    for (const index of [1, 2, 3, 17, 250]) {
      const customer = generateCustomer(42, index);
      const bookings = generateTransactions(42, customer, monthWindow('2026-11', 3));
      const file = ingCsvStatement(customer.id, bookings);
      const parsed = parseStatement({ name: file.fileName, bytes: file.bytes });
      expect(parsed.format).toBe('ing-csv');
      expect(parsed.transactions).toHaveLength(bookings.length);
      expect(file.rows).toBe(bookings.length);
      // The importer keeps the Omschrijving field of a labelled remittance text; the seeded row keeps the whole text.
      const key = (t: { bookedOn: string; amountCents: number; counterpartyName: string; counterpartyIban: string | null }) =>
        `${t.bookedOn}|${t.amountCents}|${t.counterpartyName}|${t.counterpartyIban ?? ''}`;
      expect(parsed.transactions.map(key).sort()).toEqual(bookings.map(key).sort());
      const seededText = new Map(bookings.map((t) => [key(t), t.description]));
      for (const t of parsed.transactions) expect(seededText.get(key(t))).toContain(t.description);
      expect(new Set(parsed.transactions.map((t) => t.account.replace(/\s+/g, '')))).toEqual(new Set([ownIbanOf(customer.id)]));
    }
  });

  it('is the same file for the same bookings', () => {
    const customer = generateCustomer(42, 5);
    const bookings = generateTransactions(42, customer, monthWindow('2026-11', 2));
    expect(ingCsvStatement(customer.id, bookings).sha256).toBe(ingCsvStatement(customer.id, [...bookings].reverse()).sha256);
  });
});
