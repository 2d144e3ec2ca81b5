import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '@dd/accounts';
import { platformStatementFixture } from '@dd/billing/testing';
import { loadApiEnv } from '@dd/config';
import { bankStatementSchema, UPLOAD_NAME_HEADER } from '@dd/contract';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';
import { signInThroughSecondStep } from '@dd/api/testing';

const ORIGIN = 'http://localhost:3000';
const MIB = 1024 * 1024;
const PASSWORD = 'Grachtenpand-Herfst-8';
const portalHeaders = { origin: ORIGIN, 'x-trpc-source': 'portal' };

let tdb: TestDatabase;
let app: FastifyInstance;
let testQueues: ReturnType<typeof createTestQueues>;
let base: string;
let cookie: string;

// A real socket: tRPC's Fastify adapter reads a multipart body only from a genuine request.
beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  const env = loadApiEnv({ PUBLIC_ORIGIN: ORIGIN, LOG_LEVEL: 'silent' });
  app = await buildServer({ env, db: tdb.db, queues: testQueues.queues, logger: pino({ level: 'silent' }), pingRedis: async () => 'PONG' });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  await createAccountsService({ db: tdb.db }).ensureAdmin('beheer@example.nl', PASSWORD);
  // The password, then the admin's second step (set-up at this first sign-in); the last answer carries the session cookie.
  await signInThroughSecondStep(
    async (procedure, input) => {
      const res = await fetch(`${base}/trpc/${procedure}`, { method: 'POST', headers: { ...portalHeaders, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      expect(res.status).toBe(200);
      const session = res.headers.getSetCookie().find((c) => c.startsWith('dd_session='));
      if (session) cookie = session.split(';')[0]!;
      return ((await res.json()) as { result: { data: unknown } }).result.data;
    },
    'beheer@example.nl',
    PASSWORD,
  );
});

afterAll(async () => {
  await app?.close();
  await testQueues?.close();
  await tdb?.drop();
});

async function uploadStatement(body: FormData | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/trpc/admin.billing.uploadStatement`, { method: 'POST', headers: { ...portalHeaders, cookie, ...headers }, body });
  return { status: res.status, body: (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: Record<string, unknown> } } };
}

function formWith(bytes: Buffer, fileName: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/xml' }), fileName);
  return form;
}

describe('the admin uploads the platform statement over HTTP', () => {
  it('stores the CAMT.053 file from a multipart form and queues its import', async () => {
    const bytes = platformStatementFixture();
    const res = await uploadStatement(formWith(bytes, 'C:\\fakepath\\camt053-2026-11-19.xml'));
    expect(res.status).toBe(200);
    const statement = bankStatementSchema.parse(res.body.result?.data);
    expect(statement).toMatchObject({ status: 'stored', fileName: 'camt053-2026-11-19.xml', byteSize: bytes.length, uploadedBy: 'Administrator' });
    const stored = await tdb.db.selectFrom('bank_statement_files').select('bytes').where('statement_id', '=', statement.id).executeTakeFirstOrThrow();
    expect(stored.bytes.equals(bytes)).toBe(true);
    expect(await testQueues.queues.get('billing').getJob(`bank-statement-${statement.id}`)).toMatchObject({ data: { statementId: statement.id } });
  });

  it('takes the raw file as the portal sends it, named by the header', async () => {
    const bytes = platformStatementFixture();
    const res = await uploadStatement(bytes, { 'content-type': 'application/octet-stream', [UPLOAD_NAME_HEADER]: encodeURIComponent('camt053 19-11.xml') });
    expect(res.status).toBe(200);
    const statement = bankStatementSchema.parse(res.body.result?.data);
    expect(statement).toMatchObject({ status: 'stored', fileName: 'camt053 19-11.xml', byteSize: bytes.length });
    const stored = await tdb.db.selectFrom('bank_statement_files').select('bytes').where('statement_id', '=', statement.id).executeTakeFirstOrThrow();
    expect(stored.bytes.equals(bytes)).toBe(true);
  });

  it('takes statements larger than the ordinary 1 MiB body limit, up to the statement limit', async () => {
    const padding = `<!-- ${'x'.repeat(2 * MIB)} -->\n`;
    const big = Buffer.from(platformStatementFixture().toString('utf8').replace('<Document', `${padding}<Document`));
    const res = await uploadStatement(formWith(big, 'camt053-large.xml'));
    expect(res.status).toBe(200);
    expect(bankStatementSchema.parse(res.body.result?.data).byteSize).toBe(big.length);
  });

  it('refuses a body over 20 MiB by its Content-Length, with the statement limit’s reason', async () => {
    const res = await uploadStatement(Buffer.alloc(21 * MIB, 0x20), { 'content-type': 'multipart/form-data; boundary=x' });
    expect(res.status).toBe(413);
    expect(res.body.error?.data).toMatchObject({ domainCode: 'VALIDATION_FAILED', reason: { code: 'fileTooLarge' } });
  });
});
