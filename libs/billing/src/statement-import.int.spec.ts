import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@dd/db';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { MAX_STORED_DESCRIPTION_CHARS, MAX_STORED_NAME_CHARS, TRUNCATION_MARKER } from '@dd/data-import';
import { DomainError } from '@dd/errors';
import { accountBalance, auditLedger } from '@dd/ledger';
import { createTestQueues } from '@dd/queue/testing';
import { createBankStatementService, statementImportJobId, type BankStatementService } from './bank-statement.service';
import { DEFAULT_BILLING_SETTINGS } from './billing.settings';
import { ensurePaymentReference } from './payment-reference.service';
import { paymentReferenceFromBody } from './payment-reference';
import { failStatementImport, runStatementImport, sweepStuckStatements } from './statement-import';
import { camt053Document, FIXTURE_REFERENCES, insertAdvertiser, platformStatementFixture } from './testing';

const PLATFORM_IBAN = DEFAULT_BILLING_SETTINGS.platformIban;

let tdb: TestDatabase;
let db: Db;
let redis: ReturnType<typeof createTestQueues>;
let service: BankStatementService;
let admin: { id: string };
const org = { bakkerij: '', fietsenwinkel: '', supermarkt: '' };

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  redis = createTestQueues();
  service = createBankStatementService({ db, queues: redis.queues, settings: DEFAULT_BILLING_SETTINGS });
  org.bakkerij = await insertAdvertiser(db, { name: 'Bakkerij de Graaf B.V.', reference: FIXTURE_REFERENCES.bakkerij });
  org.fietsenwinkel = await insertAdvertiser(db, { name: 'Fietsenwinkel De Spaak', reference: FIXTURE_REFERENCES.fietsenwinkel });
  org.supermarkt = await insertAdvertiser(db, { name: 'Supermarkt Noord B.V.', reference: FIXTURE_REFERENCES.supermarkt });
  const { id } = await db
    .insertInto('users')
    .values({ email: `beheer-${randomUUID()}@example.nl`, password_hash: 'x', role: 'admin', display_name: 'Beheerder' })
    .returning('id')
    .executeTakeFirstOrThrow();
  admin = { id };
});
afterAll(async () => {
  await redis.close();
  await tdb.drop();
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Uploads as the admin does and runs the job the upload queued, as the worker would. */
async function importFile(bytes: Buffer, name = 'camt053-platform.xml') {
  const stored = await service.uploadStatement(admin, { name, bytes });
  expect(stored.status).toBe('stored');
  const job = await redis.queues.get('billing').getJob(statementImportJobId(stored.id));
  expect(job?.name).toBe('billing.statement-import');
  expect(job?.data).toEqual({ statementId: stored.id });
  const result = await runStatementImport(db, stored.id);
  const statement = (await service.statements()).find((s) => s.id === stored.id)!;
  return { result, statement };
}

const balances = async () => ({
  bakkerij: await accountBalance(db, 'advertiser_balance', org.bakkerij),
  fietsenwinkel: await accountBalance(db, 'advertiser_balance', org.fietsenwinkel),
  supermarkt: await accountBalance(db, 'advertiser_balance', org.supermarkt),
  bank: await accountBalance(db, 'platform_bank'),
});

const ledgerCount = async () => (await auditLedger(db)).transactions;
const entryCount = async () => (await db.selectFrom('bank_statement_entries').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const hasFile = async (statementId: string) =>
  (await db.selectFrom('bank_statement_files').select('statement_id').where('statement_id', '=', statementId).executeTakeFirst()) !== undefined;

async function expectLedgerConsistent() {
  const audit = await auditLedger(db);
  expect(audit).toMatchObject({ sumCents: 0, unbalancedTransactions: 0, balanceMismatches: 0 });
  return audit;
}

describe('importing the platform’s CAMT.053 statement', () => {
  it('books the credits whose reference names an advertiser, and nothing else', async () => {
    const { result, statement } = await importFile(platformStatementFixture());
    expect(result).toEqual({ status: 'imported', entries: 11, created: 11, booked: 3, unmatched: 5 });
    expect(statement).toMatchObject({
      status: 'imported',
      accountIban: PLATFORM_IBAN,
      firstBookedOn: '2026-11-18',
      lastBookedOn: '2026-11-19',
      entriesTotal: 11,
      entriesNew: 11,
      entriesDuplicate: 0,
      counts: { booked: 3, unmatched: 5, dismissed: 0, open: 3 },
      error: null,
      uploadedBy: 'Beheerder',
    });
    // 2,500.00 by free text; 1,210.00 by structured reference; 400.00 from a batch of two.
    expect(await balances()).toEqual({ bakkerij: 250_000, fietsenwinkel: 121_000, supermarkt: 40_000, bank: 411_000 });
    const audit = await expectLedgerConsistent();
    expect(audit.transactions).toBe(3);
  });

  it('puts every uncertain credit in the review list, with the reason, and keeps the debits for the payouts', async () => {
    const unmatched = await service.unmatched();
    expect(unmatched.map((c) => [c.amountCents, c.reason, c.references])).toEqual([
      [50_000, 'noReference', []],
      [75_000, 'invalidReference', []],
      [30_000, 'ambiguous', [FIXTURE_REFERENCES.bakkerij, FIXTURE_REFERENCES.supermarkt]],
      [9_995, 'unknownReference', [FIXTURE_REFERENCES.unknown]],
      [15_000, 'noReference', []],
    ]);
    expect(unmatched[0]).toMatchObject({ counterpartyName: 'Reclamebureau Van Dam', counterpartyIban: 'NL02ABNA0123456789', remittance: 'Tegoed voor campagne Sinterklaas', fileName: 'camt053-platform.xml' });

    const open = await db
      .selectFrom('bank_statement_entries')
      .select(['direction', 'amount_cents', 'reversal', 'bank_reference', 'status'])
      .where('status', '=', 'open')
      .orderBy('id')
      .execute();
    expect(open).toEqual([
      { direction: 'debit', amount_cents: 123_456, reversal: false, bank_reference: '0417164300-20261119-000021', status: 'open' },
      { direction: 'debit', amount_cents: 1_250, reversal: false, bank_reference: '0417164300-20261119-000022', status: 'open' },
      { direction: 'credit', amount_cents: 2_500, reversal: true, bank_reference: '0417164300-20261119-000030', status: 'open' },
    ]);
    const booked = await db
      .selectFrom('bank_statement_entries as e')
      .innerJoin('ledger_transactions as t', 't.id', 'e.ledger_transaction_id')
      .select(['e.organisation_id', 'e.amount_cents', 't.idempotency_key', 't.kind', 't.reference'])
      .where('e.status', '=', 'booked')
      .orderBy('e.id')
      .execute();
    expect(booked.map((b) => [b.organisation_id, b.amount_cents, b.kind, b.reference])).toEqual([
      [org.bakkerij, 250_000, 'advertiser.deposit', FIXTURE_REFERENCES.bakkerij],
      [org.fietsenwinkel, 121_000, 'advertiser.deposit', FIXTURE_REFERENCES.fietsenwinkel],
      [org.supermarkt, 40_000, 'advertiser.deposit', FIXTURE_REFERENCES.supermarkt],
    ]);
    expect(booked.every((b) => /^bank:[0-9a-f]{64}$/.test(b.idempotency_key))).toBe(true);
  });

  it('books nothing twice when the same statement is imported again', async () => {
    const before = { balances: await balances(), transactions: await ledgerCount() };
    const { result, statement } = await importFile(platformStatementFixture(), 'same-again.xml');
    expect(result).toEqual({ status: 'imported', entries: 11, created: 0, booked: 0, unmatched: 0 });
    expect(statement).toMatchObject({ entriesTotal: 11, entriesNew: 0, entriesDuplicate: 11, counts: { booked: 0, unmatched: 0, dismissed: 0, open: 0 } });
    expect(await balances()).toEqual(before.balances);
    expect(await ledgerCount()).toBe(before.transactions);
    expect(await service.unmatched()).toHaveLength(5);
    await expectLedgerConsistent();
  });

  it('adds only the new entries of an overlapping statement, even without bank references', async () => {
    const entries = [
      // Already imported (same bank reference, date and amount).
      { amountCents: 250_000, bookedOn: '2026-11-18', bankReference: '0417164300-20261118-000031', remittance: `Opwaardering ${FIXTURE_REFERENCES.bakkerij}` },
      // New, and a bank that gives no reference: the key is the entry's content.
      { amountCents: 12_345, bookedOn: '2026-11-20', counterpartyName: 'Bakkerij de Graaf B.V.', counterpartyIban: 'NL44RABO0123456789', remittance: FIXTURE_REFERENCES.bakkerij },
      // The same payment twice on one day is two payments.
      { amountCents: 12_345, bookedOn: '2026-11-20', counterpartyName: 'Bakkerij de Graaf B.V.', counterpartyIban: 'NL44RABO0123456789', remittance: FIXTURE_REFERENCES.bakkerij },
    ];
    const first = await importFile(camt053Document({ iban: PLATFORM_IBAN, entries }), 'overlap.xml');
    expect(first.result).toEqual({ status: 'imported', entries: 3, created: 2, booked: 2, unmatched: 0 });
    const again = await importFile(camt053Document({ iban: PLATFORM_IBAN, entries }), 'overlap-again.xml');
    expect(again.result).toMatchObject({ created: 0, booked: 0 });
    expect((await balances()).bakkerij).toBe(250_000 + 2 * 12_345);
    await expectLedgerConsistent();
  });

  it('runs one import when the job runs twice at the same time (BullMQ is at-least-once)', async () => {
    const stored = await service.uploadStatement(admin, {
      name: 'twice.xml',
      bytes: camt053Document({ iban: PLATFORM_IBAN, entries: [{ amountCents: 7_000, bookedOn: '2026-11-21', bankReference: 'TWICE-1', remittance: FIXTURE_REFERENCES.supermarkt }] }),
    });
    const before = (await balances()).supermarkt;
    const results = await Promise.all([runStatementImport(db, stored.id), runStatementImport(db, stored.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(['already-imported', 'imported']);
    expect((await balances()).supermarkt).toBe(before + 7_000);
    await expectLedgerConsistent();
  });
});

describe('statements that cannot be imported book nothing and say why', () => {
  it('refuses a statement of another account in the worker, naming both accounts', async () => {
    const before = await ledgerCount();
    const { result, statement } = await importFile(
      camt053Document({ iban: 'NL02ABNA0123456789', entries: [{ amountCents: 10_000, bookedOn: '2026-11-18', bankReference: 'X-1', remittance: FIXTURE_REFERENCES.bakkerij }] }),
    );
    expect(result).toEqual({ status: 'failed' });
    expect(statement).toMatchObject({ status: 'failed', accountIban: 'NL02ABNA0123456789', entriesTotal: null });
    expect(statement.error).toMatchObject({ code: 'statementAccountMismatch', params: { account: 'NL02ABNA0123456789', expected: PLATFORM_IBAN } });
    expect(statement.error?.message).toMatch(/not for the platform's account NL91ABNA0417164300\. Nothing was booked/);
    expect(await ledgerCount()).toBe(before);
    // A failed statement booked nothing, so its file is no bookkeeping record: it is deleted.
    expect(await hasFile(statement.id)).toBe(false);
    // A failure is final: running the job again does not replace it.
    expect(await runStatementImport(db, statement.id)).toEqual({ status: 'failed' });
  });

  it('fails a statement with a broken entry as a whole, listing the problem by line', async () => {
    const before = { transactions: await ledgerCount(), entries: (await db.selectFrom('bank_statement_entries').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n };
    const broken = platformStatementFixture().toString('utf8').replace('<Amt Ccy="EUR">1210.00</Amt>', '<Amt Ccy="EUR">1.210,00</Amt>');
    const { statement } = await importFile(Buffer.from(broken));
    expect(statement.status).toBe('failed');
    expect(statement.error).toMatchObject({ code: 'rowProblems', totalProblems: 1, problems: [{ line: 83, column: 'Ntry/Amt', code: 'amountInvalid' }] });
    expect(await ledgerCount()).toBe(before.transactions);
    const entries = (await db.selectFrom('bank_statement_entries').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    expect(entries).toBe(before.entries);
  });

  it('refuses at once only an empty file; the import fails another format or XML with its reason and deletes it', async () => {
    const count = async () => (await service.statements()).length;
    const before = await count();
    expect((await rejection(service.uploadStatement(admin, { name: 'leeg.xml', bytes: Buffer.alloc(0) }))).reason?.code).toBe('fileEmpty');
    expect(await count()).toBe(before);

    // Stored without reading it (the API does not parse), then refused by the job before a row is read.
    const ing = Buffer.from('"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","Mutatiesoort","Mededelingen"\n"20261118","X","NL91ABNA0417164300","","GT","Bij","10,00","Online bankieren","DD482109375557"\n');
    const pain = Buffer.from('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>');
    const entries = await entryCount();
    const ledger = await ledgerCount();
    for (const [bytes, name, reason] of [
      [ing, 'export.csv', { code: 'statementNotCamt053', params: { format: 'ING CSV' } }],
      [pain, 'pain.xml', { code: 'xmlNotCamt053' }],
      [Buffer.from('\uFEFF\r\n'), 'leeg.xml', { code: 'fileEmpty' }],
    ] as const) {
      const { result, statement } = await importFile(bytes, name);
      expect(result).toEqual({ status: 'failed' });
      expect(statement).toMatchObject({ status: 'failed', entriesTotal: null, error: reason });
      expect(await hasFile(statement.id)).toBe(false);
    }
    expect(await entryCount()).toBe(entries);
    expect(await ledgerCount()).toBe(ledger);
  });

  it('fails a CAMT.053 nested 101 levels deep (no DTD) once, with its reason and an audit entry, and deletes the file', async () => {
    const nested = readFileSync(fileURLToPath(new URL('../../data-import/fixtures/malformed/camt053-nested-101.xml', import.meta.url)));
    const entries = await entryCount();
    const { result, statement } = await importFile(nested, 'camt053-diep.xml');
    // Resolved, not thrown: the job completes on its first attempt instead of failing five times.
    expect(result).toEqual({ status: 'failed' });
    expect(statement).toMatchObject({ status: 'failed', error: { code: 'rowProblems', problems: [{ line: 3, code: 'xmlTooDeep', params: { limit: 32 } }] } });
    expect(statement.finishedAt).not.toBeNull();
    expect(await hasFile(statement.id)).toBe(false);
    expect(await entryCount()).toBe(entries);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', statement.id).where('action', '=', 'billing.statement_failed').execute();
    expect(audit).toEqual([{ action: 'billing.statement_failed', details: expect.objectContaining({ code: 'rowProblems' }) }]);
    expect(await runStatementImport(db, statement.id)).toEqual({ status: 'failed' });
  });

  it('fails a statement whose file is gone instead of retrying', async () => {
    const stored = await service.uploadStatement(admin, { name: 'weg.xml', bytes: platformStatementFixture() });
    await db.deleteFrom('bank_statement_files').where('statement_id', '=', stored.id).execute();
    expect(await runStatementImport(db, stored.id)).toEqual({ status: 'failed' });
    expect((await service.statements()).find((s) => s.id === stored.id)).toMatchObject({ status: 'failed', error: { code: 'fileGone' } });
  });

  it('stores long remittance texts and names cut to their bounds, matching on the full text', async () => {
    const before = (await balances()).fietsenwinkel;
    const remittance = `${'Factuur 2026-11 '.repeat(80)}${FIXTURE_REFERENCES.fietsenwinkel}`;
    const { result } = await importFile(
      camt053Document({ iban: PLATFORM_IBAN, entries: [{ amountCents: 4_200, bookedOn: '2026-11-20', bankReference: `LONG-${randomUUID()}`, counterpartyName: 'F'.repeat(300), remittance }] }),
    );
    expect(result).toMatchObject({ status: 'imported', booked: 1 });
    expect((await balances()).fietsenwinkel).toBe(before + 4_200);
    const entry = await db.selectFrom('bank_statement_entries').select(['remittance', 'counterparty_name']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.remittance).toHaveLength(MAX_STORED_DESCRIPTION_CHARS);
    expect(entry.remittance.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(entry.counterparty_name).toHaveLength(MAX_STORED_NAME_CHARS);
  });
});

describe('no bank statement stays in progress', () => {
  // created_at is never updated by the code, so its type forbids it: raw SQL for the test.
  const age = (statementId: string, minutes: number, status: 'stored' | 'processing') =>
    sql`update bank_statements set created_at = now() - make_interval(mins => ${minutes}), status = ${status} where id = ${statementId}`.execute(db);

  it('the sweep fails statements stuck past the time limit, audited, with their files deleted; a late run books nothing', async () => {
    const ledger = await ledgerCount();
    const stuck = await service.uploadStatement(admin, { name: 'vast.xml', bytes: platformStatementFixture() });
    await age(stuck.id, 16, 'processing');
    const recent = await service.uploadStatement(admin, { name: 'net.xml', bytes: platformStatementFixture() });
    await age(recent.id, 5, 'stored');

    expect(await sweepStuckStatements(db)).toEqual([stuck.id]);
    const listed = await service.statements();
    expect(listed.find((s) => s.id === stuck.id)).toMatchObject({ status: 'failed', error: { code: 'importTimedOut', params: { minutes: 15 } } });
    expect(listed.find((s) => s.id === recent.id)).toMatchObject({ status: 'stored', error: null });
    expect(await hasFile(stuck.id)).toBe(false);
    expect(await hasFile(recent.id)).toBe(true);
    const audit = await db.selectFrom('audit_log').select('details').where('subject_id', '=', stuck.id).where('action', '=', 'billing.statement_failed').execute();
    expect(audit).toEqual([{ details: expect.objectContaining({ code: 'importTimedOut' }) }]);

    expect(await runStatementImport(db, stuck.id)).toEqual({ status: 'failed' });
    expect(await ledgerCount()).toBe(ledger);
    await db.deleteFrom('bank_statement_files').where('statement_id', '=', recent.id).execute();
    await db.updateTable('bank_statements').set({ status: 'failed' }).where('id', '=', recent.id).execute();
  });

  it('a job that failed for good fails its statement, but never one that finished', async () => {
    const crashed = await service.uploadStatement(admin, { name: 'kapot.xml', bytes: platformStatementFixture() });
    await age(crashed.id, 1, 'processing');
    expect(await failStatementImport(db, crashed.id)).toBe(true);
    expect((await service.statements()).find((s) => s.id === crashed.id)).toMatchObject({ status: 'failed', error: { code: 'importFailed' } });
    expect(await hasFile(crashed.id)).toBe(false);

    const { statement } = await importFile(camt053Document({ iban: 'NL02ABNA0123456789', entries: [{ amountCents: 100, bookedOn: '2026-11-18', bankReference: `X-${randomUUID()}`, remittance: 'x' }] }));
    expect(await failStatementImport(db, statement.id)).toBe(false);
    expect((await service.statements()).find((s) => s.id === statement.id)?.error).toMatchObject({ code: 'statementAccountMismatch' });
  });
});

describe('the admin resolves the review list', () => {
  it('assigns an unmatched credit to an advertiser: booked once, audited, and gone from the list', async () => {
    const before = (await balances()).fietsenwinkel;
    const credit = (await service.unmatched()).find((c) => c.reason === 'noReference' && c.amountCents === 50_000)!;
    const { ledgerTransactionId } = await service.assign(admin, { entryId: credit.id, organisationId: org.fietsenwinkel, note: 'Bevestigd per e-mail door Van Dam' });
    expect((await balances()).fietsenwinkel).toBe(before + 50_000);
    expect((await service.unmatched()).map((c) => c.id)).not.toContain(credit.id);
    const entry = await db.selectFrom('bank_statement_entries').select(['status', 'organisation_id', 'ledger_transaction_id', 'resolved_by', 'note']).where('id', '=', credit.id).executeTakeFirstOrThrow();
    expect(entry).toEqual({ status: 'booked', organisation_id: org.fietsenwinkel, ledger_transaction_id: ledgerTransactionId, resolved_by: admin.id, note: 'Bevestigd per e-mail door Van Dam' });
    const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'actor_role', 'subject_id', 'details']).where('action', '=', 'billing.credit_assigned').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: admin.id, actor_role: 'admin', subject_id: String(credit.id), details: { organisationId: org.fietsenwinkel, amountCents: 50_000, reason: 'noReference' } });

    // A second click (or a second admin) books nothing more.
    const transactions = await ledgerCount();
    const again = await rejection(service.assign(admin, { entryId: credit.id, organisationId: org.bakkerij }));
    expect(again).toMatchObject({ code: 'CONFLICT', reason: { code: 'entryAlreadyResolved', params: { status: 'booked' } } });
    expect(await ledgerCount()).toBe(transactions);
    await expectLedgerConsistent();
  });

  it('assigns two credits at the same time without booking either twice', async () => {
    const [one, two] = (await service.unmatched()).filter((c) => c.reason !== 'noReference' || c.amountCents !== 50_000);
    const before = (await balances()).supermarkt;
    const outcomes = await Promise.allSettled([
      service.assign(admin, { entryId: one!.id, organisationId: org.supermarkt }),
      service.assign(admin, { entryId: one!.id, organisationId: org.supermarkt }),
      service.assign(admin, { entryId: two!.id, organisationId: org.supermarkt }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((await balances()).supermarkt).toBe(before + one!.amountCents + two!.amountCents);
    await expectLedgerConsistent();
  });

  it('dismisses a credit with a note, audited, without touching the ledger', async () => {
    const credit = (await service.unmatched())[0]!;
    const transactions = await ledgerCount();
    await service.dismiss(admin, { entryId: credit.id, note: '  Teruggestort aan afzender op 21-11  ' });
    expect(await ledgerCount()).toBe(transactions);
    const entry = await db.selectFrom('bank_statement_entries').select(['status', 'note', 'resolved_by']).where('id', '=', credit.id).executeTakeFirstOrThrow();
    expect(entry).toEqual({ status: 'dismissed', note: 'Teruggestort aan afzender op 21-11', resolved_by: admin.id });
    expect(await db.selectFrom('audit_log').select('details').where('action', '=', 'billing.credit_dismissed').executeTakeFirstOrThrow()).toMatchObject({
      details: { note: 'Teruggestort aan afzender op 21-11' },
    });
    expect((await rejection(service.dismiss(admin, { entryId: credit.id, note: 'nogmaals' }))).code).toBe('CONFLICT');
    expect((await rejection(service.assign(admin, { entryId: credit.id, organisationId: org.bakkerij }))).code).toBe('CONFLICT');
  });

  it('refuses an unknown entry or organisation', async () => {
    expect((await rejection(service.dismiss(admin, { entryId: 999_999, note: 'bestaat niet' }))).code).toBe('NOT_FOUND');
    const credit = (await service.unmatched())[0]!;
    expect(await rejection(service.assign(admin, { entryId: credit.id, organisationId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND', details: { field: 'organisationId' } });
  });

  it('refuses to add a foreign-currency payment to a balance; it can only be dismissed', async () => {
    const { result } = await importFile(
      camt053Document({ iban: PLATFORM_IBAN, entries: [{ amountCents: 20_000, currency: 'USD', bookedOn: '2026-11-22', bankReference: 'USD-1', remittance: FIXTURE_REFERENCES.bakkerij }] }),
    );
    expect(result).toMatchObject({ booked: 0, unmatched: 1 });
    const credit = (await service.unmatched()).find((c) => c.currency === 'USD')!;
    expect(credit.reason).toBe('currency');
    expect(await rejection(service.assign(admin, { entryId: credit.id, organisationId: org.bakkerij }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: { code: 'entryNotAssignable', params: { why: 'currency' } },
    });
    await service.dismiss(admin, { entryId: credit.id, note: 'Dollars teruggestuurd' });
  });

  it('never lets a booked, dismissed or debit entry become inconsistent in the database', async () => {
    const debit = await db.selectFrom('bank_statement_entries').select('id').where('direction', '=', 'debit').executeTakeFirstOrThrow();
    const attempt = (status: string) =>
      db.updateTable('bank_statement_entries').set({ status: status as 'booked' }).where('id', '=', debit.id).execute().then(() => 'ok', (e: Error) => e.message);
    expect(await attempt('unmatched')).toMatch(/check constraint/);
    expect(await attempt('booked')).toMatch(/check constraint/);
    expect(await attempt('dismissed')).toMatch(/check constraint/);
    await expectLedgerConsistent();
  });
});

describe('payment references', () => {
  it('hands out one reference per organisation, lazily, and retries a clash with another organisation’s', async () => {
    const fresh = await insertAdvertiser(db, { name: 'Nieuwe Adverteerder' });
    const taken = FIXTURE_REFERENCES.bakkerij;
    const mine = paymentReferenceFromBody('5555555555');
    const offers = [taken, mine];
    const reference = await ensurePaymentReference(db, fresh, () => offers.shift()!);
    expect(reference).toBe(mine);
    expect(await ensurePaymentReference(db, fresh)).toBe(mine);
  });

  it('lets the database refuse a reference with wrong check digits, a duplicate, or a change', async () => {
    const other = await insertAdvertiser(db, { name: 'Ander Bedrijf' });
    const insert = (reference: string) =>
      db.insertInto('payment_references').values({ organisation_id: other, reference }).execute().then(() => 'ok', (e: Error) => e.message);
    expect(await insert('DD482109375558')).toMatch(/check constraint/);
    expect(await insert(FIXTURE_REFERENCES.bakkerij)).toMatch(/duplicate key/);
    const change = await db
      .updateTable('payment_references')
      .set({ reference: paymentReferenceFromBody('1111111111') })
      .where('organisation_id', '=', org.bakkerij)
      .execute()
      .then(() => 'ok', (e: Error) => e.message);
    expect(change).toMatch(/cannot be changed/);
  });
});
