import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAccountsService } from '@dd/accounts';
import { createBankStatementService, DEFAULT_BILLING_SETTINGS, statementImportJobId } from '@dd/billing';
import { createImportService, importJobId } from '@dd/data-import';
import { createTestDatabase, insertTestCustomer, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createQueues, createRedisConnection, enqueue, type Queues } from '@dd/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalFailureHandlers, createHandlers } from './handlers/job.handlers';
import { captureLogger, testWorkerEnv, waitFor } from './testing/worker.testing';
import { createWorkerApp, type WorkerApp } from './worker.app';

const nested = readFileSync(fileURLToPath(new URL('../../../libs/data-import/fixtures/malformed/camt053-nested-101.xml', import.meta.url)));
const ingStatement = readFileSync(fileURLToPath(new URL('../../../libs/data-import/fixtures/ing/ing-current-comma.csv', import.meta.url)));

const env = testWorkerEnv();
const producer = createRedisConnection(testRedisUrl, 'producer');
let database: TestDatabase;
let queues: Queues;
let admin: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  queues = createQueues(producer, env.QUEUE_PREFIX);
  await createAccountsService({ db: database.db }).ensureAdmin(`beheer-${randomUUID()}@example.nl`, 'Grachtenpand-Herfst-8');
  admin = await database.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
});

afterAll(async () => {
  for (const queue of queues?.all() ?? []) await queue.obliterate({ force: true });
  await queues?.close();
  producer.disconnect();
  await database?.drop();
});

const uploadOf = (id: string) => database.db.selectFrom('uploads').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow();
const statementOf = (id: string) => database.db.selectFrom('bank_statements').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow();
const hasUploadFile = async (id: string) => (await database.db.selectFrom('upload_contents').select('upload_id').where('upload_id', '=', id).executeTakeFirst()) !== undefined;
const hasStatementFile = async (id: string) =>
  (await database.db.selectFrom('bank_statement_files').select('statement_id').where('statement_id', '=', id).executeTakeFirst()) !== undefined;

describe('the production worker and a statement the parser refuses', () => {
  let app: WorkerApp;
  beforeAll(async () => {
    app = await createWorkerApp({ env, db: database.db, logger: captureLogger().logger });
  });
  afterAll(async () => {
    await app?.close(5_000);
  });

  it('fails the customer upload of a CAMT.053 nested 101 levels deep once: reason, file deleted, one attempt', async () => {
    const customerId = await insertTestCustomer(database.db);
    const stored = await createImportService({ db: database.db, queues }).storeUpload(customerId, { name: 'camt053.xml', bytes: nested });
    const upload = await waitFor('the upload to end', async () => {
      const row = await uploadOf(stored.id);
      return row.status === 'failed' || row.status === 'imported' ? row : undefined;
    });
    expect(upload).toMatchObject({ status: 'failed', error: { code: 'rowProblems', problems: [{ line: 3, code: 'xmlTooDeep' }] } });
    expect(await hasUploadFile(stored.id)).toBe(false);
    const job = await queues.get('imports').getJob(importJobId(stored.id));
    await waitFor('the job to complete', async () => ((await job?.getState()) === 'completed' ? true : undefined));
    expect((await queues.get('imports').getJob(importJobId(stored.id)))?.attemptsStarted).toBe(1);
    const transactions = await database.db.selectFrom('transactions').select('id').where('customer_id', '=', customerId).execute();
    expect(transactions).toEqual([]);
  });

  it('fails the admin’s bank statement nested 101 levels deep once, the same way', async () => {
    const service = createBankStatementService({ db: database.db, queues, settings: DEFAULT_BILLING_SETTINGS });
    const stored = await service.uploadStatement(admin, { name: 'camt053-diep.xml', bytes: nested });
    const statement = await waitFor('the statement to end', async () => {
      const row = await statementOf(stored.id);
      return row.status === 'failed' || row.status === 'imported' ? row : undefined;
    });
    expect(statement).toMatchObject({ status: 'failed', error: { code: 'rowProblems', problems: [{ code: 'xmlTooDeep' }] } });
    expect(await hasStatementFile(stored.id)).toBe(false);
    await waitFor('the job to complete', async () => ((await queues.get('billing').getJobState(statementImportJobId(stored.id))) === 'completed' ? true : undefined));
    expect((await queues.get('billing').getJob(statementImportJobId(stored.id)))?.attemptsStarted).toBe(1);
  });
});

describe('an import job that fails for good for another reason', () => {
  let app: WorkerApp;
  let runs = 0;
  beforeAll(async () => {
    // The production handlers, except that both imports fail as if the database were unreachable.
    const failing = async () => {
      runs += 1;
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    };
    const handlers = { ...createHandlers({ db: database.db, env, queues: () => queues }), 'statement.import': failing, 'billing.statement-import': failing };
    app = await createWorkerApp({
      env: { ...env, QUEUE_PREFIX: `${env.QUEUE_PREFIX}-failing` },
      db: database.db,
      logger: captureLogger().logger,
      handlers,
      failureHandlers: createFinalFailureHandlers({ db: database.db }),
    });
  });
  afterAll(async () => {
    await app?.close(5_000);
    const failingQueues = createQueues(producer, `${env.QUEUE_PREFIX}-failing`);
    for (const queue of failingQueues.all()) await queue.obliterate({ force: true });
    await failingQueues.close();
  });

  it('ends the upload and the statement as failed after the last attempt, with their files deleted', async () => {
    const failingQueues = createQueues(producer, `${env.QUEUE_PREFIX}-failing`);
    try {
      // Stored through the services (their jobs wait on queues no worker serves any more), then queued
      // for the failing worker with two attempts instead of five, so the test waits one backoff, not four.
      const customerId = await insertTestCustomer(database.db);
      const upload = await createImportService({ db: database.db, queues }).storeUpload(customerId, { name: 'ing.csv', bytes: ingStatement });
      const statement = await createBankStatementService({ db: database.db, queues, settings: DEFAULT_BILLING_SETTINGS }).uploadStatement(admin, {
        name: 'camt053.xml',
        bytes: nested,
      });
      await enqueue(failingQueues, 'statement.import', { uploadId: upload.id }, { jobId: importJobId(upload.id), attempts: 2 });
      await enqueue(failingQueues, 'billing.statement-import', { statementId: statement.id }, { jobId: statementImportJobId(statement.id), attempts: 2 });

      // After the first failure the job is retried: the upload is not ended yet.
      await waitFor('the first attempt', async () => (runs >= 1 ? true : undefined));
      expect((await uploadOf(upload.id)).status).not.toBe('failed');

      const failedUpload = await waitFor('the upload to fail', async () => ((await uploadOf(upload.id)).status === 'failed' ? uploadOf(upload.id) : undefined), 30_000);
      expect(failedUpload.error).toMatchObject({ code: 'importFailed', message: expect.stringContaining('a problem on our side; nothing was imported') });
      expect(await hasUploadFile(upload.id)).toBe(false);
      const failedStatement = await waitFor('the statement to fail', async () => ((await statementOf(statement.id)).status === 'failed' ? statementOf(statement.id) : undefined), 30_000);
      expect(failedStatement.error).toMatchObject({ code: 'importFailed' });
      expect(await hasStatementFile(statement.id)).toBe(false);
      expect((await failingQueues.get('imports').getJob(importJobId(upload.id)))?.attemptsMade).toBe(2);
      expect(runs).toBe(4);
    } finally {
      await failingQueues.close();
    }
  }, 60_000);
});
