import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@dd/db';
import { createImportService, failImport, runImport, sweepStuckUploads, type ImportService } from './import.service';
import { MAX_FIELD_CHARS, MAX_STORED_DESCRIPTION_CHARS, MAX_STORED_NAME_CHARS, MAX_XML_ELEMENTS } from './limits';
import { TRUNCATION_MARKER } from './text';
import { fixtureFile } from './testing/fixtures';
import { useImportTestEnv } from './testing/import-test-env';
import { createTransactionsService } from './transactions.service';

const t = useImportTestEnv();
const { createCustomer, uploadRow, transactionCount, hasContent, featuresJob } = t;
let service: ImportService;
const deps = () => t.deps();

beforeAll(() => {
  service = createImportService(deps());
});

const CAMT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n';

/** A one-entry CAMT.053 statement with the given creditor name and remittance text. */
function camt(name: string, remittance: string, reference = 'REF-1'): Buffer {
  return Buffer.from(
    `${CAMT_HEAD}<BkToCstmrStmt><Stmt><Acct><Id><IBAN>NL48KNAB0255813746</IBAN></Id><Ccy>EUR</Ccy></Acct>\n` +
      `<Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt><AcctSvcrRef>${reference}</AcctSvcrRef>\n` +
      `<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>${name}</Nm></Cdtr></RltdPties><RmtInf><Ustrd>${remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n` +
      '</Stmt></BkToCstmrStmt></Document>\n',
  );
}

/** Stores the file, runs the import as the worker would (one attempt) and returns the upload as the customer sees it. */
async function importOnce(customerId: string, file: { name: string; bytes: Buffer }) {
  const stored = await service.storeUpload(customerId, file);
  // Resolving (not throwing) is what makes the job finish on its first attempt: a refusal is never retried.
  const result = await runImport(deps(), stored.id);
  return { result, upload: await service.get(customerId, stored.id) };
}

describe('statements beyond the parser limits fail once, with a reason, and leave nothing behind', () => {
  it('fails a CAMT.053 nested 101 levels deep (1.2 KB, no DTD): reason, file deleted, nothing imported', async () => {
    const customerId = await createCustomer();
    const { result, upload } = await importOnce(customerId, fixtureFile('malformed/camt053-nested-101.xml'));
    expect(result).toEqual({ status: 'failed' });
    expect(upload).toMatchObject({ status: 'failed', error: { code: 'rowProblems', totalProblems: 1, problems: [{ line: 3, code: 'xmlTooDeep', params: { limit: 32 } }] } });
    expect(upload.finishedAt).not.toBeNull();
    expect(await hasContent(upload.id)).toBe(false);
    expect(await transactionCount(customerId)).toBe(0);
    expect(await featuresJob(customerId)).toBeUndefined();
    // A second run of the job (at-least-once) changes nothing.
    expect(await runImport(deps(), upload.id)).toEqual({ status: 'failed' });
    expect(await service.get(customerId, upload.id)).toEqual(upload);
  });

  it('fails an element-count bomb without building it', async () => {
    const customerId = await createCustomer();
    const bomb = Buffer.from(`${CAMT_HEAD}<BkToCstmrStmt><Stmt>${'<a/>'.repeat(MAX_XML_ELEMENTS + 1)}</Stmt></BkToCstmrStmt></Document>\n`);
    const { result, upload } = await importOnce(customerId, { name: 'camt.xml', bytes: bomb });
    expect(result).toEqual({ status: 'failed' });
    expect(upload.error).toMatchObject({ code: 'tooManyElements', params: { limit: MAX_XML_ELEMENTS }, problems: [] });
    expect(await hasContent(upload.id)).toBe(false);
    expect(await transactionCount(customerId)).toBe(0);
  });

  it('fails a statement with a value over the field limit, naming the line', async () => {
    const customerId = await createCustomer();
    const { upload } = await importOnce(customerId, { name: 'camt.xml', bytes: camt('Albert Heijn', 'x'.repeat(MAX_FIELD_CHARS + 1)) });
    expect(upload).toMatchObject({ status: 'failed', error: { problems: [{ line: 5, code: 'fieldTooLong', params: { limit: MAX_FIELD_CHARS } }] } });
    expect(await hasContent(upload.id)).toBe(false);
    expect(await transactionCount(customerId)).toBe(0);
  });

  it('fails a CSV with an over-long line, naming it', async () => {
    const customerId = await createCustomer();
    const [header, first, second] = fixtureFile('ing/ing-current-comma.csv').bytes.toString('utf8').split(/\r?\n/);
    const text = [header, first, second!.replace('"Betaalautomaat"', `"Betaalautomaat${' '.repeat(10_000)}"`)].join('\n');
    const { upload } = await importOnce(customerId, { name: 'ing.csv', bytes: Buffer.from(text) });
    expect(upload).toMatchObject({ status: 'failed', error: { problems: [{ line: 3, code: 'lineTooLong' }] } });
    expect(await transactionCount(customerId)).toBe(0);
  });
});

