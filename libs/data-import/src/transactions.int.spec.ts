import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@dd/errors';
import { createImportService, runImport } from './import.service';
import { fixtureFile } from './testing/fixtures';
import { useImportTestEnv } from './testing/import-test-env';
import { createTransactionsService, type TransactionsService } from './transactions.service';

const t = useImportTestEnv();
let transactions: TransactionsService;
const deps = () => t.deps();

beforeAll(() => {
  transactions = createTransactionsService(deps());
});

/** A customer with the given statements imported. */
async function customerWith(...paths: string[]): Promise<string> {
  const id = await t.createCustomer();
  for (const path of paths) {
    const upload = await createImportService(deps()).storeUpload(id, fixtureFile(path));
    expect(await runImport(deps(), upload.id)).toMatchObject({ status: 'imported' });
  }
  return id;
}

async function transactionId(customerId: string, counterpartyName: string): Promise<number> {
  const row = await t.db
    .selectFrom('transactions')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('counterparty_name', '=', counterpartyName)
    .executeTakeFirstOrThrow();
  return row.id;
}

const storedCategory = (id: number) =>
  t.db
    .selectFrom('transactions')
    .select(['category', 'category_source', 'rule_id', 'special', 'protected_life_event'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Every page of the list, following nextCursor until there is none. */
async function allPages(customerId: string, input: { limit: number; category?: string; month?: string }) {
  const pages = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await transactions.list(customerId, { ...input, cursor });
    pages.push(page);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('The list never ended.');
}

describe('listing transactions', () => {
  let eva: string;
  let other: string;
  beforeAll(async () => {
    eva = await customerWith('ing/ing-current-comma.csv', 'rabobank/rabobank.csv');
    other = await customerWith('ing/ing-current-comma.csv');
  });

  it('pages through every row once, newest booking first, with no one else’s rows', async () => {
    const pages = await allPages(eva, { limit: 4 });
    expect(pages.map((page) => page.items.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 3]);
    const items = pages.flatMap((page) => page.items);
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(31);
    const order = items.map((item) => `${item.bookedOn}_${String(item.id).padStart(15, '0')}`);
    expect(order).toEqual([...order].sort().reverse());
    const own = await t.db.selectFrom('transactions').select('id').where('customer_id', '=', eva).execute();
    expect([...ids].sort((a, b) => a - b)).toEqual(own.map((row) => row.id).sort((a, b) => a - b));
    expect(pages[0]!.items[0]).toEqual({
      id: expect.any(Number),
      bookedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      amountCents: expect.any(Number),
      currency: 'EUR',
      counterpartyName: expect.any(String),
      description: expect.any(String),
      category: expect.any(String),
      categorySource: 'rule',
      special: expect.any(Boolean),
      protectedLifeEvent: false,
      reversal: false,
    });
  });

  it('gives one page without a cursor when the limit fits everything exactly', async () => {
    const pages = await allPages(eva, { limit: 31 });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toHaveLength(31);
  });

  it('pages within a category and within a month', async () => {
    const groceries = (await allPages(eva, { limit: 3, category: 'groceries' })).flatMap((page) => page.items);
    expect(groceries.map((item) => item.counterpartyName).sort()).toEqual([
      'Albert Heijn 1402 ZEIST',
      'Albert Heijn 1403',
      'Jumbo Utrecht Vaartsche Rijn',
      'Jumbo Zeist Slotlaan',
    ]);
    const february = (await allPages(eva, { limit: 5, month: '2024-02' })).flatMap((page) => page.items);
    expect(february).toHaveLength(8);
    expect(february.every((item) => item.bookedOn.startsWith('2024-02-'))).toBe(true);
    const march = (await allPages(eva, { limit: 5, month: '2024-03' })).flatMap((page) => page.items);
    expect(new Set(march.map((item) => item.id)).size).toBe(23);
  });

  it('refuses a cursor that is not a position', async () => {
    const error = await rejectionOf(transactions.list(eva, { limit: 10, cursor: 'volgende' }));
    expect(isDomainError(error) && error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('This list position is not valid any more. Reload the page.');
  });

  it('shows the other customer only their own 16 rows', async () => {
    const ids = (await allPages(other, { limit: 50 })).flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toHaveLength(16);
    const evasRows = await t.db.selectFrom('transactions').select('id').where('customer_id', '=', eva).execute();
    expect(ids.filter((id) => evasRows.some((row) => row.id === id))).toEqual([]);
  });
});

describe('correcting a category', () => {
  it('moves a row to health, marks it special and the customer’s choice, and recomputes features', async () => {
    const eva = await customerWith('ing/ing-current-comma.csv');
    const id = await transactionId(eva, 'Albert Heijn 1403');
    expect(await storedCategory(id)).toMatchObject({ category: 'groceries', category_source: 'rule', special: false });
    await (await t.queues.get('features').getJob(`features-${eva}`))?.remove();

    expect(await transactions.recategorise(eva, id, 'health')).toMatchObject({
      id,
      category: 'health',
      categorySource: 'customer',
      special: true,
      protectedLifeEvent: false,
    });
    expect(await storedCategory(id)).toEqual({ category: 'health', category_source: 'customer', rule_id: null, special: true, protected_life_event: false });
    expect(await t.queues.get('features').getJob(`features-${eva}`)).toMatchObject({ name: 'features.recompute', data: { customerId: eva } });

    expect(await transactions.recategorise(eva, id, 'pregnancy_baby')).toMatchObject({ special: true, protectedLifeEvent: true });
    expect(await transactions.recategorise(eva, id, 'groceries')).toMatchObject({ category: 'groceries', categorySource: 'customer', special: false, protectedLifeEvent: false });
  });

  it('keeps the customer’s category when the same statement is imported again', async () => {
    const eva = await customerWith('ing/ing-current-comma.csv');
    const id = await transactionId(eva, 'Albert Heijn 1403');
    await transactions.recategorise(eva, id, 'health');
    const again = await createImportService(deps()).storeUpload(eva, fixtureFile('ing/ing-current-comma.csv'));
    expect(await runImport(deps(), again.id)).toEqual({ status: 'imported', imported: 0, duplicate: 16 });
    expect(await storedCategory(id)).toMatchObject({ category: 'health', category_source: 'customer' });
  });

  it('refuses an unknown category and changes nothing', async () => {
    const eva = await customerWith('ing/ing-current-comma.csv');
    const id = await transactionId(eva, 'Albert Heijn 1403');
    const before = await storedCategory(id);
    const error = await rejectionOf(transactions.recategorise(eva, id, 'gokken'));
    expect(isDomainError(error) && error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('"gokken" is not a category. Choose one from the list.');
    expect(await storedCategory(id)).toEqual(before);
  });

  it('answers NOT_FOUND for someone else’s transaction, and for one that does not exist, changing nothing', async () => {
    const eva = await customerWith('ing/ing-current-comma.csv');
    const mallory = await customerWith('rabobank/rabobank.csv');
    const evasRow = await transactionId(eva, 'Albert Heijn 1403');
    const before = await storedCategory(evasRow);
    for (const id of [evasRow, 9_007_199_254]) {
      const error = await rejectionOf(transactions.recategorise(mallory, id, 'health'));
      expect(isDomainError(error) && error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('This transaction does not exist or is not yours.');
    }
    expect(await storedCategory(evasRow)).toEqual(before);
  });
});

describe('spending', () => {
  let eva: string;
  beforeAll(async () => {
    eva = await customerWith('ing/ing-current-comma.csv');
  });

  it('sums money out per category and per month over the months up to the latest booking', async () => {
    expect(await transactions.spending(eva, 2)).toEqual({
      from: '2024-02-01',
      to: '2024-04-01',
      byCategory: [
        { category: 'other', totalCents: 127400, count: 2 },
        { category: 'housing', totalCents: 112550, count: 1 },
        { category: 'health', totalCents: 15745, count: 2 },
        { category: 'energy', totalCents: 11240, count: 1 },
        { category: 'mobility', totalCents: 8640, count: 1 },
        { category: 'groceries', totalCents: 8175, count: 2 },
        { category: 'cash', totalCents: 5000, count: 1 },
        { category: 'drugstore', totalCents: 1297, count: 1 },
        { category: 'dining', totalCents: 640, count: 2 },
      ],
      byMonth: [
        { month: '2024-02', totalCents: 39248 },
        { month: '2024-03', totalCents: 251439 },
      ],
      // Every booking in the window, money in and €0,00 rows included.
      transactionCount: 16,
    });
  });

  it('matches the stored debits for any window', async () => {
    const { from, to, byCategory, byMonth } = await transactions.spending(eva, 1);
    expect({ from, to }).toEqual({ from: '2024-03-01', to: '2024-04-01' });
    const debits = await t.db
      .selectFrom('transactions')
      .select(['amount_cents', 'category'])
      .where('customer_id', '=', eva)
      .where('booked_on', '>=', from)
      .where('booked_on', '<', to)
      .where('amount_cents', '<', 0)
      .execute();
    const total = debits.reduce((sum, row) => sum - row.amount_cents, 0);
    expect(byMonth).toEqual([{ month: '2024-03', totalCents: total }]);
    expect(byCategory.reduce((sum, row) => sum + row.totalCents, 0)).toBe(total);
    expect(byCategory.reduce((sum, row) => sum + row.count, 0)).toBe(debits.length);
  });

  it('is empty for a customer without transactions', async () => {
    const nobody = await customerWith();
    const result = await transactions.spending(nobody, 3);
    expect(result).toMatchObject({ byCategory: [], byMonth: [], transactionCount: 0 });
  });
});
