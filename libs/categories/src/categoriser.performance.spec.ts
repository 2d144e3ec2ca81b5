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

describe('categorisation throughput', () => {
  it('categorises a 50,000-line statement well within a second', () => {
    const transactions = statement(50_000);
    const categoriser = createCategoriser();
    categoriser.categorise(transactions[0] as TransactionToCategorise);
    const started = performance.now();
    let special = 0;
    for (const transaction of transactions) if (categoriser.categorise(transaction).special) special++;
    const elapsed = performance.now() - started;
    console.info(`categorised ${transactions.length} transactions in ${elapsed.toFixed(0)} ms (${special} special)`);
    expect(special).toBeGreaterThan(0);
    // The budget is generous because CI machines are shared; locally this takes a fraction of it.
    expect(elapsed).toBeLessThan(2_500);
  });
});
