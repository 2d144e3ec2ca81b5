import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '@dd/api';
import { deepArray, deepObject, expectedOutcome, fuzzCasesFor, HOSTILE_STRINGS, isKnownEcho, MARKER, PROCEDURES, signInThroughSecondStep, withProtoKey, type FuzzRole } from '@dd/api/testing';
import { loadApiEnv } from '@dd/config';
import { createTestDatabase, type TestDatabase } from '@dd/db/testing';
import { ERROR_CODES } from '@dd/errors';
import { createTestQueues } from '@dd/queue/testing';
import { buildServer } from './server';

/**
 * The fuzz's HTTP pass, a sample of what libs/api/src/fuzz sends through the caller, now through the
 * real server: what HTTP adds (body parsing and limits, query strings, methods, batches, unknown
 * paths, cookies) and the status every refusal maps to. No response may be a 5xx; every 4xx is the
 * API's error shape, with a message and a reason code, and echoes nothing that was sent.
 */
const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'Tulpenveld-Lente-7';
const SEED = 20_260_101;
/** Of each procedure's hostile cases, the ones on the whole input and every SAMPLE_EVERY-th of the rest. */
const SAMPLE_EVERY = 6;
const UPLOADS = new Set(['imports.upload', 'admin.billing.uploadStatement']);

let tdb: TestDatabase;
let testQueues: ReturnType<typeof createTestQueues>;
let app: FastifyInstance;
const cookies: Partial<Record<FuzzRole, string>> = {};
const statuses: Record<number, number> = {};
const problems: string[] = [];
let requests = 0;

/**
 * Refusals Fastify would answer before tRPC sees the request, in Fastify's own shape (`{ statusCode,
 * code, error, message }`, the message quoting the path), which the portal cannot read as a refusal.
 * The server answers every one of them with `fastifyRefusal` from @dd/api (its error handler and
 * frameworkErrors): none may come back in Fastify's shape.
 */
const ANSWERED_BY_FASTIFY: Record<string, string> = {};
const fastifyCodes = new Set<string>();

