import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionService } from '@dd/accounts';
import { ADULT, insertAudienceMember } from '@dd/audience/testing';
import { PROFILE_CATEGORY_CODES } from '@dd/categories';
import { UPLOAD_NAME_HEADER } from '@dd/contract';
import { createTestDatabase, insertTestCustomer, testRedisUrl, type TestDatabase } from '@dd/db/testing';
import { createQueues, createRedisConnection } from '@dd/queue';
import { knownMunicipalities } from '@dd/segments';

/**
 * The platform as several machines run it: two API processes and two workers, each the real entry
 * point, on one PostgreSQL database and one Redis. Whatever must hold for the platform as a whole
 * (one answer per question, one privacy budget, one rate limit, one run per job) must hold here.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const ORIGIN = 'http://localhost:3000';
const TOWNS = [...knownMunicipalities().keys()].slice(0, 40);
// Ten new questions fit the month's estimate budget: 0.2 / 0.02.
const ESTIMATE_EPSILON = '0.02';
const MONTHLY_EPSILON = '0.2';
const BUDGET_QUESTIONS = 10;

interface Proc {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  exit: Promise<unknown>;
}

function start(entry: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exit: new Promise((resolve) => child.once('exit', resolve)) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until(what: string, proc: Proc, ready: () => Promise<boolean>, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited with ${proc.child.exitCode}:\n${proc.output()}`);
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} not ready in ${timeoutMs} ms:\n${proc.output()}`);
}

interface TrpcAnswer {
  result?: { data: unknown };
  error?: { data?: { domainCode?: string; reason?: { code: string } } };
}

let database: TestDatabase;
const prefix = `test-multi-${randomUUID()}`;
const apis: { base: string; proc: Proc }[] = [];
const workers: Proc[] = [];

/** One tRPC call as the portal's batch link sends it. */
async function call(api: number, path: string, input: unknown, cookie?: string): Promise<{ answer: TrpcAnswer; setCookie: string[] }> {
  const res = await fetch(`${apis[api]!.base}/trpc/${path}?batch=1`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ 0: input }),
  });
  const [answer] = (await res.json()) as TrpcAnswer[];
  return { answer: answer!, setCookie: res.headers.getSetCookie() };
}

let advertiserCookie = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const grants = [...PROFILE_CATEGORY_CODES, 'groceries'].flatMap((category) => [{ category, purpose: 'insights' as const }, { category, purpose: 'offers' as const }]);
  for (let i = 0; i < 120; i++) {
    await insertAudienceMember(database.db, { features: { ...ADULT, municipality: TOWNS[i % TOWNS.length] ?? null, spendBands: { groceries: (i % 5) + 1 } }, grants });
  }
  const shared = {
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: prefix,
    NODE_ENV: 'test',
    PUBLIC_ORIGIN: ORIGIN,
    PRIVACY_ESTIMATE_EPSILON: ESTIMATE_EPSILON,
    PRIVACY_ESTIMATE_MONTHLY_EPSILON: MONTHLY_EPSILON,
    ESTIMATES_PER_MINUTE: '10000',
  };
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    apis.push({ base: `http://127.0.0.1:${port}`, proc: start('apps/api/src/main.ts', { ...shared, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }) });
    workers.push(start('apps/worker/src/main.ts', { ...shared, LOG_LEVEL: 'info', WORKER_CONCURRENCY: '2' }));
  }
  await Promise.all([
    ...apis.map(({ base, proc }, i) => until(`API ${i}`, proc, async () => (await fetch(`${base}/healthz`)).ok)),
    ...workers.map((proc, i) => until(`worker ${i}`, proc, async () => proc.output().includes('"msg":"worker ready"'))),
  ]);

  const { answer, setCookie } = await call(0, 'auth.signUpAdvertiser', {
    displayName: 'Joost Bakker',
    email: `adv-${randomUUID()}@example.nl`,
    password: 'correct horse battery staple 42',
    organisationName: 'Bakker Media B.V.',
    locale: 'en',
  });
  const organisationId = (answer.result?.data as { organisation: { id: string } } | undefined)?.organisation.id;
  if (!organisationId) throw new Error(`sign-up failed: ${JSON.stringify(answer)}`);
  advertiserCookie = setCookie.find((c) => c.startsWith('dd_session='))!.split(';')[0]!;
  // As an administrator's verification would.
  await database.db.updateTable('organisations').set({ status: 'verified', kvk_number: '31415926' }).where('id', '=', organisationId).execute();
}, 240_000);

afterAll(async () => {
  for (const proc of [...apis.map((a) => a.proc), ...workers]) {
    if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
  }
  await Promise.all([...apis.map((a) => a.proc), ...workers].map((proc) => Promise.race([proc.exit, sleep(10_000).then(() => proc.child.kill('SIGKILL'))])));
  const connection = createRedisConnection(testRedisUrl, 'worker');
  const queues = createQueues(connection, prefix);
  for (const queue of queues.all()) await queue.obliterate({ force: true });
  await queues.close();
  await connection.quit();
  await database?.drop();
}, 60_000);

