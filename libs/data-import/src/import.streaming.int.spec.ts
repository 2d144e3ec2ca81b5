import { beforeAll, describe, expect, it } from 'vitest';
import { createImportService, runImport, type ImportPhase, type ImportService, type UploadErrorDto } from './import.service';
import { fixtureFile } from './testing/fixtures';
import { useImportTestEnv } from './testing/import-test-env';
import type { StatementFile } from './statement.types';

const t = useImportTestEnv();
let service: ImportService;

beforeAll(() => {
  service = createImportService(t.deps());
});

const STORED_COLUMNS = [
  'booked_on', 'amount_cents', 'currency', 'counterparty_name', 'counterparty_iban', 'description', 'bank_code', 'category', 'rule_id',
  'category_source', 'special', 'protected_life_event', 'is_reversal', 'dedupe_key',
] as const;

/** A customer's stored rows in the order they were written, without the ids that differ between customers. */
function storedRows(customerId: string) {
  return t.db.selectFrom('transactions').select(STORED_COLUMNS).where('customer_id', '=', customerId).orderBy('id').execute();
}

interface Outcome {
  result: Awaited<ReturnType<typeof runImport>>;
  error: UploadErrorDto | null;
  streamed: boolean;
}

/** Stores and imports the files one after the other for `customerId`, on the streaming path or the whole-file one. */
async function importAll(customerId: string, files: readonly StatementFile[], streaming: boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const file of files) {
    const phases: ImportPhase[] = [];
    const stored = await service.storeUpload(customerId, file);
    const result = await runImport({ ...t.deps(), streaming, onPhase: (phase) => phases.push(phase) }, stored.id);
    const { error } = await service.get(customerId, stored.id);
    outcomes.push({ result, error, streamed: phases.includes('stream') });
  }
  return outcomes;
}

/** The same files for two new customers, streamed and read whole: results, errors and stored rows side by side. */
async function bothPaths(files: readonly StatementFile[]) {
  const [fast, whole] = [await t.createCustomer(), await t.createCustomer()];
  const streamed = await importAll(fast, files, true);
  const read = await importAll(whole, files, false);
  return { streamed, read, fastRows: await storedRows(fast), wholeRows: await storedRows(whole), fast };
}

const withoutPath = (outcomes: Outcome[]) => outcomes.map(({ result, error }) => ({ result, error }));

const amount = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

/**
 * A semicolon ING export of several COPY chunks and parse slices: repeated identical rows (the dedupe counter),
 * multi-line notes (records spanning lines and, somewhere, a slice boundary), accents, blank lines, a BOM.
 */
function ingExport(rows: number, options: { badLine?: number; lineBreak?: string } = {}): StatementFile {
  const lines = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"'];
  for (let i = 0; i < rows; i += 1) {
    const day = `2024${String(1 + ((i >> 7) % 12)).padStart(2, '0')}${String(1 + ((i >> 2) % 28)).padStart(2, '0')}`;
    const cents = 1 + ((i * 7919) % 250_000);
    const notes = i % 97 === 0 ? `Naam: Café ${i % 13}\nOmschrijving: regel één\r\ntwee IBAN: NL31ABNA0612345870` : `Pasvolgnr: 008 Transactie: ${i % 40} Term: CT${i % 9}`;
    const date = options.badLine === i ? '20240231' : day;
    lines.push(`"${date}";"Café ${i % 31}";"NL20INGB0001234567";"";"BA";"${i % 5 === 0 ? 'Bij' : 'Af'}";"${amount(cents)}";"Betaalautomaat";"${notes}";"1,00";""`);
    if (i % 1_000 === 500) lines.push('');
  }
  return { name: 'ing.csv', bytes: Buffer.from(`\uFEFF${lines.join(options.lineBreak ?? '\r\n')}\r\n`, 'utf8') };
}

