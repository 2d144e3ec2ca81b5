import { beforeAll, describe, expect, it } from 'vitest';
import { createImportService, runImport, type ImportService } from './import.service';
import { fixtureFile } from './testing/fixtures';
import { useImportTestEnv } from './testing/import-test-env';

const t = useImportTestEnv();
const { createCustomer, uploadRow, transactionCount, hasContent, featuresJob, sumsByCurrency } = t;
let service: ImportService;
const deps = () => t.deps();

beforeAll(() => {
  service = createImportService(deps());
});

async function storeText(customerId: string, text: string, name = 'upload.csv') {
  return service.storeUpload(customerId, { name, bytes: Buffer.from(text, 'utf8') });
}

interface ExpectedRow {
  on: string;
  cents: number;
  name: string;
  category: string;
  special?: boolean;
  currency?: string;
  count?: number;
}

interface FormatCase {
  path: string;
  format: string;
  rows: number;
  sums: Record<string, number>;
  expected: ExpectedRow[];
}

const ING_COMMA: ExpectedRow[] = [
  { on: '2024-03-15', cents: -3412, name: 'Albert Heijn 1403', category: 'groceries' },
  { on: '2024-02-20', cents: -850, name: 'Apotheek Lombok', category: 'health', special: true },
  { on: '2024-02-23', cents: -14895, name: 'Zilveren Kruis', category: 'health', special: true },
  // Two identical coffees on one day are two transactions, and the accents survive every encoding.
  { on: '2024-03-14', cents: -320, name: 'Café de Jaren', category: 'dining', count: 2 },
  { on: '2024-02-22', cents: -2500, name: 'Zoë Müller', category: 'other' },
];
const ING_SEMICOLON: ExpectedRow[] = [
  { on: '2024-04-08', cents: -6499, name: 'Ziggo Services B.V.', category: 'telecom' },
  { on: '2024-04-05', cents: -6107, name: 'Albert Heijn 1403', category: 'groceries' },
  { on: '2024-04-06', cents: -549, name: 'AH to go Utrecht CS', category: 'groceries' },
  { on: '2024-04-01', cents: -998, name: 'Kruidvat 5531', category: 'drugstore' },
];
const RABOBANK: ExpectedRow[] = [
  { on: '2024-03-01', cents: -2615, name: 'Albert Heijn 1402 ZEIST', category: 'groceries' },
  { on: '2024-03-08', cents: -2340, name: 'Apotheek De Linde Zeist', category: 'health', special: true },
  { on: '2024-03-09', cents: -1200, name: 'Zoë Müller', category: 'other' },
];

const FORMATS: FormatCase[] = [
  { path: 'ing/ing-current-comma.csv', format: 'ing-csv', rows: 16, sums: { EUR: 9818 }, expected: ING_COMMA },
  { path: 'ing/ing-current-semicolon.csv', format: 'ing-csv', rows: 10, sums: { EUR: 94181 }, expected: ING_SEMICOLON },
  { path: 'ing/ing-current-comma.windows-1252.csv', format: 'ing-csv', rows: 16, sums: { EUR: 9818 }, expected: ING_COMMA },
  { path: 'ing/ing-current-semicolon.utf8-bom.csv', format: 'ing-csv', rows: 10, sums: { EUR: 94181 }, expected: ING_SEMICOLON },
  { path: 'rabobank/rabobank.csv', format: 'rabobank-csv', rows: 15, sums: { EUR: 376464 }, expected: RABOBANK },
  { path: 'rabobank/rabobank.windows-1252.csv', format: 'rabobank-csv', rows: 15, sums: { EUR: 376464 }, expected: RABOBANK },
  { path: 'rabobank/rabobank.mis-decoded.csv', format: 'rabobank-csv', rows: 15, sums: { EUR: 376464 }, expected: RABOBANK },
  {
    path: 'abn-amro/TXT240402093015.TAB',
    format: 'abn-amro-tab',
    rows: 14,
    sums: { EUR: 241768 },
    expected: [
      { on: '2024-03-01', cents: -3412, name: 'Albert Heijn 1403', category: 'groceries' },
      { on: '2024-03-11', cents: -2340, name: 'Apotheek Lombok', category: 'health', special: true },
      // Both accounts are in the file, so the transfer between them is the customer's own.
      { on: '2024-03-11', cents: -50000, name: 'J.P. DE VRIES', category: 'own_transfer' },
      { on: '2024-03-11', cents: 50000, name: 'J.P. DE VRIES', category: 'own_transfer' },
    ],
  },
  {
    path: 'camt053/camt053-v02-batch-and-reversal.xml',
    format: 'camt053',
    rows: 9,
    sums: { EUR: 262194 },
    expected: [
      { on: '2024-03-04', cents: -3412, name: 'Albert Heijn 1403', category: 'groceries' },
      { on: '2024-03-07', cents: 11240, name: 'Vattenfall Klantenservice N.V.', category: 'energy' },
    ],
  },
  {
    path: 'camt053/camt053-v04-prefixed-multi-currency.xml',
    format: 'camt053',
    rows: 8,
    sums: { EUR: 108745, JPY: -14300 },
    expected: [
      { on: '2024-04-01', cents: -6635, name: 'UNIQLO GINZA TOKYO', category: 'fashion' },
      { on: '2024-03-31', cents: -1500, name: 'ICHIRAN RAMEN SHIBUYA', category: 'dining', currency: 'JPY' },
    ],
  },
  {
    path: 'camt053/camt053-v08-pty-and-datetime.xml',
    format: 'camt053',
    rows: 4,
    sums: { EUR: -2658 },
    expected: [
      { on: '2024-05-01', cents: -5495, name: 'CZ Zorgverzekeringen', category: 'health', special: true },
      { on: '2024-05-01', cents: -2745, name: 'Thuisbezorgd.nl via Takeaway.com', category: 'dining' },
    ],
  },
  {
    path: 'camt053/camt053-rabobank-daily-statements.xml',
    format: 'camt053',
    rows: 4,
    sums: { EUR: -19350 },
    expected: [{ on: '2024-03-08', cents: -2340, name: 'Apotheek De Linde Zeist', category: 'health', special: true }],
  },
];