describe('a streamed upload', () => {
  /** A stream of `chunks` chunks of 1 MiB, made only as they are read; `pulled` counts how many were. */
  function lazyStream(chunks: number) {
    const counter = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (counter.pulled === chunks) return controller.close();
        counter.pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x41));
      },
    });
    return { stream, counter };
  }

  it('is stored whole, hashed on the way', async () => {
    const customerId = await createCustomer();
    const bytes = fixtureFile('ing/ing-current-comma.csv').bytes;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // In pieces, as a socket delivers it.
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.subarray(i, i + 100));
        controller.close();
      },
    });
    const stored = await service.storeUpload(customerId, { name: 'ing.csv', stream });
    expect(stored).toMatchObject({ status: 'stored', byteSize: bytes.length });
    const row = await t.db.selectFrom('upload_contents').select('bytes').where('upload_id', '=', stored.id).executeTakeFirstOrThrow();
    expect(row.bytes.equals(bytes)).toBe(true);
    expect((await uploadRow(stored.id)).sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('stops reading at the first byte over the limit and stores nothing', async () => {
    const customerId = await createCustomer();
    const { stream, counter } = lazyStream(64);
    const error = await service.storeUpload(customerId, { name: 'groot.csv', stream }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', reason: { code: 'fileTooLarge', params: { limitMb: 20 } } });
    // 21 MiB read (the 21st chunk crosses the limit), not the 64 MiB on offer.
    expect(counter.pulled).toBeLessThanOrEqual(22);
    expect(await t.uploadCount(customerId)).toBe(0);
  });

  it('refuses an empty stream', async () => {
    const customerId = await createCustomer();
    const { stream } = lazyStream(0);
    await expect(service.storeUpload(customerId, { name: 'leeg.csv', stream })).rejects.toMatchObject({ reason: { code: 'fileEmpty' } });
    expect(await t.uploadCount(customerId)).toBe(0);
  });
});

