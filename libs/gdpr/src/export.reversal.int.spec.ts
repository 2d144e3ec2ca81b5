import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@dd/db';
import { createTestDatabase, insertTestCustomer, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { createGdprService, runExport } from './gdpr.service';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const NOW = new Date('2026-11-30T10:00:00.000Z');

describe('the export of a customer with a reversal', () => {
  it('marks the reversal in the transactions CSV and JSON, and only that row', async () => {
    const customerId = await insertTestCustomer(db);
    const row = (booked_on: string, amount_cents: number, is_reversal: boolean) => ({
      customer_id: customerId,
      booked_on,
      amount_cents,
      counterparty_name: 'Vattenfall Klantenservice N.V.',
      description: is_reversal ? 'Terugboeking incasso' : 'Termijnbedrag',
      category: 'energy',
      dedupe_key: `export-reversal-${booked_on}`,
      is_reversal,
    });
    await db.insertInto('transactions').values([row('2026-11-05', -11_240, false), row('2026-11-07', 11_240, true)]).execute();

    const gdpr = createGdprService({ db, queues: redis.queues, now: () => NOW });
    const requested = await gdpr.requestExport(customerId);
    expect(await runExport(db, requested.id, NOW)).toBe('ready');
    const files = unzipSync(new Uint8Array((await gdpr.download(customerId, requested.id)).bytes));

    const [header = [], ...records] = parse(strFromU8(files['transactions.csv']!)) as string[][];
    const at = (column: string) => header.indexOf(column);
    expect(at('is_reversal')).toBeGreaterThan(-1);
    // The CSV writes booleans the way the other flag columns (special, protected_life_event) are written.
    expect(records.map((r) => [r[at('booked_on')], r[at('amount_cents')], r[at('is_reversal')]])).toEqual([
      ['2026-11-05', '-11240', ''],
      ['2026-11-07', '11240', '1'],
    ]);
    const json = JSON.parse(strFromU8(files['transactions.json']!)) as { is_reversal: boolean }[];
    expect(json.map((t) => t.is_reversal)).toEqual([false, true]);
  });
});