describe('importing each supported format', () => {
  it.each(FORMATS)('$path: stores, imports, categorises and forgets the file', async ({ path, format, rows, sums, expected }) => {
    const customerId = await createCustomer();
    const file = fixtureFile(path);
    const stored = await service.storeUpload(customerId, file);
    expect(stored).toMatchObject({ status: 'stored', progress: 0, fileName: file.name, byteSize: file.bytes.length, rowsTotal: null, error: null });
    expect(await hasContent(stored.id)).toBe(true);
    expect(await t.queues.get('imports').getJob(`import-${stored.id}`)).toMatchObject({ name: 'statement.import', data: { uploadId: stored.id } });

    expect(await runImport(deps(), stored.id)).toEqual({ status: 'imported', imported: rows, duplicate: 0 });

    const upload = await uploadRow(stored.id);
    expect(upload).toMatchObject({ status: 'imported', format, progress: 100, rows_total: rows, rows_imported: rows, rows_duplicate: 0, error: null });
    expect(upload.finished_at).toBeInstanceOf(Date);
    expect(await hasContent(stored.id)).toBe(false);
    expect(await service.get(customerId, stored.id)).toMatchObject({ status: 'imported', format, progress: 100, rowsTotal: rows, rowsImported: rows });

    expect(await transactionCount(customerId)).toBe(rows);
    expect(await sumsByCurrency(customerId)).toEqual(sums);
    const uncategorised = await t.db
      .selectFrom('transactions')
      .select('id')
      .where('customer_id', '=', customerId)
      .where((eb) => eb.or([eb('category', 'is', null), eb('upload_id', '<>', stored.id), eb('category_source', '<>', 'rule')]))
      .execute();
    expect(uncategorised).toEqual([]);

    for (const row of expected) {
      const found = await t.db
        .selectFrom('transactions')
        .select(['category', 'special', 'protected_life_event', 'currency'])
        .where('customer_id', '=', customerId)
        .where('booked_on', '=', row.on)
        .where('amount_cents', '=', row.cents)
        .where('counterparty_name', '=', row.name)
        .execute();
      expect(found, `${row.name} on ${row.on}`).toEqual(
        Array.from({ length: row.count ?? 1 }, () => ({
          category: row.category,
          special: row.special ?? false,
          protected_life_event: false,
          currency: row.currency ?? 'EUR',
        })),
      );
    }
    expect(await featuresJob(customerId)).toMatchObject({ name: 'features.recompute', data: { customerId } });
  });
});

/** An ING export built from fixture lines: the header plus the rows for which `keep` says yes. */
function ingExportOf(path: string, keep: (line: string) => boolean, extra: string[] = []): string {
  const [header, ...lines] = fixtureFile(path).bytes.toString('utf8').split(/\r?\n/).filter((line) => line !== '');
  return [header, ...lines.filter(keep), ...extra].join('\n');
}
const bookedOn = (line: string) => line.slice(1, 9);

