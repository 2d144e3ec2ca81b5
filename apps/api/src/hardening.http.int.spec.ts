import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSE_MESSAGE } from '@dd/api';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';

// The hardening issue's HTTP findings, each as it was reproduced: request ids a client chose, JSON
// errors that quoted the body, NUL bytes and impossible cursor dates that ended as 500s, source maps
// served to anyone, and upload names that read backwards.

const ORIGIN = 'http://localhost:3000';
const portalHeaders = { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let tdb: TestDatabase;
let app: FastifyInstance;
let base: string;
let testQueues: ReturnType<typeof createTestQueues>;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  const dist = mkdtempSync(join(tmpdir(), 'dd-portal-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>DataDividend</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("portal");');
  // As an older build (sourcemap: true) left it: the server must not hand it out.
  writeFileSync(join(dist, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["../src/secret.tsx"]}');
  const env = loadApiEnv({ PUBLIC_ORIGIN: ORIGIN, PORTAL_DIST: dist, LOG_LEVEL: 'info' });
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) });
  app = await buildServer({ env, db: tdb.db, queues: testQueues.queues, logger, pingRedis: async () => 'PONG' });
  // A real socket for the multipart upload: tRPC reads multipart only from a genuine request.
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await testQueues?.close();
  await tdb?.drop();
});

let people = 0;
async function signUpCustomer(): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.signUpCustomer',
    headers: portalHeaders,
    payload: JSON.stringify({ displayName: 'Eva Jansen', email: `hardening-${++people}@example.nl`, password: 'Tulpenveld-Lente-7' }),
  });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('request ids', () => {
  it('are the server’s own: a client’s x-request-id is logged beside the id, never used as it', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'req-123' } });
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(id).not.toBe('req-123');
    const lines = logLines.filter((line) => line['reqId'] === id);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line['clientRequestId']).toBe('req-123');

    // Two requests claiming one id stay two requests in the logs.
    const again = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'req-123' } });
    expect(again.headers['x-request-id']).not.toBe(id);
  });

  it('log a long client id shortened, and none when the client sent none', async () => {
    const long = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'x'.repeat(500) } });
    const line = logLines.find((entry) => entry['reqId'] === long.headers['x-request-id']);
    expect(line?.['clientRequestId']).toBe('x'.repeat(128));
    const none = await app.inject({ method: 'GET', url: '/healthz' });
    const plain = logLines.find((entry) => entry['reqId'] === none.headers['x-request-id']);
    expect(plain).toBeDefined();
    expect(plain).not.toHaveProperty('clientRequestId');
  });
});

describe('a body that is not JSON', () => {
  it('answers 400 with a fixed message that quotes nothing of the body', async () => {
    const secret = 'Geheim-Waarde-8472';
    const res = await app.inject({ method: 'POST', url: '/trpc/auth.signUpCustomer', headers: portalHeaders, payload: `{"displayName":"${secret}","email":` });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain('displayName');
    expect(res.json().error).toMatchObject({ message: PARSE_MESSAGE, data: { code: 'BAD_REQUEST', domainCode: 'VALIDATION_FAILED', httpStatus: 400 } });
    // The parser's message quotes the body when it stops in the middle: the one the finding saw.
    const quoted = await app.inject({ method: 'POST', url: '/trpc/auth.signUpCustomer', headers: portalHeaders, payload: `{"displayName":"${secret}" x}` });
    expect(quoted.statusCode).toBe(400);
    expect(quoted.body).not.toContain(secret);
    expect(quoted.json().error.message).toBe(PARSE_MESSAGE);
    expect(res.json().error.data.stack).toBeUndefined();
  });

  it('the same for a query’s input and for a raw NUL byte, which JSON does not allow in a string', async () => {
    const secret = 'Geheim-Waarde-1234';
    const cookie = await signUpCustomer();
    const query = await app.inject({ method: 'GET', url: `/trpc/transactions.list?input=${encodeURIComponent(`{"cursor":"${secret}" x}`)}`, headers: { cookie } });
    expect(query.statusCode).toBe(400);
    expect(query.body).not.toContain(secret);
    expect(query.json().error.message).toBe(PARSE_MESSAGE);

    const raw = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signUpCustomer',
      headers: portalHeaders,
      payload: Buffer.from(`{"displayName":"Eva\u0000${secret}","email":"nul-raw@example.nl","password":"Tulpenveld-Lente-7"}`),
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.body).not.toContain(secret);
    expect(raw.json().error.message).toBe(PARSE_MESSAGE);
  });
});

