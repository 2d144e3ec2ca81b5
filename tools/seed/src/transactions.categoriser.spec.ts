import { createCategoriser, isRestricted, isSellable } from '@dd/categories';
import { describe, expect, it } from 'vitest';
import { monthWindow } from './calendar';
import { generateCustomer } from './population.generator';
import { generateTransactions } from './transactions.generator';

// The seed writes its own category on every booking; the platform's rules would categorise the same
// text on import. Where they disagree about what may be sold, the demo database would hold a health
// or pregnancy payment marked sellable, or the rules would sell what the seed meant as sensitive.
describe('seeded bookings and the categorisation rules', () => {
  const categoriser = createCategoriser();
  const months = monthWindow('2026-11', 3);
  const flat = Array.from({ length: 200 }, (_, i) => generateTransactions(42, generateCustomer(42, i + 1), months)).flat();

  it('agree on every booking that must never be sold', () => {
    // One assertion over all rows, as in transactions.generator.spec.ts: per-row expects are slow.
    const disagreements = flat
      .map((t) => ({ seed: t.category, rules: categoriser.categorise(t).category, name: t.counterpartyName, description: t.description }))
      .filter(({ seed, rules }) => isRestricted(seed) !== isRestricted(rules) || (isRestricted(rules) && isSellable(seed)));
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(flat.filter((t) => isRestricted(t.category)).length).toBeGreaterThan(100);
  });
});
