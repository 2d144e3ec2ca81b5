import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createImportService, runImport } from './import.service';

const ROWS = 50_000;

let tdb: TestDatabase;
let testQueues: ReturnType<typeof createTestQueues>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
});

afterAll(async () => {
  await testQueues?.close();
  await tdb?.drop();
});

/** A year of a very busy ING account, semicolon export with CRLF line ends; every row distinct. */
function bigIngExport(): { bytes: Buffer; sum: number } {
  const lines = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"'];
  let sum = 0;
  for (let i = 0; i < ROWS; i += 1) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const cents = 1 + ((i * 7919) % 250_000);
    const credit = i % 5 === 0;
    sum += credit ? cents : -cents;
    const euros = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    lines.push(
      `"2024${month}${day}";"Albert Heijn ${i % 900}";"NL20INGB0001234567";"";"BA";"${credit ? 'Bij' : 'Af'}";"${euros},${String(cents % 100).padStart(2, '0')}";` +
        `"Betaalautomaat";"Pasvolgnr: 008 ${day}-${month}-2024 Transactie: ${i} Valutadatum: ${day}-${month}-2024";"1.234,56";""`,
    );
  }
  return { bytes: Buffer.from(lines.join('\r\n'), 'utf8'), sum };
}

describe('a 50,000-row statement', () => {
  it('imports every row, in one go', async () => {
    const { id: customerId } = await tdb.db
      .insertInto('users')
      .values({ email: 'druk@example.nl', password_hash: 'x', role: 'customer', display_name: 'Eva Jansen' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tdb.db.insertInto('customer_profiles').values({ user_id: customerId }).execute();
    const { bytes, sum } = bigIngExport();
    const deps = { db: tdb.db, queues: testQueues.queues };

    const stored = await createImportService(deps).storeUpload(customerId, { name: 'jaaroverzicht.csv', bytes });
    expect(await runImport(deps, stored.id)).toEqual({ status: 'imported', imported: ROWS, duplicate: 0 });

    const totals = await tdb.db
      .selectFrom('transactions')
      .select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('amount_cents').as('total'), (eb) => eb.fn.count('category').as('categorised')])
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect({ n: Number(totals.n), total: Number(totals.total), categorised: Number(totals.categorised) }).toEqual({ n: ROWS, total: sum, categorised: ROWS });
    expect(await tdb.db.selectFrom('uploads').select(['status', 'rows_total', 'rows_imported']).where('id', '=', stored.id).executeTakeFirst()).toEqual({
      status: 'imported',
      rows_total: ROWS,
      rows_imported: ROWS,
    });
  });
});