describe('NUL and other hidden characters in text', () => {
  it('anonymous sign-up with a NUL byte in the name answers 400 with a message per field, and creates nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signUpCustomer',
      headers: portalHeaders,
      payload: JSON.stringify({ displayName: 'Eva\u0000Jansen', email: 'nul-name@example.nl', password: 'Tulpenveld-Lente-7' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      message: 'Some fields need attention.',
      data: { domainCode: 'VALIDATION_FAILED', fieldErrors: { displayName: ['validation.hiddenCharacters'] } },
    });
    const row = await tdb.db.selectFrom('users').select('id').where('email', '=', 'nul-name@example.nl').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('an advertiser’s sign-up refuses NUL and bidi overrides in the organisation and contact names', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signUpAdvertiser',
      headers: portalHeaders,
      payload: JSON.stringify({
        displayName: 'Joost Bakker',
        email: 'nul-org@example.nl',
        password: 'Tulpenveld-Lente-7',
        organisationName: 'Bakkerij\u0000Jansen',
        contactName: 'Joost \u202eBakker',
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.data.fieldErrors).toEqual({ organisationName: ['validation.hiddenCharacters'], contactName: ['validation.hiddenCharacters'] });
  });
});

describe('cursors', () => {
  it('an impossible date in the transactions cursor answers 400 with a message, not 500', async () => {
    const cookie = await signUpCustomer();
    for (const cursor of ['2026-02-30_1', '0000-01-01_1', 'x_1', '2026-01-01_0']) {
      const res = await app.inject({ method: 'GET', url: `/trpc/transactions.list?input=${encodeURIComponent(JSON.stringify({ cursor }))}`, headers: { cookie } });
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error.data.fieldErrors, cursor).toEqual({ cursor: ['validation.cursorInvalid'] });
    }
    const month = await app.inject({ method: 'GET', url: `/trpc/transactions.list?input=${encodeURIComponent(JSON.stringify({ month: '0000-01' }))}`, headers: { cookie } });
    expect(month.statusCode).toBe(400);
    // A real position still pages.
    const fine = await app.inject({ method: 'GET', url: `/trpc/transactions.list?input=${encodeURIComponent(JSON.stringify({ cursor: '2026-02-28_1' }))}`, headers: { cookie } });
    expect(fine.statusCode).toBe(200);
  });
});

describe('the built portal', () => {
  it('never serves a source map, even one left in the folder', async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(script.statusCode).toBe(200);
    for (const accept of ['*/*', 'text/html']) {
      const map = await app.inject({ method: 'GET', url: '/assets/index-abc123.js.map', headers: { accept } });
      expect(map.statusCode, accept).toBe(404);
      expect(map.body).not.toContain('secret.tsx');
    }
    const query = await app.inject({ method: 'GET', url: '/assets/index-abc123.js.map?v=1' });
    expect(query.statusCode).toBe(404);
  });
});

describe('uploaded file names', () => {
  it('are stored without control and bidi characters', async () => {
    const cookie = await signUpCustomer();
    const form = new FormData();
    // Reads as "afschriftexe.csv" with the override in place; it is a .exe name in disguise.
    form.append('file', new Blob(['Datum,Bedrag\n'], { type: 'text/csv' }), 'afschrift\u202evsc.exe\u0007');
    const res = await fetch(`${base}/trpc/imports.upload`, { method: 'POST', headers: { origin: ORIGIN, 'x-trpc-source': 'portal', cookie }, body: form });
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { data: { fileName: string } } };
    expect(result.data.fileName).toBe('afschriftvsc.exe');
  });
});

describe('audience estimates', () => {
  // A new estimate question is charged to the organisation's privacy budget, so it writes: it is a
  // POST behind the CSRF check, and a link or image on another site (a GET) cannot spend the budget.
  it('are not answered to a GET, nor to a POST without the portal’s header, and nothing is charged', async () => {
    const signUp = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signUpAdvertiser',
      headers: portalHeaders,
      payload: JSON.stringify({ displayName: 'Joost Bakker', email: 'schatting@example.nl', password: 'Tulpenveld-Lente-7', organisationName: 'Bakker Media B.V.' }),
    });
    expect(signUp.statusCode).toBe(200);
    const cookie = String(signUp.headers['set-cookie']).split(';')[0]!;
    const organisationId = (await tdb.db.selectFrom('users').select('organisation_id').where('email', '=', 'schatting@example.nl').executeTakeFirstOrThrow()).organisation_id!;
    await tdb.db.updateTable('organisations').set({ status: 'verified' }).where('id', '=', organisationId).execute();
    const input = { segment: { field: 'province', in: ['NL-UT'] }, purpose: 'insights', locale: 'nl' };

    const viaGet = await app.inject({ method: 'GET', url: `/trpc/advertiser.estimate?input=${encodeURIComponent(JSON.stringify(input))}`, headers: { cookie } });
    expect(viaGet.statusCode).toBe(405);
    const crossSite = await app.inject({
      method: 'POST',
      url: '/trpc/advertiser.estimate',
      headers: { cookie, origin: 'https://elders.example', 'content-type': 'application/json' },
      payload: JSON.stringify(input),
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json()).toMatchObject({ error: { data: { domainCode: 'CSRF_REJECTED' } } });
    expect(await tdb.db.selectFrom('privacy_releases').select('id').where('organisation_id', '=', organisationId).execute()).toEqual([]);

    // The control: the portal's own request is answered, and that question is charged once.
    const portal = await app.inject({ method: 'POST', url: '/trpc/advertiser.estimate', headers: { ...portalHeaders, cookie }, payload: JSON.stringify(input) });
    expect(portal.statusCode).toBe(200);
    expect(await tdb.db.selectFrom('privacy_releases').select('kind').where('organisation_id', '=', organisationId).execute()).toEqual([{ kind: 'estimate' }]);
  });
});
