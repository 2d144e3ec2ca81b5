import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionService } from '@dd/accounts';
import { createConsentService } from '@dd/consent';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { DomainError } from '@dd/errors';
import { createMailTransport, sendOutboxMessage } from '@dd/mail';
import { recomputeFeatures } from '@dd/profile';
import type { Queues } from '@dd/queue';
import { createTestQueues } from '@dd/queue/testing';
import { EXCLUDED_FROM_EXPORT, EXPORTED_TABLES } from './export.coverage';
import { createGdprService, EXPORT_RETENTION_DAYS, purgeExpiredExports, runErasure, runExport } from './gdpr.service';

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
let queues: Queues;
beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  queues = redis.queues;
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T10:00:00.000Z');
const gdprAt = (at: Date) => createGdprService({ db, queues, now: () => at });
const sessions = () => createSessionService({ db, ttlHours: 24, now: () => NOW });

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

interface Person {
  id: string;
  email: string;
  displayName: string;
  iban: string;
  counterparty: string;
}

async function insertCustomer(person: Omit<Person, 'id'>): Promise<string> {
  const { id } = await db
    .insertInto('users')
    .values({ email: person.email, password_hash: 'unused-in-this-test', role: 'customer', display_name: person.displayName })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('customer_profiles')
    .values({ user_id: id, birth_year: 1985, province: 'NL-UT', municipality: 'Utrecht', household_size: 2, interests: ['travel'] })
    .execute();
  return id;
}

let dedupe = 0;
async function insertTransactions(customerId: string, person: Omit<Person, 'id'>, uploadId: string | null) {
  const row = (booked_on: string, amount_cents: number, counterparty_name: string, category: string, special = false) => ({
    customer_id: customerId,
    booked_on,
    amount_cents,
    counterparty_name,
    counterparty_iban: counterparty_name === person.counterparty ? person.iban : null,
    description: `Pasvolgnr: 001 ${booked_on}`,
    bank_code: 'BA',
    category,
    special,
    dedupe_key: `test-${++dedupe}`,
    upload_id: uploadId,
  });
  await db
    .insertInto('transactions')
    .values([
      row('2026-11-02', -12_345, person.counterparty, 'home'),
      row('2026-11-10', -4_560, 'Albert Heijn 1234', 'groceries'),
      row('2026-11-12', -2_995, 'Apotheek De Gaper', 'health', true),
    ])
    .execute();
}

const RECEIPT_PURPOSE = 'Wij onderzoeken hoe vaak gezinnen in Utrecht op vakantie gaan.';
const OFFER_PURPOSE = 'We willen fietsers in Utrecht een korting op onderhoud aanbieden.';