/** A Rabobank export of a few chunks, with `Volgnr` as the bank's reference and `" "` for empty fields. */
function rabobankExport(rows: number): StatementFile {
  const header = [
    'IBAN/BBAN', 'Munt', 'BIC', 'Volgnr', 'Datum', 'Rentedatum', 'Bedrag', 'Saldo na trn', 'Tegenrekening IBAN/BBAN', 'Naam tegenpartij',
    'Naam uiteindelijke partij', 'Naam initiërende partij', 'BIC tegenpartij', 'Code', 'Batch ID', 'Transactiereferentie', 'Machtigingskenmerk',
    'Incassant ID', 'Betalingskenmerk', 'Omschrijving-1', 'Omschrijving-2', 'Omschrijving-3', 'Reden retour', 'Oorspr bedrag', 'Oorspr munt', 'Koers',
  ];
  const lines = [header.map((name) => `"${name}"`).join(',')];
  for (let i = 0; i < rows; i += 1) {
    const day = `2024-${String(1 + ((i >> 8) % 12)).padStart(2, '0')}-${String(1 + ((i >> 3) % 28)).padStart(2, '0')}`;
    const fields = [
      'NL44RABO0123456789', 'EUR', 'RABONL2U', String(4_000 + i).padStart(18, '0'), day, day, `${i % 3 === 0 ? '+' : '-'}${amount(1 + ((i * 131) % 90_000))}`,
      '+1,00', i % 4 === 0 ? 'NL55RABO0118870431' : ' ', `Albert Heijn ${i % 17}`, ' ', ' ', ' ', i % 4 === 0 ? 'bg' : 'bc', ' ', ' ', ' ', ' ', ' ',
      `Betaalautomaat ${i % 11}`, ' ', ' ', ' ', ' ', ' ', ' ',
    ];
    lines.push(fields.map((field) => `"${field}"`).join(','));
  }
  return { name: 'rabo.csv', bytes: Buffer.from(lines.join('\n'), 'utf8') };
}

describe('the streaming import and the whole-file import', () => {
  it.each([
    'ing/ing-current-comma.csv',
    'ing/ing-current-semicolon.csv',
    'ing/ing-current-comma.windows-1252.csv',
    'ing/ing-current-semicolon.utf8-bom.csv',
    'ing/ing-savings.csv',
    'rabobank/rabobank.csv',
    'rabobank/rabobank.windows-1252.csv',
    'rabobank/rabobank.mis-decoded.csv',
  ])('store the same rows for %s', async (path) => {
    const { streamed, read, fastRows, wholeRows } = await bothPaths([fixtureFile(path)]);
    expect(streamed.every((outcome) => outcome.streamed)).toBe(true);
    expect(withoutPath(streamed)).toEqual(withoutPath(read));
    expect(fastRows).toEqual(wholeRows);
    expect(fastRows.length).toBeGreaterThan(0);
  });

  it('store the same rows for large generated ING (CRLF and LF) and Rabobank exports', async () => {
    const files = [ingExport(9_500), ingExport(5_000, { lineBreak: '\n' }), rabobankExport(8_100)];
    const { streamed, read, fastRows, wholeRows } = await bothPaths(files);
    expect(streamed.map((outcome) => outcome.streamed)).toEqual([true, true, true]);
    expect(withoutPath(streamed)).toEqual(withoutPath(read));
    expect(fastRows).toEqual(wholeRows);
    // The LF file repeats the first 5,000 rows of the CRLF one (same keys), so only the first and the Rabobank rows add.
    expect(fastRows.length).toBe(9_500 + 8_100);
  });

  it('deduplicate overlapping exports alike, reading the known keys only where the dates meet', async () => {
    const files = [
      fixtureFile('ing/ing-overlap-2024-03-01-to-15.csv'),
      fixtureFile('ing/ing-overlap-2024-03-10-to-31.csv'),
      fixtureFile('ing/ing-current-comma.csv'),
      ingExport(9_500),
      ingExport(9_500),
    ];
    const { streamed, read, fastRows, wholeRows } = await bothPaths(files);
    expect(streamed.every((outcome) => outcome.streamed)).toBe(true);
    expect(withoutPath(streamed)).toEqual(withoutPath(read));
    expect(streamed.at(-1)?.result).toEqual({ status: 'imported', imported: 0, duplicate: 9_500 });
    expect(fastRows).toEqual(wholeRows);
  });

  it('fail a file with a bad line near its end alike: nothing written, the same message and problems', async () => {
    const file = ingExport(9_500, { badLine: 9_480 });
    const { streamed, read, fastRows, wholeRows, fast } = await bothPaths([file]);
    expect(streamed[0]?.result).toEqual({ status: 'failed' });
    expect(withoutPath(streamed)).toEqual(withoutPath(read));
    expect(streamed[0]?.error).toMatchObject({ code: 'rowProblems', totalProblems: 1, problems: [{ column: 'Datum' }] });
    expect(streamed[0]?.error?.message).toContain("'20240231' is not a date (expected YYYYMMDD)");
    expect(fastRows).toEqual([]);
    expect(wholeRows).toEqual([]);
    expect(await t.transactionCount(fast)).toBe(0);
  });
});
