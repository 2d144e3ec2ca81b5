import { describe, expect, it } from 'vitest';
import { createCategoriser, type TransactionToCategorise } from './categoriser';

// A deterministic mix of the three banks' shapes, with a unique reference on every line as in real
// exports, so nothing can be answered from a cache.
function statement(size: number): TransactionToCategorise[] {
  const merchants = [
    'ALBERT HEIJN 1403 AMSTERDAM', 'Jumbo Utrecht Overvecht', 'LIDL 0234 DEN HAAG', 'Kruidvat 7788 Utrecht', 'NS GROEP IZ NS REIZIGERS',
    'Thuisbezorgd.nl via Adyen', 'bol.com b.v.', 'Zilveren Kruis Zorgverzekeringen NV', 'Apotheek De Vijzel', 'Shell Station A2',
    'Coolblue B.V.', 'IKEA Delft', 'Netflix International B.V.', 'Vattenfall Klantenservice N.V.', 'KPN B.V.', 'Basic-Fit Nederland B.V.',
    'J. de Vries', 'Ymere', 'Belastingdienst', 'Eetcafé De Zwaan', 'Pathé Tuschinski', 'HEMA 123 Rotterdam', 'Stichting Mollie Payments',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  return Array.from({ length: size }, (_, index) => {
    const merchant = merchants[next() % merchants.length] ?? '';
    const amountCents = next() % 10 === 0 ? 250_000 : -(next() % 10_000);
    return next() % 3 === 0
      ? { counterpartyName: '', description: `BEA, Betaalpas   ${merchant},PAS123   NR:${index.toString(36)}, 13.02.23/14:37   AMSTERDAM`, amountCents }
      : { counterpartyName: merchant, description: `Naam: ${merchant} Omschrijving: Factuur ${index} Kenmerk: ${next()} Valutadatum: 12-02-2023`, bankCode: 'IC', counterpartyIban: 'NL01INGB0001234567', amountCents };
  });
}

// Throughput is measured by `npm run bench:import` (docs/PERFORMANCE.md), not by a timed test that a
// busy machine can fail; this test keeps the large mixed statement as a behaviour check.
describe('categorising a large mixed statement', () => {
  it('categorises every one of 10,000 lines and marks the special ones', () => {
    const transactions = statement(10_000);
    const categoriser = createCategoriser();
    const results = transactions.map((transaction) => categoriser.categorise(transaction));
    expect(results).toHaveLength(10_000);
    expect(results.filter((r) => r.special).length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.category).length).toBe(0);
  });
});