describe('deduplication', () => {
  it('imports nothing new from the same file uploaded again', async () => {
    const customerId = await createCustomer();
    const first = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    await runImport(deps(), first.id);
    const again = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    expect(await runImport(deps(), again.id)).toEqual({ status: 'imported', imported: 0, duplicate: 16 });
    expect(await uploadRow(again.id)).toMatchObject({ status: 'imported', rows_total: 16, rows_imported: 0, rows_duplicate: 16 });
    expect(await hasContent(again.id)).toBe(false);
    expect(await transactionCount(customerId)).toBe(16);
  });

  it('adds only the new rows of an export that overlaps an earlier one', async () => {
    const customerId = await createCustomer();
    const early = await service.storeUpload(customerId, fixtureFile('ing/ing-overlap-2024-03-01-to-15.csv'));
    expect(await runImport(deps(), early.id)).toEqual({ status: 'imported', imported: 9, duplicate: 0 });
    const late = await service.storeUpload(customerId, fixtureFile('ing/ing-overlap-2024-03-10-to-31.csv'));
    // 10–15 March is in both: AH, two coffees on the 14th, NS, bol.com and the coffee on the 10th.
    expect(await runImport(deps(), late.id)).toEqual({ status: 'imported', imported: 4, duplicate: 6 });
    expect(await transactionCount(customerId)).toBe(13);
    const coffees = await t.db
      .selectFrom('transactions')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('counterparty_name', '=', 'Coffee Company Neude')
      .where('booked_on', '=', '2024-03-14')
      .execute();
    expect(coffees).toHaveLength(2);
  });

  it('splits one export into two that share days and ends up with every row exactly once', async () => {
    const customerId = await createCustomer();
    const path = 'ing/ing-current-comma.csv';
    const march = ingExportOf(path, (line) => bookedOn(line) >= '20240301');
    const upToEleventh = ingExportOf(path, (line) => bookedOn(line) <= '20240311');
    const first = await storeText(customerId, march, 'maart.csv');
    expect(await runImport(deps(), first.id)).toEqual({ status: 'imported', imported: 8, duplicate: 0 });
    const second = await storeText(customerId, upToEleventh, 'tot-11-maart.csv');
    // Shared: 1 March (two rows) and 11 March (one row).
    expect(await runImport(deps(), second.id)).toEqual({ status: 'imported', imported: 8, duplicate: 3 });
    const whole = await service.storeUpload(customerId, fixtureFile(path));
    expect(await runImport(deps(), whole.id)).toEqual({ status: 'imported', imported: 0, duplicate: 16 });
    expect(await sumsByCurrency(customerId)).toEqual({ EUR: 9818 });
  });

  it('imports a third identical coffee that a later export of the same day shows', async () => {
    const customerId = await createCustomer();
    const path = 'ing/ing-overlap-2024-03-10-to-31.csv';
    const first = await service.storeUpload(customerId, fixtureFile(path));
    await runImport(deps(), first.id);
    const coffee = ingExportOf(path, (line) => bookedOn(line) === '20240314').split('\n')[1]!;
    const later = await storeText(customerId, ingExportOf(path, () => true, [coffee]));
    expect(await runImport(deps(), later.id)).toEqual({ status: 'imported', imported: 1, duplicate: 10 });
    expect(await transactionCount(customerId)).toBe(11);
  });

  it('imports two overlapping exports of one customer that run at the same time, every row once', async () => {
    const customerId = await createCustomer();
    const early = await service.storeUpload(customerId, fixtureFile('ing/ing-overlap-2024-03-01-to-15.csv'));
    const late = await service.storeUpload(customerId, fixtureFile('ing/ing-overlap-2024-03-10-to-31.csv'));
    // Whichever runs second skips the six shared rows; neither fails on the other's keys.
    const results = await Promise.all([runImport(deps(), early.id), runImport(deps(), late.id)]);
    expect(results.every((result) => result.status === 'imported')).toBe(true);
    expect(results.reduce((sum, result) => sum + result.imported!, 0)).toBe(13);
    expect(results.reduce((sum, result) => sum + result.duplicate!, 0)).toBe(6);
    expect(await transactionCount(customerId)).toBe(13);
  });

  it('keeps customers apart: the same file imports in full for someone else', async () => {
    const one = await createCustomer();
    const other = await createCustomer();
    for (const customerId of [one, other]) {
      const upload = await service.storeUpload(customerId, fixtureFile('rabobank/rabobank.csv'));
      expect(await runImport(deps(), upload.id)).toEqual({ status: 'imported', imported: 15, duplicate: 0 });
    }
    expect(await transactionCount(one)).toBe(15);
    expect(await transactionCount(other)).toBe(15);
  });
});
