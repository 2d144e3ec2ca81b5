import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createSessionService } from '@dd/accounts';
import { UPLOAD_NAME_HEADER } from '@dd/contract';
import { createQueues, createRedisConnection } from '@dd/queue';
import { createBenchDatabase } from './bench-database';
import { freePort, startNodeProcess, waitUntil, type NodeProcess } from './node-process';
import { percentile } from './percentile';
import { HOSTILE_SHAPES, STATEMENT_SHAPES, statementOfShape } from './statement-shapes';

/**
 * `npm run bench:upload-latency [-- --hostile]`: does one big upload stall everyone else? Starts the real API and
 * worker processes on a throw-away database, probes `GET /healthz` one request after another while
 * idle (the baseline, same run), then again while five 19 MB statements (ING, Rabobank, ABN AMRO,
 * CAMT.053, ING in Windows-1252) are uploaded at once and imported. The window "during parsing"
 * runs from the first byte sent until the last import has finished, so it covers the API receiving
 * and storing the files as well as the worker reading them. `--hostile` uploads five one-line files
 * instead (see HOSTILE_SHAPES), which the worker refuses.
 */
const { values } = parseArgs({
  options: {
    uploads: { type: 'string', default: '5' },
    'size-mb': { type: 'string', default: '19' },
    'idle-seconds': { type: 'string', default: '5' },
    // Five one-line files that are no statement (the shape that stalled the API longest) instead of real statements.
    hostile: { type: 'boolean', default: false },
  },
});
const shapes = values.hostile ? HOSTILE_SHAPES : STATEMENT_SHAPES;
const uploads = Number(values.uploads);
const sizeMb = Number(values['size-mb']);
const idleSeconds = Number(values['idle-seconds']);
if (!Number.isInteger(uploads) || uploads < 1 || uploads > 20) {
  console.error('--uploads must be a whole number from 1 to 20');
  process.exit(2);
}
if (!Number.isFinite(sizeMb) || sizeMb <= 0 || sizeMb >= 20) {
  console.error('--size-mb must be above 0 and below the 20 MB upload limit');
  process.exit(2);
}

