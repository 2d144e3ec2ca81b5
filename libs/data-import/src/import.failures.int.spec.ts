import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@dd/errors';
import { UNSUPPORTED_FORMAT_MESSAGE, XML_NOT_CAMT053_MESSAGE } from './import.errors';
import { createImportService, runImport, type ImportService } from './import.service';
import { fixtureFile } from './testing/fixtures';
import { useImportTestEnv } from './testing/import-test-env';

const t = useImportTestEnv();
const { createCustomer, uploadRow, uploadCount, transactionCount, hasContent, featuresJob, sumsByCurrency } = t;
let service: ImportService;
const deps = () => t.deps();

beforeAll(() => {
  service = createImportService(deps());
});

/** The error a promise rejects with; fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('files that cannot be imported', () => {
  it('fails a CSV with broken rows, says where, and writes no transaction', async () => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('malformed/ing-bad-rows.csv'));
    expect(await runImport(deps(), stored.id)).toEqual({ status: 'failed' });

    const summary = await service.get(customerId, stored.id);
    expect(summary.status).toBe('failed');
    expect(summary.error?.message).toBe(
      "The file has 7 problems; nothing was imported. Line 3, column Datum: '20240231' is not a date (expected YYYYMMDD). " +
        "Line 4, column Bedrag (EUR): '12,3x' is not an amount. Line 5, column Af Bij: Af Bij is empty; expected Af or Bij. …and 4 more.",
    );
    expect(summary.error?.totalProblems).toBe(7);
    expect(summary.error).toMatchObject({ code: 'rowProblems', params: { count: 7 } });
    expect(summary.error?.problems).toHaveLength(7);
    // Stored with a code and its values, so the portal can say each one in Dutch or English.
    expect(summary.error?.problems.slice(0, 3)).toEqual([
      { line: 3, column: 'Datum', code: 'dateInvalid', params: { value: '20240231', expected: 'YYYYMMDD' }, message: "'20240231' is not a date (expected YYYYMMDD)." },
      { line: 4, column: 'Bedrag (EUR)', code: 'amountInvalid', params: { value: '12,3x' }, message: "'12,3x' is not an amount." },
      { line: 5, column: 'Af Bij', code: 'directionMissing', params: { allowed: 'Af, Bij' }, message: 'Af Bij is empty; expected Af or Bij.' },
    ]);
    for (const problem of summary.error!.problems) {
      expect(problem.line).toBeGreaterThan(1);
      expect(problem.message).not.toBe('');
      expect(problem.code).not.toBeNull();
    }
    // uploads.error itself holds the codes, not only the summary built from it.
    expect((await uploadRow(stored.id)).error).toMatchObject({
      code: 'rowProblems',
      params: { count: 7 },
      problems: expect.arrayContaining([expect.objectContaining({ line: 3, code: 'dateInvalid', params: { value: '20240231', expected: 'YYYYMMDD' } })]),
    });
    expect(await uploadRow(stored.id)).toMatchObject({ rows_total: null, rows_imported: null, format: null });
    expect(await transactionCount(customerId)).toBe(0);
    expect(await hasContent(stored.id)).toBe(false);
    expect(await featuresJob(customerId)).toBeUndefined();
  });

  it('keeps the first failure and its problems when the same job runs again', async () => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('malformed/ing-bad-rows.csv'));
    await runImport(deps(), stored.id);
    const first = await service.get(customerId, stored.id);
    expect(await runImport(deps(), stored.id)).toEqual({ status: 'failed' });
    expect(await service.get(customerId, stored.id)).toEqual(first);
  });

  it.each([
    ['malformed/ing-unclosed-quote.csv', { line: 4, column: '' }, 'The file has 1 problem; nothing was imported. Line 4: This row cannot be read'],
    ['malformed/rabobank-bad-rows.csv', { line: 3, column: 'Datum' }, "The file has 4 problems; nothing was imported. Line 3, column Datum: '01-03-2024'"],
    ['malformed/TXT240402093016-bad.TAB', { line: 2, column: '3 (transaction date)' }, 'The file has 3 problems; nothing was imported. Line 2, column 3'],
    ['malformed/camt053-bad-entries.xml', { line: 14, column: 'Ntry/Amt' }, "The file has 4 problems; nothing was imported. Line 14, column Ntry/Amt: '12,50'"],
    ['malformed/camt053-truncated.xml', { line: 47, column: '' }, 'The file has 1 problem; nothing was imported. Line 47: The XML ends before'],
  ])('%s fails at the line it is broken, and imports nothing', async (path, firstProblem, messageStart) => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile(path));
    expect(await runImport(deps(), stored.id)).toEqual({ status: 'failed' });
    const { status, error } = await service.get(customerId, stored.id);
    expect(status).toBe('failed');
    expect(error?.message.startsWith(messageStart), error?.message).toBe(true);
    expect(error?.problems[0]).toMatchObject(firstProblem);
    expect(await transactionCount(customerId)).toBe(0);
    expect(await hasContent(stored.id)).toBe(false);
  });

  it('fails a header-only export with "no transactions"', async () => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('malformed/ing-header-only.csv'));
    expect(await runImport(deps(), stored.id)).toEqual({ status: 'failed' });
    expect((await service.get(customerId, stored.id)).error).toEqual({
      message: 'The file contains no transactions.',
      code: 'noTransactions',
      params: {},
      problems: [],
      totalProblems: 0,
    });
    expect(await hasContent(stored.id)).toBe(false);
  });

  it('fails an upload whose file is gone with a code the portal can translate', async () => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    await deps().db.deleteFrom('upload_contents').where('upload_id', '=', stored.id).execute();
    expect(await runImport(deps(), stored.id)).toEqual({ status: 'failed' });
    expect((await service.get(customerId, stored.id)).error).toEqual({
      message: 'The uploaded file is no longer available. Please upload it again.',
      code: 'fileGone',
      params: {},
      problems: [],
      totalProblems: 0,
    });
  });

  const UNSAFE_XML_MESSAGE =
    'This XML file contains a DOCTYPE or entity declaration, which bank statements never do, so it was not read. Upload the CAMT.053 file exactly as your bank provided it.';
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256));
  const ENCODING_MESSAGE =
    'This file is not text in an encoding we can read (UTF-8, UTF-16 with a byte-order mark, or Windows-1252). Upload the file exactly as your bank provided it.';
  // Refused by the import, no longer at upload: the API does not read what it stores (the upload path must not
  // stall on 20 MB). The reason arrives as the upload's failed status, with the same code and message as before.
  const refusedByImport: [string, { name: string; bytes: Buffer }, string, string][] = [
    ['a file with only a byte-order mark and line breaks', { name: 'export.csv', bytes: Buffer.from('\uFEFF\r\n\r\n', 'utf8') }, 'The file is empty.', 'fileEmpty'],
    // Stored, but refused by a text check before any XML parser sees it: nothing of an XML bomb is ever expanded.
    ['an XML bomb', fixtureFile('other/xml-bomb.xml'), UNSAFE_XML_MESSAGE, 'unsafeXml'],
    ['an external-entity file', fixtureFile('other/xxe-external-entity.xml'), UNSAFE_XML_MESSAGE, 'unsafeXml'],
    ['a pain.001 payment file', fixtureFile('other/pain.001-payout-batch.xml'), XML_NOT_CAMT053_MESSAGE, 'xmlNotCamt053'],
    ['a camt.052 report', fixtureFile('other/camt052-intraday-report.xml'), XML_NOT_CAMT053_MESSAGE, 'xmlNotCamt053'],
    ['a household budget CSV', fixtureFile('other/household-budget.csv'), UNSUPPORTED_FORMAT_MESSAGE, 'formatUnsupported'],
    ['binary junk', { name: 'afschrift.csv', bytes: junk }, ENCODING_MESSAGE, 'encodingUnsupported'],
    [
      'an ING export saved as UTF-16 without its byte-order mark',
      { name: 'export.csv', bytes: Buffer.from(fixtureFile('ing/ing-current-comma.csv').bytes.toString('utf8'), 'utf16le') },
      ENCODING_MESSAGE,
      'encodingUnsupported',
    ],
    ['a PDF statement', { name: 'afschrift.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]) }, UNSUPPORTED_FORMAT_MESSAGE, 'formatUnsupported'],
    ['a spreadsheet', { name: 'afschrift.xlsx', bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), junk]) }, UNSUPPORTED_FORMAT_MESSAGE, 'formatUnsupported'],
  ];

  it.each(refusedByImport)('stores %s without reading it, then fails it with its reason and deletes the file', async (_label, file, message, code) => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, file);
    expect(stored).toMatchObject({ status: 'stored', error: null });
    expect(await t.queues.get('imports').getJob(`import-${stored.id}`)).toMatchObject({ data: { uploadId: stored.id } });

    expect(await runImport(deps(), stored.id)).toEqual({ status: 'failed' });
    const summary = await service.get(customerId, stored.id);
    expect(summary.status).toBe('failed');
    expect(summary.error).toEqual({ message, code, params: expect.any(Object), problems: [], totalProblems: 0 });
    expect(summary.finishedAt).not.toBeNull();
    expect(await hasContent(stored.id)).toBe(false);
    expect(await transactionCount(customerId)).toBe(0);
    expect(await featuresJob(customerId)).toBeUndefined();
  });

  it('refuses a file of zero bytes at upload and stores nothing: there is nothing to read', async () => {
    const customerId = await createCustomer();
    const waiting = await t.queues.get('imports').getWaitingCount();
    const error = await rejectionOf(service.storeUpload(customerId, fixtureFile('malformed/empty.csv')));
    expect(isDomainError(error) && error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('The file is empty.');
    expect(isDomainError(error) && error.reason?.code).toBe('fileEmpty');
    expect(await uploadCount(customerId)).toBe(0);
    expect(await t.queues.get('imports').getWaitingCount()).toBe(waiting);
  });
});

/** An ING export of `rows` distinct rows, with the sum of its amounts. */
function generatedIngExport(rows: number): { bytes: Buffer; sum: number } {
  const lines = ['"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"'];
  let sum = 0;
  for (let i = 0; i < rows; i += 1) {
    const date = `2024${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const cents = 1 + ((i * 7919) % 250_000);
    const credit = i % 5 === 0;
    sum += credit ? cents : -cents;
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    lines.push(`"${date}","Jumbo ${i % 700}","NL20INGB0001234567","","BA","${credit ? 'Bij' : 'Af'}","${amount}","Betaalautomaat","Boodschappen ${i}"`);
  }
  return { bytes: Buffer.from(lines.join('\r\n'), 'utf8'), sum };
}

describe('a failure half-way and running a job twice', () => {
  it('commits nothing when the import fails after its first batch, and a retry imports every row once', async () => {
    const customerId = await createCustomer();
    const { bytes, sum } = generatedIngExport(9_000);
    const stored = await service.storeUpload(customerId, { name: 'groot.csv', bytes });

    // Progress above 50 is reported from inside the insert transaction, after each batch of rows.
    const crash = new Error('connection to Redis lost');
    const error = await rejectionOf(
      runImport(deps(), stored.id, async (percent) => {
        if (percent > 50) throw crash;
      }),
    );
    expect(error).toBe(crash);
    expect(await transactionCount(customerId)).toBe(0);
    expect(await uploadRow(stored.id)).toMatchObject({ status: 'parsing', rows_total: null, rows_imported: null, finished_at: null });
    expect(await hasContent(stored.id)).toBe(true);
    expect(await featuresJob(customerId)).toBeUndefined();

    const progress: number[] = [];
    expect(
      await runImport(deps(), stored.id, async (percent) => {
        progress.push(percent);
      }),
    ).toEqual({ status: 'imported', imported: 9_000, duplicate: 0 });
    expect(progress).toEqual([5, 30, 50, 70, 90, 95, 100]);
    expect(await transactionCount(customerId)).toBe(9_000);
    expect(await sumsByCurrency(customerId)).toEqual({ EUR: sum });
    expect(await uploadRow(stored.id)).toMatchObject({ status: 'imported', rows_total: 9_000, rows_imported: 9_000, rows_duplicate: 0 });
    expect(await hasContent(stored.id)).toBe(false);
  });

  it('answers "already-imported" to a second run and adds nothing', async () => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    await runImport(deps(), stored.id);
    const before = await uploadRow(stored.id);
    expect(await runImport(deps(), stored.id)).toEqual({ status: 'already-imported' });
    expect(await transactionCount(customerId)).toBe(16);
    expect(await uploadRow(stored.id)).toEqual(before);
  });

  it('imports once and keeps the right counts when two runs of the same job overlap', async () => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    const results = await Promise.all([runImport(deps(), stored.id), runImport(deps(), stored.id)]);
    expect(results).toContainEqual({ status: 'imported', imported: 16, duplicate: 0 });
    expect(results).toContainEqual({ status: 'already-imported' });
    expect(await transactionCount(customerId)).toBe(16);
    expect(await uploadRow(stored.id)).toMatchObject({ status: 'imported', rows_total: 16, rows_imported: 16, rows_duplicate: 0 });
  });

  it('reports an upload that no longer exists as missing', async () => {
    expect(await runImport(deps(), randomUUID())).toEqual({ status: 'missing' });
  });
});