describe('stored texts are bounded', () => {
  it('cuts a long description and name with a marker, and the same file again adds nothing', async () => {
    const customerId = await createCustomer();
    const file = { name: 'camt.xml', bytes: camt('N'.repeat(500), 'Omschrijving '.repeat(500)) };
    const { upload } = await importOnce(customerId, file);
    expect(upload).toMatchObject({ status: 'imported', rowsImported: 1 });
    const row = await t.db.selectFrom('transactions').select(['description', 'counterparty_name']).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
    expect(row.description).toHaveLength(MAX_STORED_DESCRIPTION_CHARS);
    expect(row.description.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(row.description.startsWith('Omschrijving Omschrijving')).toBe(true);
    expect(row.counterparty_name).toBe(`${'N'.repeat(MAX_STORED_NAME_CHARS - 1)}${TRUNCATION_MARKER}`);
    // The dedupe key comes from the full text, so it is the one a later upload of the same file computes.
    const again = await importOnce(customerId, file);
    expect(again.upload).toMatchObject({ status: 'imported', rowsImported: 0, rowsDuplicate: 1 });
  });

  it('keeps the list page small even for a row stored before the bound existed', async () => {
    const customerId = await createCustomer();
    await t.db
      .insertInto('transactions')
      .values({ customer_id: customerId, booked_on: '2024-03-01', amount_cents: -100, counterparty_name: 'n'.repeat(5_000), description: 'd'.repeat(2_000_000), dedupe_key: 'legacy-1', category: 'other' })
      .execute();
    const page = await createTransactionsService(deps()).list(customerId, { limit: 50 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.description).toHaveLength(MAX_STORED_DESCRIPTION_CHARS);
    expect(page.items[0]!.counterpartyName).toHaveLength(MAX_STORED_NAME_CHARS);
  });
});

/** Moves an upload's creation back in time, as if it had been waiting that long. */
async function ageUpload(uploadId: string, minutes: number, status?: 'parsing') {
  // created_at is never updated by the code, so its type forbids it: raw SQL for the test.
  await sql`update uploads set created_at = now() - make_interval(mins => ${minutes}) where id = ${uploadId}`.execute(t.db);
  if (status) await t.db.updateTable('uploads').set({ status }).where('id', '=', uploadId).execute();
}

describe('no upload stays in progress', () => {
  it('the sweep fails uploads stuck past the time limit, deletes their files, and leaves the rest alone', async () => {
    const customerId = await createCustomer();
    const stuck = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    await ageUpload(stuck.id, 16, 'parsing');
    const waiting = await service.storeUpload(customerId, fixtureFile('ing/ing-current-semicolon.csv'));
    await ageUpload(waiting.id, 20);
    const recent = await service.storeUpload(customerId, fixtureFile('rabobank/rabobank.csv'));
    await ageUpload(recent.id, 14, 'parsing');
    const done = await service.storeUpload(customerId, fixtureFile('abn-amro/TXT240402093015.TAB'));
    await runImport(deps(), done.id);
    await ageUpload(done.id, 60);

    const failed = await sweepStuckUploads(t.db);
    expect(failed.sort()).toEqual([stuck.id, waiting.id].sort());
    for (const id of [stuck.id, waiting.id]) {
      expect(await service.get(customerId, id)).toMatchObject({
        status: 'failed',
        error: { code: 'importTimedOut', params: { minutes: 15 }, message: expect.stringContaining('did not finish within 15 minutes') },
      });
      expect(await hasContent(id)).toBe(false);
    }
    expect(await uploadRow(recent.id)).toMatchObject({ status: 'parsing', error: null });
    expect(await hasContent(recent.id)).toBe(true);
    expect(await uploadRow(done.id)).toMatchObject({ status: 'imported' });

    // The job of a swept upload that runs after all imports nothing.
    expect(await runImport(deps(), stuck.id)).toEqual({ status: 'failed' });
    expect(await transactionCount(customerId)).toBe(14);
    expect(await sweepStuckUploads(t.db)).toEqual([]);
  });

  it('a run that was still going when the sweep failed its upload commits nothing', async () => {
    const customerId = await createCustomer();
    const stored = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    const result = await runImport(deps(), stored.id, async (percent) => {
      // Between parsing and the insert transaction: the sweep decides the upload took too long.
      if (percent === 50) {
        await ageUpload(stored.id, 16);
        expect(await sweepStuckUploads(t.db)).toEqual([stored.id]);
      }
    });
    expect(result).toEqual({ status: 'failed' });
    expect(await transactionCount(customerId)).toBe(0);
    expect(await service.get(customerId, stored.id)).toMatchObject({ status: 'failed', error: { code: 'importTimedOut' } });
  });

  it('a job that failed for good fails its upload and deletes the file, but never overrides a finished one', async () => {
    const customerId = await createCustomer();
    const crashed = await service.storeUpload(customerId, fixtureFile('ing/ing-current-comma.csv'));
    await ageUpload(crashed.id, 1, 'parsing');
    expect(await failImport(t.db, crashed.id)).toBe(true);
    expect(await service.get(customerId, crashed.id)).toMatchObject({ status: 'failed', progress: 0, error: { code: 'importFailed', problems: [] } });
    expect(await hasContent(crashed.id)).toBe(false);

    const refused = await service.storeUpload(customerId, fixtureFile('malformed/ing-bad-rows.csv'));
    await runImport(deps(), refused.id);
    const reason = (await service.get(customerId, refused.id)).error;
    expect(await failImport(t.db, refused.id)).toBe(false);
    expect((await service.get(customerId, refused.id)).error).toEqual(reason);

    const imported = await service.storeUpload(customerId, fixtureFile('rabobank/rabobank.csv'));
    await runImport(deps(), imported.id);
    expect(await failImport(t.db, imported.id)).toBe(false);
    expect(await uploadRow(imported.id)).toMatchObject({ status: 'imported', error: null });
  });
});