const redisUrl = process.env['BENCH_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `dd-bench-${randomBytes(4).toString('hex')}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const ORIGIN = 'http://localhost:3000';

interface Sample {
  /** When the probe was sent, in epoch milliseconds (comparable across threads). */
  at: number;
  ms: number;
}

/**
 * Sequential probes, 10 ms apart, from a thread of their own: the bench's main thread sends 95 MB
 * meanwhile, and its own pauses (copies, garbage collection) must not count as the API's.
 */
const PROBE_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { setTimeout: sleep } = require('node:timers/promises');
let current = null;
async function loop(state) {
  while (current === state) {
    const started = performance.now();
    const res = await fetch(workerData.url, { signal: AbortSignal.timeout(30000) });
    await res.arrayBuffer();
    if (res.status !== 200) state.failures += 1;
    state.samples.push({ at: performance.timeOrigin + started, ms: performance.now() - started });
    await sleep(10);
  }
  parentPort.postMessage({ samples: state.samples, failures: state.failures });
}
parentPort.on('message', (message) => {
  if (message === 'start') {
    current = { samples: [], failures: 0 };
    void loop(current);
  } else current = null;
});
`;

const prober = new Worker(PROBE_THREAD, { eval: true, workerData: { url: `${base}/healthz` } });
prober.unref();

/** Probes until `until` resolves. */
async function probe(until: Promise<unknown>): Promise<Sample[]> {
  const answer = new Promise<{ samples: Sample[]; failures: number }>((resolve) => prober.once('message', resolve));
  prober.postMessage('start');
  await until.catch(() => undefined);
  prober.postMessage('stop');
  const { samples, failures } = await answer;
  await until;
  if (failures > 0) throw new Error(`/healthz failed ${failures} times`);
  return samples;
}

const epochNow = () => performance.timeOrigin + performance.now();

const stats = (samples: readonly Sample[]) => {
  const ms = samples.map((sample) => sample.ms);
  return { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) };
};
const ms = (value: number) => value.toFixed(1);

const bench = await createBenchDatabase();
const children: NodeProcess[] = [];
const redis = createRedisConnection(redisUrl, 'producer');
const queues = createQueues(redis, prefix);
try {
  const { db } = bench;
  const url = new URL(process.env['BENCH_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres');
  url.pathname = `/${bench.name}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'development',
    DATABASE_URL: url.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: ORIGIN,
    LOG_LEVEL: 'warn',
  };
  const api = startNodeProcess('apps/api/src/main.ts', env);
  const worker = startNodeProcess('apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'info' });
  children.push(api, worker);
  await waitUntil(api, 'The API', async () => (await fetch(`${base}/healthz`)).status === 200);
  await waitUntil(worker, 'The worker', async () => worker.output().includes('worker ready'));

  // One customer per upload, signed in by a session issued in the database (no sign-up throttling in the way).
  const sessions = createSessionService({ db, ttlHours: 1 });
  const files = [];
  for (let i = 0; i < uploads; i += 1) {
    const { id } = await db
      .insertInto('users')
      .values({ email: `bench-${i}@example.nl`, password_hash: 'x', role: 'customer', display_name: `Bench ${i}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('customer_profiles').values({ user_id: id }).execute();
    const { token } = await sessions.issue(id);
    const shape = shapes[i % shapes.length]!;
    const statement = statementOfShape(shape, Math.floor(sizeMb * 1024 * 1024));
    files.push({ shape, cookie: `dd_session=${token}`, size: statement.bytes.length, name: statement.name, body: statement.bytes });
  }

  const idle = await probe(sleep(idleSeconds * 1000));

  const uploadStarted = epochNow();
  let accepted = 0;
  const imported = (async () => {
    const answers = await Promise.all(
      files.map(async (file) => {
        const res = await fetch(`${base}/trpc/imports.upload`, {
          method: 'POST',
          // As the portal sends it: the file itself, its name in a header.
          headers: { origin: ORIGIN, 'x-trpc-source': 'portal', cookie: file.cookie, 'content-type': 'application/octet-stream', [UPLOAD_NAME_HEADER]: file.name },
          body: file.body,
        });
        const answer = (await res.json()) as { result?: { data: { id: string } }; error?: unknown };
        if (!answer.result) throw new Error(`upload of ${file.shape} refused (${res.status}): ${JSON.stringify(answer.error)}`);
        accepted = epochNow();
        return answer.result.data.id;
      }),
    );
    // The worker writes the final status; the bench reads it from the database, not through the API it measures.
    for (;;) {
      const rows = await db.selectFrom('uploads').select(['id', 'status', 'rows_imported', 'error']).where('id', 'in', answers).execute();
      const unfinished = rows.filter((row) => row.status !== 'imported' && row.status !== 'failed');
      if (unfinished.length === 0) return rows;
      await sleep(250);
    }
  })();
  const busy = await probe(imported);
  const rows = await imported;
  const parsedSeconds = (epochNow() - uploadStarted) / 1000;

  // Real statements must import; the hostile files must end failed, with the line-length reason.
  const unexpected = rows.filter((row) => (values.hostile ? row.status !== 'failed' : row.status !== 'imported'));
  if (unexpected.length > 0) throw new Error(`unexpected outcome: ${JSON.stringify(unexpected).slice(0, 2_000)}`);
  const totalRows = rows.reduce((sum, row) => sum + (row.rows_imported ?? 0), 0);
  const i = stats(idle);
  const b = stats(busy);
  // The two parts of the busy window: the API receiving and storing the files, then only the worker reading them.
  const receiving = busy.filter((sample) => sample.at < accepted);
  const reading = busy.filter((sample) => sample.at >= accepted);
  const line = (label: string, samples: readonly Sample[]) => {
    if (samples.length === 0) return `${label} no probes`;
    const s = stats(samples);
    return `${label} /healthz n=${s.n} p50=${ms(s.p50)} ms p99=${ms(s.p99)} ms max=${ms(s.max)} ms`;
  };
  console.log(`files: ${files.map((f) => `${f.shape} ${(f.size / 1024 / 1024).toFixed(1)} MB`).join(', ')}`);
  console.log(`all ${uploads} uploads answered after ${((accepted - uploadStarted) / 1000).toFixed(2)} s; all ${values.hostile ? "refused" : `imported (${totalRows} rows)`} after ${parsedSeconds.toFixed(1)} s`);
  console.log(`idle:           /healthz n=${i.n} p50=${ms(i.p50)} ms p99=${ms(i.p99)} ms max=${ms(i.max)} ms`);
  console.log(`during parsing: /healthz n=${b.n} p50=${ms(b.p50)} ms p99=${ms(b.p99)} ms max=${ms(b.max)} ms`);
  console.log(line('  of which while the API received the files:', receiving));
  console.log(line('  of which while only the worker read them: ', reading));
  console.log(`upload-latency: uploads=${uploads} size_mb=${sizeMb} healthz_p99_ms=${ms(b.p99)} idle_p99_ms=${ms(i.p99)}`);
} finally {
  await prober.terminate();
  await Promise.all(children.map((child) => child.stop()));
  for (const queue of queues.all()) await queue.obliterate({ force: true }).catch(() => undefined);
  await queues.close();
  redis.disconnect();
  await bench.drop();
}