/** A delivered offer campaign of one advertiser, for members' inboxes. */
async function offerCampaign(): Promise<string> {
  const { id: organisationId } = await db.insertInto('organisations').values({ name: 'Fietsenwinkel De Spaak', status: 'verified' }).returning('id').executeTakeFirstOrThrow();
  const segment = JSON.stringify({ field: 'municipality', in: ['Utrecht'] });
  const { id } = await db
    .insertInto('purchase_requests')
    .values({
      organisation_id: organisationId, product: 'offer_campaign', purpose: 'offers', title: 'Voorjaarsactie', purpose_statement: OFFER_PURPOSE,
      segment, canonical_key: createHash('sha256').update(segment).digest('hex'), categories: [], offer_title: 'Gratis fietscontrole',
      offer_body: 'Alleen in april.', offer_url: 'https://example.nl/fiets', offer_ends_on: '2026-12-31', estimated_members: 20, max_members: 20,
      price_per_member_cents: 50, reserved_cents: 1_000, status: 'approved',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Everything one customer can leave behind, through the services where there is one. */
async function fillEverything(person: Omit<Person, 'id'>): Promise<Person & { token: string; uploadId: string; exportId: string }> {
  const id = await insertCustomer(person);
  const csv = [
    '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"',
    `"20261102";"${person.counterparty}";"NL69INGB0123456789";"${person.iban}";"OV";"Af";"123,45";"Overschrijving";"Naam: ${person.displayName} Email: ${person.email}"`,
  ].join('\r\n');
  const bytes = Buffer.from(csv, 'utf8');
  const { id: uploadId } = await db
    .insertInto('uploads')
    .values({
      customer_id: id,
      // ING names its exports after the account: the file name alone is personal data.
      file_name: `${person.iban}_01-11-2026_30-11-2026.csv`,
      byte_size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      status: 'imported',
      format: 'ing_csv',
      rows_total: 1,
      rows_imported: 1,
      rows_duplicate: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('upload_contents').values({ upload_id: uploadId, bytes }).execute();
  await insertTransactions(id, person, uploadId);
  await recomputeFeatures(db, id, NOW);
  await createConsentService({ db, now: () => NOW }).update(id, {
    changes: [
      { category: 'groceries', purpose: 'insights', granted: true },
      { category: 'home', purpose: 'offers', granted: true },
    ],
    excludedIndustries: ['gambling'],
  });
  await db
    .insertInto('data_use_receipts')
    .values({
      customer_id: id,
      occurred_at: new Date(NOW.getTime() - 3 * DAY),
      advertiser_name: 'Reisbureau Zonnig B.V.',
      product: 'insight_report',
      purpose: 'insights',
      categories: ['groceries'],
      audience_size: 1_250,
      share_cents: 37,
      reference: `sale-${randomUUID()}`,
      purpose_statement: RECEIPT_PURPOSE,
    })
    .execute();
  const requestId = await offerCampaign();
  await db.insertInto('offer_deliveries').values({ request_id: requestId, customer_id: id, opened_at: new Date(NOW.getTime() - DAY) }).execute();
  await db.insertInto('member_privacy_spend').values({ customer_id: id, period: '2026-11', spent_micro: 250_000 }).execute();
  const { token } = await sessions().issue(id);
  await db.insertInto('sign_in_failures').values({ user_id: id }).execute();
  await db.insertInto('known_devices').values({ token_hash: createHash('sha256').update(randomUUID()).digest('hex'), user_id: id, expires_at: new Date(NOW.getTime() + 90 * DAY) }).execute();
  const requested = await gdprAt(NOW).requestExport(id);
  expect(await runExport(db, requested.id, NOW)).toBe('ready');
  return { ...person, id, token, uploadId, exportId: requested.id };
}

const unique = () => randomUUID().slice(0, 8);
function newPerson(family: string, iban: string): Omit<Person, 'id'> {
  const tag = unique();
  return {
    email: `${family.toLowerCase()}.${tag}@example.nl`,
    displayName: `Wilhelmina ${family}-${tag}`,
    iban,
    counterparty: `Orchideeënkwekerij ${family} ${tag}`,
  };
}

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

async function publicTables(): Promise<{ name: string; byteaColumns: string[] }[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const bytea = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type = 'bytea'`.execute(db);
  return tables.rows.map(({ table_name }) => ({
    name: table_name,
    byteaColumns: bytea.rows.filter((c) => c.table_name === table_name).map((c) => c.column_name),
  }));
}

/**
 * For each needle, the tables in which it occurs anywhere: in any column as text, in bytea as
 * hex, and in bytea as the raw bytes, ZIP archives included (unpacked, since deflate hides text).
 */
async function whereFound(needles: Record<string, string>): Promise<Record<string, string[]>> {
  const found: Record<string, Set<string>> = Object.fromEntries(Object.keys(needles).map((label) => [label, new Set<string>()]));
  const check = (table: string, haystack: string) => {
    const lower = haystack.toLowerCase();
    for (const [label, needle] of Object.entries(needles)) {
      if (lower.includes(needle.toLowerCase()) || lower.includes(hex(needle)) || lower.includes(hex(needle.toLowerCase()))) found[label]?.add(table);
    }
  };
  for (const table of await publicTables()) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table.name)} t`.execute(db);
    for (const { row } of rows.rows) check(table.name, row);
    for (const column of table.byteaColumns) {
      const values = await sql<{ bytes: Buffer }>`select ${sql.ref(column)} as bytes from ${sql.table(table.name)}`.execute(db);
      for (const { bytes } of values.rows) {
        check(table.name, bytes.toString('utf8'));
        if (isZip(bytes)) for (const file of Object.values(unzipSync(new Uint8Array(bytes)))) check(table.name, strFromU8(file));
      }
    }
  }
  return Object.fromEntries(Object.entries(found).map(([label, tables]) => [label, [...tables].sort()]));
}

/** Every row of every table as text, sorted per table. */
async function snapshot(): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const table of await publicTables()) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table.name)} t`.execute(db);
    result.set(table.name, rows.rows.map((r) => r.row).sort());
  }
  return result;
}

describe('export', () => {
  it('asking again while an export is being prepared returns that same export', async () => {
    const person = newPerson('Exportverzoek', 'NL20INGB0001234567');
    const id = await insertCustomer(person);
    const gdpr = gdprAt(NOW);
    const first = await gdpr.requestExport(id);
    const second = await gdpr.requestExport(id);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'requested', readyAt: null, expiresAt: null, downloadUrl: null });
    expect(await db.selectFrom('data_exports').select('id').where('customer_id', '=', id).execute()).toEqual([{ id: first.id }]);
    const jobs = (await queues.get('gdpr').getJobs(['waiting'])).filter((job) => (job.data as { exportId?: string }).exportId === first.id);
    expect(jobs.map((job) => [job.id, job.name])).toEqual([[`export-${first.id}`, 'gdpr.export']]);

    // Once it is ready, asking again starts a new one.
    await runExport(db, first.id, NOW);
    const third = await gdpr.requestExport(id);
    expect(third.id).not.toBe(first.id);
    expect((await gdpr.exports(id)).map((e) => [e.id, e.status])).toEqual(
      expect.arrayContaining([
        [first.id, 'ready'],
        [third.id, 'requested'],
      ]),
    );
  });

  it('builds a ZIP with JSON and CSV of everything stored about the customer, and only theirs', async () => {
    const owner = await fillEverything(newPerson('Zipvanderberg', 'NL44RABO0123456789'));
    const other = await fillEverything(newPerson('Anderman', 'NL55ABNA0987654321'));
    const { bytes } = await gdprAt(NOW).download(owner.id, owner.exportId);
    const files = unzipSync(new Uint8Array(bytes));
    const names = Object.keys(files).sort();
    for (const name of [
      'README.txt', 'account.json', 'profile.json', 'features.json', 'transactions.json', 'transactions.csv', 'uploads.json', 'uploads.csv',
      'consent-history.json', 'consent-history.csv', 'industry-exclusions.json', 'industry-exclusions.csv', 'timeline.json', 'timeline.csv',
      'earnings.json', 'earnings.csv', 'offers.json', 'offers.csv', 'known-devices.json', 'known-devices.csv', 'sessions.json', 'sessions.csv',
      'sign-in-failures.json', 'sign-in-failures.csv', 'payout-requests.json', 'payout-requests.csv', 'privacy-budget.json', 'privacy-budget.csv',
      'privacy-charges.json', 'privacy-charges.csv',
    ]) {
      expect(names).toContain(name);
    }
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const json = (name: string) => JSON.parse(text(name)) as unknown;

    expect(json('account.json')).toMatchObject({ email: owner.email, displayName: owner.displayName });
    expect(json('profile.json')).toMatchObject({ birth_year: 1985, province: 'NL-UT', municipality: 'Utrecht', household_size: 2, interests: ['travel'] });
    const transactions = json('transactions.json') as { counterparty_name: string; counterparty_iban: string | null; amount_cents: number; category: string; special: boolean }[];
    expect(transactions.map((t) => [t.counterparty_name, t.amount_cents, t.category])).toEqual([
      [owner.counterparty, -12_345, 'home'],
      ['Albert Heijn 1234', -4_560, 'groceries'],
      // Special categories are the customer's own data: shown to them, in their export.
      ['Apotheek De Gaper', -2_995, 'health'],
    ]);
    expect(transactions[0]?.counterparty_iban).toBe(owner.iban);
    const csv = text('transactions.csv');
    expect(csv.split('\n')[0]).toBe('booked_on,amount_cents,currency,counterparty_name,counterparty_iban,description,bank_code,category,category_source,special,protected_life_event,is_reversal');
    expect(csv).toContain(`2026-11-02,-12345,EUR,${owner.counterparty},${owner.iban}`);
    const consent = json('consent-history.json') as { category: string; purpose: string; granted: boolean; policy_version: string; policy_text_hash: string }[];
    expect(consent.map((c) => `${c.category}|${c.purpose}|${c.granted}`).sort()).toEqual(['groceries|insights|true', 'home|offers|true']);
    expect(consent.every((c) => c.policy_version.length > 0 && /^[0-9a-f]{64}$/.test(c.policy_text_hash))).toBe(true);
    expect(text('consent-history.csv').split('\n')[0]).toContain('policy_text_hash');
    expect(json('industry-exclusions.json')).toEqual([expect.objectContaining({ industry: 'gambling', excluded: true })]);
    expect(json('timeline.json')).toEqual([expect.objectContaining({ advertiser_name: 'Reisbureau Zonnig B.V.', product: 'insight_report', share_cents: 37 })]);
    expect(json('earnings.json')).toEqual([{ occurred_at: new Date(NOW.getTime() - 3 * DAY).toISOString(), advertiser: 'Reisbureau Zonnig B.V.', product: 'insight_report', share_cents: 37 }]);
    expect(json('timeline.json')).toEqual([expect.objectContaining({ purpose_statement: RECEIPT_PURPOSE })]);
    // The offers inbox, with what the customer did with each offer.
    expect(json('offers.json')).toEqual([
      {
        advertiser: 'Fietsenwinkel De Spaak', purpose_statement: OFFER_PURPOSE, offer_title: 'Gratis fietscontrole', offer_body: 'Alleen in april.',
        offer_url: 'https://example.nl/fiets', offer_code: null, offer_ends_on: '2026-12-31', delivered_at: expect.any(String),
        opened_at: new Date(NOW.getTime() - DAY).toISOString(), clicked_at: null, dismissed_at: null,
      },
    ]);
    expect(text('offers.csv').split('\n')[0]).toContain('opened_at,clicked_at,dismissed_at');
    expect(json('known-devices.json')).toEqual([{ created_at: expect.any(String), last_used_at: expect.any(String), expires_at: new Date(NOW.getTime() + 90 * DAY).toISOString() }]);
    expect(json('sessions.json')).toEqual([expect.objectContaining({ created_at: expect.any(String), revoked_at: null })]);
    expect(json('sign-in-failures.json')).toEqual([{ failed_at: expect.any(String) }]);
    expect(json('privacy-budget.json')).toEqual([{ period: '2026-11', spent_micro: 250_000 }]);
    expect(json('payout-requests.json')).toEqual([]);
    // Secrets are not information about the customer: no password or token hashes anywhere.
    const hashes = await db.selectFrom('known_devices').select('token_hash').where('user_id', '=', owner.id).execute();
    const sessionHashes = await db.selectFrom('sessions').select('token_hash').where('user_id', '=', owner.id).execute();
    for (const { token_hash } of [...hashes, ...sessionHashes]) expect(names.map(text).join('\n')).not.toContain(token_hash);
    expect(names.map(text).join('\n')).not.toContain('unused-in-this-test');
    expect(json('uploads.json')).toEqual([expect.objectContaining({ file_name: `${owner.iban}_01-11-2026_30-11-2026.csv`, status: 'imported' })]);
    // The README explains every file the customer receives.
    for (const name of names.filter((n) => n !== 'README.txt')) expect(text('README.txt'), name).toContain(`${name.replace(/\.(json|csv)$/, '')}.json`);

    const everything = names.map(text).join('\n');
    for (const foreign of [other.email, other.displayName, other.iban, other.counterparty, other.id]) expect(everything).not.toContain(foreign);

    // Running the job again changes nothing.
    expect(await runExport(db, owner.exportId, new Date(NOW.getTime() + DAY))).toBe('already-ready');
    expect((await gdprAt(NOW).download(owner.id, owner.exportId)).bytes.equals(bytes)).toBe(true);
  });

  it('holds every table that refers to a customer, or says on the exclusion list why not', async () => {
    // Every foreign key to users.id, and every customer_id/user_id column (payouts and sales keep theirs without one).
    const keys = await sql<{ table_name: string; column_name: string }>`
      select c.conrelid::regclass::text as table_name, a.attname::text as column_name
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
       where c.contype = 'f' and c.confrelid = 'public.users'::regclass
      union
      select col.table_name::text, col.column_name::text
        from information_schema.columns col join information_schema.tables t on t.table_schema = col.table_schema and t.table_name = col.table_name
       where col.table_schema = 'public' and t.table_type = 'BASE TABLE' and col.column_name in ('customer_id', 'user_id')
       order by 1, 2`.execute(db);
    const references = keys.rows.map((r) => `${r.table_name}.${r.column_name}`);
    // The walk finds what it must: without these the test would prove nothing.
    expect(references).toEqual(expect.arrayContaining(['offer_deliveries.customer_id', 'known_devices.user_id', 'sessions.user_id', 'transactions.customer_id', 'payout_requests.customer_id']));
    const unaccounted = references.filter((ref) => {
      const table = ref.split('.')[0]!;
      return !(table in EXPORTED_TABLES) && !(table in EXCLUDED_FROM_EXPORT) && !(ref in EXCLUDED_FROM_EXPORT);
    });
    expect(unaccounted, 'tables referring to a customer that are neither exported nor excluded with a reason').toEqual([]);

    // Neither list names a table or column that does not exist (a rename would otherwise hide a gap), and no table is on both.
    const tables = new Set((await publicTables()).map((t) => t.name));
    const columns = await sql<{ ref: string }>`select table_name || '.' || column_name as ref from information_schema.columns where table_schema = 'public'`.execute(db);
    const existing = new Set(columns.rows.map((r) => r.ref));
    for (const entry of [...Object.keys(EXPORTED_TABLES), ...Object.keys(EXCLUDED_FROM_EXPORT)]) {
      expect(entry.includes('.') ? existing.has(entry) : tables.has(entry), entry).toBe(true);
    }
    for (const [entry, reason] of Object.entries(EXCLUDED_FROM_EXPORT)) {
      expect(reason.length, `reason for ${entry}`).toBeGreaterThan(20);
      if (!entry.includes('.')) expect(EXPORTED_TABLES[entry], entry).toBeUndefined();
    }

    // Every exported table has its file in the ZIP, as JSON and (for lists) CSV.
    const owner = await fillEverything(newPerson('Volledig', 'NL12INGB0000000012'));
    const files = unzipSync(new Uint8Array((await gdprAt(NOW).download(owner.id, owner.exportId)).bytes));
    for (const [table, file] of Object.entries(EXPORTED_TABLES)) expect(Object.keys(files), table).toContain(`${file}.json`);
  });

  it('writes the README in the customer\'s language, naming every file in the ZIP', async () => {
    const readmes: Record<string, string> = {};
    for (const locale of ['nl', 'en'] as const) {
      const owner = await fillEverything(newPerson(`Taal${locale}`, 'NL13INGB0000000013'));
      await db.updateTable('users').set({ locale }).where('id', '=', owner.id).execute();
      const requested = await gdprAt(NOW).requestExport(owner.id);
      await runExport(db, requested.id, NOW);
      const files = unzipSync(new Uint8Array((await gdprAt(NOW).download(owner.id, requested.id)).bytes));
      const readme = strFromU8(files['README.txt']!);
      for (const name of Object.keys(files).filter((n) => n !== 'README.txt')) expect(readme, `${locale}: ${name}`).toContain(`${name.replace(/\.(json|csv)$/, '')}.json`);
      readmes[locale] = readme;
    }
    expect(readmes.nl).toMatch(/^DataDividend: alles wat we over je bewaren/);
    expect(readmes.nl).toContain('Bedragen staan in eurocenten');
    expect(readmes.nl).not.toContain('everything we store about you');
    expect(readmes.en).toMatch(/^DataDividend: everything we store about you/);
    expect(readmes.en).toContain('Amounts are in euro cents');
    expect(readmes.en).not.toContain('alles wat we over je bewaren');
  });

  it('downloads for the owner within seven days, and for nobody else or later', async () => {
    const owner = await fillEverything(newPerson('Downloader', 'NL66INGB0000000066'));
    const stranger = await insertCustomer(newPerson('Vreemde', 'NL77INGB0000000077'));
    const row = await db.selectFrom('data_exports').select(['requested_at', 'expires_at', 'ready_at', 'byte_size']).where('id', '=', owner.exportId).executeTakeFirstOrThrow();
    expect(row.ready_at?.toISOString()).toBe(NOW.toISOString());
    expect(row.expires_at?.toISOString()).toBe(new Date(NOW.getTime() + EXPORT_RETENTION_DAYS * DAY).toISOString());
    const lastMoment = new Date(NOW.getTime() + 7 * DAY - 1);

    const download = await gdprAt(lastMoment).download(owner.id, owner.exportId);
    expect(download.fileName).toBe(`datadividend-export-${row.requested_at.toISOString().slice(0, 10)}.zip`);
    expect(download.bytes.length).toBe(row.byte_size);
    expect((await gdprAt(lastMoment).exports(owner.id)).find((e) => e.id === owner.exportId)?.downloadUrl).toBe(`/api/exports/${owner.exportId}/download`);

    const notYours = await rejection(gdprAt(NOW).download(stranger, owner.exportId));
    expect(notYours.code).toBe('NOT_FOUND');
    expect(notYours.message).toBe('This export does not exist.');
    for (const id of [randomUUID(), 'not-an-export-id', '------------------------------------']) {
      const unknown = await rejection(gdprAt(NOW).download(owner.id, id));
      expect(unknown.code).toBe('NOT_FOUND');
      expect(unknown.message).toBe('This export does not exist.');
    }

    const expiredAt = new Date(NOW.getTime() + 7 * DAY);
    const expired = await rejection(gdprAt(expiredAt).download(owner.id, owner.exportId));
    expect(expired.code).toBe('NOT_FOUND');
    expect(expired.message).toBe('This export is not available (any more). Request a new one.');
    expect((await gdprAt(expiredAt).exports(owner.id)).find((e) => e.id === owner.exportId)?.downloadUrl).toBeNull();

    // An export that is not ready yet cannot be downloaded either.
    const pending = await gdprAt(NOW).requestExport(owner.id);
    const notReady = await rejection(gdprAt(NOW).download(owner.id, pending.id));
    expect(notReady.message).toBe('This export is not available (any more). Request a new one.');
  });

  it('purging removes the file of an expired export, and only that', async () => {
    const owner = await fillEverything(newPerson('Opruimer', 'NL88INGB0000000088'));
    const fresh = await gdprAt(NOW).requestExport(owner.id);
    await runExport(db, fresh.id, new Date(NOW.getTime() + 3 * DAY));
    const files = async () => (await db.selectFrom('data_export_files').select('export_id').where('export_id', 'in', [owner.exportId, fresh.id]).execute()).map((r) => r.export_id).sort();
    expect(await files()).toEqual([owner.exportId, fresh.id].sort());

    expect(await purgeExpiredExports(db, new Date(NOW.getTime() + 7 * DAY - 1))).toBe(0);
    expect(await files()).toHaveLength(2);
    expect(await purgeExpiredExports(db, new Date(NOW.getTime() + 7 * DAY))).toBeGreaterThanOrEqual(1);
    expect(await files()).toEqual([fresh.id]);
    const gone = await rejection(gdprAt(new Date(NOW.getTime() + 7 * DAY)).download(owner.id, owner.exportId));
    expect(gone.message).toBe('This export is not available (any more). Request a new one.');
    expect((await gdprAt(new Date(NOW.getTime() + 7 * DAY)).download(owner.id, fresh.id)).bytes.length).toBeGreaterThan(0);
  });

  it('the timeline lists every sale the customer was part of', async () => {
    const owner = await fillEverything(newPerson('Tijdlijn', 'NL99INGB0000000099'));
    expect(await gdprAt(NOW).timeline(owner.id)).toEqual([
      {
        id: expect.any(Number),
        occurredAt: new Date(NOW.getTime() - 3 * DAY).toISOString(),
        advertiserName: 'Reisbureau Zonnig B.V.',
        product: 'insight_report',
        purpose: 'insights',
        purposeStatement: RECEIPT_PURPOSE,
        categories: ['groceries'],
        audienceSize: 1_250,
        shareCents: 37,
      },
    ]);
  });
});

describe('erasure', () => {
  it('removes every trace of the customer from every table, and leaves everyone else untouched', async () => {
    const erased = await fillEverything(newPerson('Zwanenburg', 'NL91ABNA0417164300'));
    const survivor = await fillEverything(newPerson('Oosterhout', 'NL02RABO0312345678'));
    const needles = { email: erased.email, displayName: erased.displayName, iban: erased.iban, counterparty: erased.counterparty };
    // Mail to each of them, kept by address (the outbox has no user id): the erased person's goes too.
    for (const person of [erased, survivor]) {
      await db
        .insertInto('mail_outbox')
        .values({ message_key: `test:${person.email}`, kind: 'account.password-changed', recipient: person.email, locale: 'nl', params: '{}' })
        .execute();
    }

    // The scan sees the data where it is before erasure; otherwise finding nothing later proves nothing.
    // The outbox holds the name too: the "your export is ready" mail waits there with its greeting.
    expect(await whereFound(needles)).toEqual({
      email: ['data_export_files', 'mail_outbox', 'upload_contents', 'users'],
      displayName: ['data_export_files', 'mail_outbox', 'upload_contents', 'users'],
      iban: ['data_export_files', 'transactions', 'upload_contents', 'uploads'],
      counterparty: ['data_export_files', 'transactions', 'upload_contents'],
    });
    expect((await whereFound({ id: erased.id })).id).toEqual([
      'consent_current', 'consent_decisions', 'customer_features', 'customer_profiles', 'data_exports', 'data_use_receipts', 'industry_exclusions',
      'industry_exclusions_current', 'known_devices', 'mail_outbox', 'member_privacy_spend', 'notifications', 'offer_deliveries', 'sessions', 'sign_in_failures',
      'transactions', 'uploads', 'users',
    ]);
    const consent = createConsentService({ db, now: () => NOW });
    const coveredQuestion = { customerId: erased.id, categories: ['groceries'], purpose: 'insights' as const, industry: null, at: NOW };
    expect(await consent.covers(coveredQuestion)).toBe(true);
    expect(await sessions().resolve(erased.token)).toMatchObject({ id: erased.id });

    // A mistyped confirmation changes nothing at all.
    const gdpr = gdprAt(NOW);
    const untouched = await snapshot();
    const mistyped = await rejection(gdpr.requestErasure(erased.id, survivor.email));
    expect(mistyped.code).toBe('VALIDATION_FAILED');
    expect(mistyped.message).toBe('The email address does not match this account. Type it exactly to confirm.');
    expect(mistyped.details).toEqual({ field: 'confirmEmail', messageKey: 'validation.emailMismatch' });
    expect(await snapshot()).toEqual(untouched);
    expect(await queues.get('gdpr').getJob(`erase-${erased.id}`)).toBeUndefined();
    expect(await sessions().resolve(erased.token)).not.toBeNull();

    // The right address: the account stops working at once, before any job has run.
    expect(await gdpr.requestErasure(erased.id, erased.email)).toEqual({ ok: true });
    expect(await sessions().resolve(erased.token)).toBeNull();
    const revoked = await db.selectFrom('sessions').select(['revoked_at']).where('user_id', '=', erased.id).execute();
    expect(revoked).toEqual([{ revoked_at: NOW }]);
    expect(await consent.covers(coveredQuestion)).toBe(false);
    expect(await sessions().resolve(survivor.token)).toMatchObject({ id: survivor.id });
    const job = await queues.get('gdpr').getJob(`erase-${erased.id}`);
    expect(job?.name).toBe('gdpr.erase');
    expect(job?.data).toEqual({ customerId: erased.id });
    const requestedEntry = await db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('subject_id', '=', erased.id).execute();
    expect(requestedEntry).toEqual([{ action: 'customer.erasure_requested', actor_user_id: erased.id, details: {} }]);

    const before = await snapshot();
    expect(await runErasure(db, erased.id)).toBe('erased');
    // The one message that outlives the account is its confirmation: queued after the account's mail was
    // forgotten, and deleted with its address as soon as it is sent.
    const confirmation = await db.selectFrom('mail_outbox').select(['id', 'kind']).where('recipient', '=', erased.email).execute();
    expect(confirmation.map((row) => row.kind)).toEqual(['notice.gdpr.erasureDone']);
    const transport = createMailTransport({ smtpUrl: undefined, mailDir: await mkdtemp(join(tmpdir(), 'dd-erasure-mail-')) });
    expect(await sendOutboxMessage({ db, transport, from: 'DataDividend <no-reply@datadividend.test>', origin: 'http://localhost:3000' }, confirmation[0]!.id)).toBe('sent');
    const after = await snapshot();

    // Nothing personal is left anywhere; only the audit log keeps the pseudonymous id.
    expect(await whereFound(needles)).toEqual({ email: [], displayName: [], iban: [], counterparty: [] });
    expect((await whereFound({ id: erased.id })).id).toEqual(['audit_log']);
    for (const table of ['upload_contents', 'data_export_files']) {
      const ownedKey = table === 'upload_contents' ? erased.uploadId : erased.exportId;
      expect(after.get(table)?.some((row) => row.includes(ownedKey))).toBe(false);
    }

    // Every row that was not the erased customer's is still there, unchanged; the only new row is the audit entry.
    const erasedKeys = [erased.id, erased.uploadId, erased.exportId, erased.email];
    for (const [table, rows] of before) {
      const kept = table === 'audit_log' ? rows : rows.filter((row) => !erasedKeys.some((key) => row.includes(key)));
      const now = after.get(table) ?? [];
      const added = now.filter((row) => !kept.includes(row));
      if (table === 'audience_changes') {
        // The change feed learns that a member number left (so audience indexes drop it); it holds no identity.
        expect(added.length, 'feed rows for the erasure').toBeGreaterThan(0);
        expect(added.filter((row) => erasedKeys.some((key) => row.includes(key)))).toEqual([]);
        continue;
      }
      expect(added, `new rows in ${table}`).toEqual(table === 'audit_log' ? [expect.stringContaining('customer.erased')] : []);
      expect(kept.filter((row) => !now.includes(row)), `rows lost from ${table}`).toEqual([]);
    }
    const survivorKeys = [survivor.id, survivor.uploadId, survivor.exportId];
    for (const table of [
      'users', 'customer_profiles', 'transactions', 'uploads', 'upload_contents', 'customer_features', 'consent_decisions', 'industry_exclusions',
      'consent_current', 'industry_exclusions_current', 'data_use_receipts', 'data_exports', 'data_export_files', 'sessions', 'sign_in_failures',
      'offer_deliveries', 'known_devices', 'member_privacy_spend', 'mail_outbox',
    ]) {
      expect(after.get(table)?.some((row) => [...survivorKeys, survivor.email].some((key) => row.includes(key))), `${table} of the other customer`).toBe(true);
    }
    expect(await consent.covers({ ...coveredQuestion, customerId: survivor.id })).toBe(true);
    expect((await gdprAt(NOW).download(survivor.id, survivor.exportId)).bytes.length).toBeGreaterThan(0);

    const erasedEntry = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_role', 'subject_type', 'subject_id', 'details'])
      .where('action', '=', 'customer.erased')
      .execute();
    expect(erasedEntry).toEqual([{ actor_user_id: null, actor_role: 'system', subject_type: 'user', subject_id: erased.id, details: {} }]);
    expect(JSON.stringify(erasedEntry)).not.toContain(erased.email);

    // The job may run again (at-least-once): it finds nothing and records nothing.
    expect(await runErasure(db, erased.id)).toBe('already-erased');
    expect(await snapshot()).toEqual(after);
    const gone = await rejection(gdprAt(NOW).requestErasure(erased.id, erased.email));
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.message).toBe('This account does not exist.');
  });
});