const estimate = (api: number, segment: unknown) => call(api, 'advertiser.estimate', { segment, purpose: 'insights', locale: 'en' }, advertiserCookie).then((r) => r.answer);

describe('two API processes and two workers on one database and one Redis', () => {
  it('answer a new question asked of both at once with the same released estimate, charged once', async () => {
    for (const town of TOWNS.slice(0, 2)) {
      const segment = { op: 'any', of: [{ field: 'municipality', in: [town] }, { field: 'spend', category: 'groceries', min: 4, max: 5 }] };
      const answers = await Promise.all([estimate(0, segment), estimate(1, segment), estimate(0, segment), estimate(1, segment)]);
      for (const answer of answers) expect(answer.error).toBeUndefined();
      expect(new Set(answers.map((a) => JSON.stringify(a.result?.data))).size).toBe(1);
    }
    const rows = await database.db.selectFrom('privacy_releases').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', '=', 'estimate').executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(2);
  });

  it('share one privacy budget: concurrent new questions on both never spend more than the pool', async () => {
    const asked = 16;
    const answers = await Promise.all(TOWNS.slice(10, 10 + asked).map((town, i) => estimate(i % 2, { field: 'municipality', in: [town] })));
    const released = answers.filter((a) => a.result).length;
    const refused = answers.filter((a) => a.error?.data?.reason?.code === 'estimateBudgetSpent').length;
    // Two questions of the previous test were charged to the same month's pool.
    expect(released).toBe(BUDGET_QUESTIONS - 2);
    expect(refused).toBe(asked - released);
    const spent = await database.db
      .selectFrom('privacy_releases')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('epsilon_micro').as('micro')])
      .where('kind', '=', 'estimate')
      .executeTakeFirstOrThrow();
    expect(Number(spent.n)).toBe(BUDGET_QUESTIONS);
    expect(Number(spent.micro)).toBe(BUDGET_QUESTIONS * 20_000);
  });

  it('count one sign-in limit across both: the eleventh guess is refused whichever process gets it', async () => {
    const email = `nobody-${randomUUID()}@example.nl`;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => call(i % 2, 'auth.signIn', { email, password: `guess ${i}` }).then((r) => r.answer)));
    const codes = answers.map((a) => a.error?.data?.domainCode);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(2);
  });

  it('run every queued import exactly once, on one of the two workers', async () => {
    const statement = readFileSync(fileURLToPath(new URL('../../../libs/data-import/fixtures/ing/ing-current-comma.csv', import.meta.url)));
    const sessions = createSessionService({ db: database.db, ttlHours: 1 });
    const customers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const id = await insertTestCustomer(database.db, { birthYear: 1985 });
        return { id, cookie: `dd_session=${(await sessions.issue(id)).token}` };
      }),
    );
    const uploadIds = await Promise.all(
      customers.map(async ({ cookie }, i) => {
        const res = await fetch(`${apis[i % 2]!.base}/trpc/imports.upload`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'x-trpc-source': 'portal', cookie, 'content-type': 'application/octet-stream', [UPLOAD_NAME_HEADER]: 'ing.csv' },
          body: statement,
        });
        const answer = (await res.json()) as { result?: { data: { id: string } } };
        if (!answer.result) throw new Error(`upload refused (${res.status}): ${JSON.stringify(answer)}`);
        return answer.result.data.id;
      }),
    );
    const deadline = Date.now() + 30_000;
    let rows: { id: string; status: string; rows_imported: number | null }[] = [];
    while (Date.now() < deadline) {
      rows = await database.db.selectFrom('uploads').select(['id', 'status', 'rows_imported']).where('id', 'in', uploadIds).execute();
      if (rows.every((row) => row.status === 'imported' || row.status === 'failed')) break;
      await sleep(200);
    }
    expect(rows.map((row) => row.status)).toEqual(uploadIds.map(() => 'imported'));
    const perCustomer = await database.db
      .selectFrom('transactions')
      .select(['customer_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('customer_id', 'in', customers.map((c) => c.id))
      .groupBy('customer_id')
      .execute();
    expect(new Set(perCustomer.map((row) => Number(row.n))).size).toBe(1);
    expect(perCustomer).toHaveLength(customers.length);

    // Each job started once in all the workers' logs together.
    const started = workers
      .flatMap((worker) => worker.output().split('\n'))
      .filter((line) => line.includes('"msg":"job started"') && line.includes('"job":"statement.import"'))
      .map((line) => (JSON.parse(line) as { jobId: string }).jobId);
    expect(started.sort()).toEqual(uploadIds.map((id) => `import-${id}`).sort());
  });
});
