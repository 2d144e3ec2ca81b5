import { describe, expect, it } from 'vitest';
import { monthWindow } from './calendar';
import { isValidIban } from './iban';
import { CATEGORIES, SPECIAL_CATEGORIES } from './merchants.data';
import { plainArrayLiteral } from './pg-array';
import { generateCustomer } from './population.generator';
import { generateTransactions, type SeedTransaction } from './transactions.generator';

const MONTHS = monthWindow('2026-11', 3);
const BANK_CODES = ['BA', 'ID', 'IC', 'OV', 'GT', 'VZ', 'GM'];

function bookings(seed: number, n: number, months = MONTHS): SeedTransaction[][] {
  return Array.from({ length: n }, (_, i) => generateTransactions(seed, generateCustomer(seed, i + 1), months));
}

describe('generateTransactions', () => {
  const all = bookings(42, 200);
  const flat = all.flat();

  it('is deterministic for a seed and differs between seeds', () => {
    expect(bookings(42, 5)).toEqual(all.slice(0, 5));
    expect(bookings(7, 5).flat().map((t) => t.description)).not.toEqual(all.slice(0, 5).flat().map((t) => t.description));
  });

  it('gives the same bookings for a month whatever the window around it', () => {
    const customer = generateCustomer(42, 3);
    const wide = generateTransactions(42, customer, monthWindow('2026-11', 6));
    const narrow = generateTransactions(42, customer, monthWindow('2026-11', 2));
    expect(wide.filter((t) => t.bookedOn >= '2026-09')).toEqual(narrow);
  });

  it('books roughly 30-60 transactions per customer per month, in every month', () => {
    for (const customerBookings of all) {
      for (const m of MONTHS) {
        const inMonth = customerBookings.filter((t) => t.bookedOn.startsWith(m.key)).length;
        expect(inMonth).toBeGreaterThanOrEqual(25);
        expect(inMonth).toBeLessThanOrEqual(75);
      }
    }
    const perMonth = flat.length / (all.length * MONTHS.length);
    expect(perMonth).toBeGreaterThan(38);
    expect(perMonth).toBeLessThan(52);
  });

  it('fills every column the way the database and a bank export expect', () => {
    // One assertion over all rows: thousands of expect() calls per row made this test slow on a busy machine.
    const wrong = flat.filter(
      (t) =>
        !CATEGORIES.includes(t.category) ||
        !BANK_CODES.includes(t.bankCode) ||
        !(Number.isSafeInteger(t.amountCents) && t.amountCents !== 0) ||
        !(t.bookedOn >= MONTHS[0]!.key && t.bookedOn < '2026-11') ||
        t.counterpartyName.length <= 1 ||
        t.description.length <= 10 ||
        (t.counterpartyIban !== null && !isValidIban(t.counterpartyIban)) ||
        ((t.bankCode === 'BA' || t.bankCode === 'GM') && t.counterpartyIban !== null) ||
        (t.category === 'income' && t.amountCents <= 0) ||
        (!['income', 'other'].includes(t.category) && t.amountCents >= 0),
    );
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(flat.length).toBeGreaterThan(1_000);
    // The writer sends these columns unquoted; this is the guarantee it relies on.
    expect(() => plainArrayLiteral(flat.flatMap((t) => [t.bookedOn, t.bankCode, t.category, t.dedupeKey, t.counterpartyIban]))).not.toThrow();
  });

  it('keeps dedupe keys unique per customer and bookings in date order', () => {
    for (const customerBookings of all) {
      expect(new Set(customerBookings.map((t) => t.dedupeKey)).size).toBe(customerBookings.length);
      const dates = customerBookings.map((t) => t.bookedOn);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it('looks like a Dutch bank statement', () => {
    const names = new Set(flat.map((t) => t.counterpartyName));
    const has = (pattern: RegExp) => [...names].some((n) => pattern.test(n));
    expect(has(/^ALBERT HEIJN \d{4} [A-Z' -]+$/)).toBe(true);
    for (const chain of [/^Jumbo/, /^Lidl/, /^Kruidvat/, /^Thuisbezorgd/, /^Zalando/, /^Coolblue/, /^Vattenfall|^Eneco|^Essent/, /^KPN|^Odido|^Ziggo/]) {
      expect(has(chain)).toBe(true);
    }
    expect(flat.some((t) => /^Pasvolgnr: \d{3} \d{2}-\d{2}-\d{4} \d{2}:\d{2} /.test(t.description))).toBe(true);
    expect(flat.some((t) => /^Betaalautomaat \d{2}:\d{2} pasnr\. \d{3}$/.test(t.description))).toBe(true);
    expect(flat.some((t) => t.bankCode === 'IC' && / Incassant ID: NL\d{2}ZZZ\d{12} Doorlopende incasso /.test(t.description))).toBe(true);
    expect(flat.some((t) => t.bankCode === 'VZ' && /^Naam: .* Omschrijving: Salaris /.test(t.description))).toBe(true);
  });

  it('includes every special category and the protected life event somewhere in 200 customers', () => {
    const categories = new Set(flat.map((t) => t.category));
    for (const special of SPECIAL_CATEGORIES) expect(categories).toContain(special);
    const names = flat.map((t) => t.counterpartyName);
    expect(names.some((n) => /Zilveren Kruis|CZ Zorg|VGZ|Menzis/.test(n))).toBe(true);
    expect(names.some((n) => /^(FNV|CNV)/.test(n))).toBe(true);
    expect(flat.some((t) => t.category === 'pregnancy_baby' && /prenatal|zwangerschap|kraamzorg|babypark/i.test(`${t.counterpartyName} ${t.description}`))).toBe(true);
  });
});
