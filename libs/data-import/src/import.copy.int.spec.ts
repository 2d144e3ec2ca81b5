import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uploadRepository } from './upload.repository';
import { createImportService, runImport, type ImportService } from './import.service';
import { parseStatement } from './parse-statement';
import { useImportTestEnv } from './testing/import-test-env';

const t = useImportTestEnv();
let service: ImportService;

beforeAll(() => {
  service = createImportService(t.deps());
});

const HEADER = '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"';
const row = (name: string, notes: string, cents = '3,20') =>
  `"20240301","${name.replace(/"/g, '""')}","NL20INGB0001234567","","BA","Af","${cents}","Betaalautomaat","${notes.replace(/"/g, '""')}"`;

describe('the COPY path of an import', () => {
  it('stores hostile text exactly as the parser read it: backslashes, COPY escapes, quotes, tabs and line breaks, unicode', async () => {
    const customerId = await t.createCustomer();
    const lines = [
      row('Bakkerij "De Zaak" \\ Ω', 'Omschrijving: back\\slash \\N \\. \\t \\\\ literally'),
      row('Tab\there', 'Omschrijving: over\r\ntwo lines\tand a tab'),
      row('Zoë 😀 Müller', 'Omschrijving: ﬁ ① Ⅻ \u200b end', '1.234,56'),
      row('\\', 'Omschrijving: \\'),
    ];
    const bytes = Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8');
    const stored = await service.storeUpload(customerId, { name: 'vreemd.csv', bytes });
    expect(await runImport(t.deps(), stored.id)).toEqual({ status: 'imported', imported: 4, duplicate: 0 });

    const parsed = parseStatement({ name: 'vreemd.csv', bytes }).transactions;
    const rows = await t.db
      .selectFrom('transactions')
      .select(['counterparty_name', 'description', 'amount_cents', 'booked_on'])
      .where('customer_id', '=', customerId)
      .orderBy('id')
      .execute();
    expect(rows).toEqual(parsed.map((tx) => ({ counterparty_name: tx.counterpartyName, description: tx.description, amount_cents: tx.amountCents, booked_on: tx.bookedOn })));
    expect(rows[0]!.description).toBe('back\\slash \\N \\. \\t \\\\ literally');

    // The same file again adds nothing: the merge skips every known key.
    const again = await service.storeUpload(customerId, { name: 'vreemd.csv', bytes });
    expect(await runImport(t.deps(), again.id)).toEqual({ status: 'imported', imported: 0, duplicate: 4 });
    expect(await t.transactionCount(customerId)).toBe(4);
  });

  it('keeps a waiting file lz4-compressed where PostgreSQL has lz4 (pglz otherwise) and reads it back byte for byte', async () => {
    // The machine's PostgreSQL has lz4; the embedded one `npm test` starts without TEST_DATABASE_URL does not.
    const lz4 = await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`create temp table lz4_probe (b bytea compression lz4) on commit drop`.execute(trx);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof Error && /lz4 not supported/.test(error.message)) return false;
        throw error;
      });
    const customerId = await t.createCustomer();
    const lines = Array.from({ length: 4_000 }, (_, i) => row(`Winkel ${i % 40}`, `Omschrijving: bestelling ${i}`));
    const bytes = Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8');
    const stored = await service.storeUpload(customerId, { name: 'groot.csv', bytes });
    const { rows } = await sql<{ method: string | null }>`
      select pg_column_compression(bytes) as method from upload_contents where upload_id = ${stored.id}
    `.execute(t.db);
    // pglz, PostgreSQL's default, spends more time compressing a large statement than storing it takes otherwise.
    expect(rows).toEqual([{ method: lz4 ? 'lz4' : 'pglz' }]);
    const read = await uploadRepository.content(t.db, stored.id);
    expect(read?.equals(bytes)).toBe(true);
  });
});
