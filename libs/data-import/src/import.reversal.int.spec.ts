import { beforeAll, describe, expect, it } from 'vitest';
import { createImportService, runImport, type ImportService } from './import.service';
import { fixtureFile } from './testing/fixtures';
import { useImportTestEnv } from './testing/import-test-env';
import { createTransactionsService, type TransactionsService } from './transactions.service';

const t = useImportTestEnv();
let imports: ImportService;
let transactions: TransactionsService;

beforeAll(() => {
  imports = createImportService(t.deps());
  transactions = createTransactionsService(t.deps());
});

async function imported(path: string): Promise<string> {
  const customerId = await t.createCustomer();
  const stored = await imports.storeUpload(customerId, fixtureFile(path));
  expect(await runImport(t.deps(), stored.id)).toMatchObject({ status: 'imported' });
  return customerId;
}

describe('a CAMT.053 reversal (RvslInd) through the import', () => {
  it('is stored as a reversal with its credit sign, and only that entry is', async () => {
    const customerId = await imported('camt053/camt053-v02-batch-and-reversal.xml');
    const rows = await t.db
      .selectFrom('transactions')
      .select(['booked_on', 'amount_cents', 'counterparty_name', 'category', 'is_reversal'])
      .where('customer_id', '=', customerId)
      .where('is_reversal', '=', true)
      .execute();
    expect(rows).toEqual([{ booked_on: '2024-03-07', amount_cents: 11240, counterparty_name: 'Vattenfall Klantenservice N.V.', category: 'energy', is_reversal: true }]);

    const { items } = await transactions.list(customerId, { limit: 50 });
    expect(items.filter((item) => item.reversal).map((item) => [item.bookedOn, item.amountCents])).toEqual([['2024-03-07', 11240]]);
    expect(items.filter((item) => !item.reversal)).toHaveLength(8);
  });

  it('nets against spending: the reversed debit cancels its category instead of being left out', async () => {
    const customerId = await imported('camt053/camt053-v02-batch-and-reversal.xml');
    const spending = await transactions.spending(customerId, 1);
    // The Vattenfall direct debit of 5 March (-112,40) and its reversal of 7 March (+112,40), both energy.
    expect(spending.byCategory.find((row) => row.category === 'energy')).toEqual({ category: 'energy', totalCents: 0, count: 2 });

    const debits = await t.db
      .selectFrom('transactions')
      .select('amount_cents')
      .where('customer_id', '=', customerId)
      .where('amount_cents', '<', 0)
      .execute();
    const outgoing = debits.reduce((sum, row) => sum - row.amount_cents, 0);
    expect(spending.byMonth).toEqual([{ month: '2024-03', totalCents: outgoing - 11240 }]);
    expect(spending.byCategory.reduce((sum, row) => sum + row.totalCents, 0)).toBe(outgoing - 11240);
  });

  it('leaves a reversed credit (money that came in going back) out of spending', async () => {
    const customerId = await imported('camt053/camt053-v02-batch-and-reversal.xml');
    const before = await transactions.spending(customerId, 1);
    const [extra] = await t.db
      .insertInto('transactions')
      .values({
        customer_id: customerId,
        booked_on: '2024-03-08',
        amount_cents: -5000,
        currency: 'EUR',
        counterparty_name: 'Werkgever B.V.',
        counterparty_iban: null,
        description: 'Terugboeking salaris',
        bank_code: null,
        category: 'other',
        rule_id: null,
        dedupe_key: 'reversed-credit-test',
        upload_id: null,
        is_reversal: true,
      })
      .returning('id')
      .execute();
    expect(extra).toBeDefined();
    expect(await transactions.spending(customerId, 1)).toEqual({ ...before, transactionCount: before.transactionCount + 1 });
  });
});