beforeAll(async () => {
  tdb = await createTestDatabase();
  testQueues = createTestQueues();
  const env = loadApiEnv({ PUBLIC_ORIGIN: ORIGIN, LOG_LEVEL: 'silent' });
  app = await buildServer({ env, db: tdb.db, queues: testQueues.queues, logger: pino({ level: 'silent' }), pingRedis: async () => 'PONG' });
  const cookieOf = (res: LightMyRequestResponse) => String(res.headers['set-cookie']).split(';')[0]!;
  const post = (path: string, body: unknown) => app.inject({ method: 'POST', url: `/trpc/${path}`, headers: { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  cookies.customer = cookieOf(await post('auth.signUpCustomer', { displayName: 'Eva Jansen', email: 'http-fuzz-klant@example.nl', password: PASSWORD }));
  cookies.advertiserUnverified = cookieOf(await post('auth.signUpAdvertiser', { displayName: 'Joost Bakker', email: 'http-fuzz-adv@example.nl', password: PASSWORD, organisationName: 'Bakker Media B.V.' }));
  // The first admin comes from ADMIN_EMAIL at start-up; here straight from the accounts service.
  await createAppServices(tdb.db, testQueues.queues, { sessionTtlHours: 1 }).accounts.ensureAdmin('http-fuzz-beheer@example.nl', PASSWORD);
  // The admin's session comes with the second step (set up at this first sign-in), not with the password.
  await signInThroughSecondStep(
    async (procedure, input) => {
      const res = await post(procedure, input);
      if (String(res.headers['set-cookie']).startsWith('dd_session=')) cookies.admin = cookieOf(res);
      return (res.json() as { result: { data: unknown } }).result.data;
    },
    'http-fuzz-beheer@example.nl',
    PASSWORD,
  );
  for (const role of ['customer', 'advertiserUnverified', 'admin'] as const) expect(cookies[role], role).toMatch(/^dd_session=./);
}, 120_000);

afterAll(async () => {
  const byStatus = Object.entries(statuses).map(([status, n]) => `${n}× ${status}`).join(', ');
  console.log(`http fuzz: ${requests} requests over ${PROCEDURES.length} procedures and the transport cases: ${byStatus}; ${problems.length} broken`);
  await app?.close();
  await testQueues?.close();
  await tdb?.drop();
});

interface Request {
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
  /** The procedure, for the known echoes. */
  path?: string;
}

/** What is wrong with one response: a 5xx, a refusal that is not the API's error shape, an echo. */
function check(request: Request, res: LightMyRequestResponse): string[] {
  const found: string[] = [];
  if (res.statusCode >= 500) found.push(`HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`);
  if (res.statusCode >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return [...found, `HTTP ${res.statusCode} without a JSON body: ${res.body.slice(0, 120)}`];
    }
    const fastifyCode = (body as { code?: unknown }).code;
    if (typeof fastifyCode === 'string' && fastifyCode.startsWith('FST_')) {
      fastifyCodes.add(fastifyCode);
      return fastifyCode in ANSWERED_BY_FASTIFY ? found : [...found, `HTTP ${res.statusCode} in Fastify's shape (${fastifyCode}): ${res.body.slice(0, 120)}`];
    }
    // A batch answers one envelope per call.
    for (const envelope of Array.isArray(body) ? body : [body]) {
      const error = (envelope as { error?: { message?: unknown; data?: { domainCode?: unknown } } }).error;
      if (!error) continue;
      if (typeof error.message !== 'string' || error.message.trim() === '') found.push(`HTTP ${res.statusCode} without a message: ${res.body.slice(0, 160)}`);
      const domainCode = error.data?.domainCode;
      if (typeof domainCode !== 'string' || !(domainCode in ERROR_CODES) || domainCode === 'UNAVAILABLE') found.push(`HTTP ${res.statusCode} without a reason code: ${res.body.slice(0, 160)}`);
    }
    if (!Array.isArray(body) && !(body as { error?: unknown }).error) found.push(`HTTP ${res.statusCode} not in the API's error shape: ${res.body.slice(0, 160)}`);
  }
  if (res.body.includes(MARKER) && res.statusCode >= 400 && !(request.path && isKnownEcho(request.path, request.label))) found.push(`echoes the request: ${res.body.slice(0, 160)}`);
  return found;
}

async function send(request: Request, role?: FuzzRole): Promise<LightMyRequestResponse> {
  const cookie = role ? cookies[role] : undefined;
  const res = await app.inject({
    method: request.method,
    url: request.url,
    headers: { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...request.headers },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  requests++;
  statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
  for (const problem of check(request, res)) problems.push(`${request.label} (${role ?? 'anonymous'}): ${problem}`);
  return res;
}

/** A call of `path` as the portal's client makes it: a query in the URL, a mutation in the body. */
function callOf(path: string, type: string, input: unknown, label: string): Request {
  const json = input === undefined ? undefined : JSON.stringify(input);
  return type === 'query'
    ? { label: `${path} ${label}`, path, method: 'GET', url: `/trpc/${path}${json === undefined ? '' : `?input=${encodeURIComponent(json)}`}` }
    : { label: `${path} ${label}`, path, method: 'POST', url: `/trpc/${path}`, ...(json === undefined ? {} : { payload: json }) };
}

describe('the HTTP sample of the fuzz', () => {
  it('every procedure, as a role it lets in and as a stranger, with a sample of the hostile inputs: no 5xx', async () => {
    for (const procedure of PROCEDURES) {
      const role = (['customer', 'advertiserUnverified', 'admin'] as const).find((r) => expectedOutcome(procedure.access, r) === 'allowed') ?? 'customer';
      const { hostile } = await fuzzCasesFor(procedure, { seed: SEED, generated: 1 });
      // Uploads are multipart, not JSON: imports.http.int.spec.ts and hardening.http.int.spec.ts send those.
      const sample = hostile.filter((c, i) => c.label.startsWith('input ') || i % SAMPLE_EVERY === 0);
      for (const { label, input } of sample) {
        // Every case of a procedure one sign-up: the per-address limit (20 an hour) would answer the rest with 429.
        if (procedure.path.startsWith('auth.signUp') && !label.startsWith('input ')) continue;
        await send(callOf(procedure.path, procedure.type, input, label), role);
      }
      const stranger = await send(callOf(procedure.path, procedure.type, undefined, 'without a session'));
      // The upload limit answers a statement upload without a length (411) before the session is looked at.
      if (procedure.access !== 'public') expect([401, ...(UPLOADS.has(procedure.path) ? [411] : [])], procedure.path).toContain(stranger.statusCode);
    }
    expect(problems.slice(0, 25), `${problems.length} broken`).toEqual([]);
  }, 120_000);

  it('what only HTTP can send: bodies, limits, methods, batches, paths, cookies: never a 5xx, always the error shape', async () => {
    const mutation = '/trpc/account.setLocale';
    const query = '/trpc/transactions.list';
    const transport: Request[] = [
      { label: 'truncated JSON', method: 'POST', url: mutation, payload: `{"locale":"${MARKER}` },
      { label: 'a raw NUL in the JSON', method: 'POST', url: mutation, payload: Buffer.from(`{"locale":"nl\u0000${MARKER}"}`) },
      { label: 'invalid UTF-8', method: 'POST', url: mutation, payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
      { label: 'a body over the 1 MB limit', method: 'POST', url: mutation, payload: JSON.stringify({ locale: 'nl', pad: `${MARKER}${'x'.repeat(1_100_000)}` }) },
      { label: '100,000 arrays deep', method: 'POST', url: mutation, payload: '['.repeat(100_000) + ']'.repeat(100_000) },
      { label: '200 objects deep', method: 'POST', url: mutation, payload: JSON.stringify(deepObject(200)) },
      { label: '__proto__ and constructor keys', method: 'POST', url: mutation, payload: JSON.stringify(withProtoKey({ locale: 'nl' })) },
      { label: 'an empty body', method: 'POST', url: mutation, payload: '' },
      { label: 'JSON null', method: 'POST', url: mutation, payload: 'null' },
      { label: 'text/plain', method: 'POST', url: mutation, payload: `locale=${MARKER}`, headers: { 'content-type': 'text/plain' } },
      { label: 'an unknown content type', method: 'POST', url: mutation, payload: MARKER, headers: { 'content-type': 'application/x-fuzz' } },
      { label: 'form-urlencoded', method: 'POST', url: mutation, payload: `locale=${MARKER}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { label: 'a mutation by GET', method: 'GET', url: `${mutation}?input=${encodeURIComponent('{"locale":"nl"}')}` },
      { label: 'a query by POST', method: 'POST', url: query, payload: '{}' },
      { label: 'PUT', method: 'PUT', url: mutation, payload: '{}' },
      { label: 'an unknown procedure', method: 'GET', url: `/trpc/${MARKER}.nothing` },
      { label: 'a procedure path with NUL', method: 'GET', url: `/trpc/transactions.list%00${MARKER}` },
      { label: 'a procedure path of 10,000 characters', method: 'GET', url: `/trpc/${'a.'.repeat(5_000)}` },
      { label: 'a __proto__ path', method: 'GET', url: '/trpc/__proto__.constructor' },
      { label: 'input that is not JSON', method: 'GET', url: `${query}?input=${encodeURIComponent(`{"cursor":"${MARKER}" x}`)}` },
      { label: 'input 200 arrays deep', method: 'GET', url: `${query}?input=${encodeURIComponent(JSON.stringify(deepArray(200)))}` },
      { label: 'input twice', method: 'GET', url: `${query}?input=%7B%7D&input=%7B%7D` },
      { label: 'a batch of the advertiser portal’s queries', method: 'GET', url: `/trpc/advertiser.segments.list,advertiser.purchases.list,billing.summary,reference.segmentOptions,advertiser.prices?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { locale: 'nl' }, 1: { locale: 'nl' } }))}` },
      { label: 'a batch of 300 calls', method: 'GET', url: `/trpc/${Array.from({ length: 300 }, () => 'transactions.list').join(',')}?batch=1&input=%7B%7D` },
      { label: 'a batch whose input is not an object', method: 'GET', url: `${query}?batch=1&input=${encodeURIComponent(JSON.stringify(HOSTILE_STRINGS['nul']))}` },
      { label: 'a batch mixing a mutation into queries', method: 'GET', url: `/trpc/transactions.list,account.setLocale?batch=1&input=%7B%7D` },
      { label: 'a session cookie of 8 KB', method: 'GET', url: query, headers: { cookie: `dd_session=${'x'.repeat(8_192)}` } },
      { label: 'a session cookie with odd characters', method: 'GET', url: query, headers: { cookie: `dd_session=%00%FF${MARKER}; dd_session=again` } },
      { label: 'no origin on a mutation', method: 'POST', url: mutation, payload: '{"locale":"nl"}', headers: { origin: `https://${MARKER}.example` } },
    ];
    for (const request of transport) {
      await send(request, 'customer');
    }
    expect(problems.slice(0, 25), `${problems.length} broken`).toEqual([]);
    // Still answered by Fastify: exactly these (a fix in the server shrinks the list).
    expect([...fastifyCodes].sort()).toEqual(Object.keys(ANSWERED_BY_FASTIFY).sort());
  }, 60_000);
});
