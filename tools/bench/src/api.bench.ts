import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchDatabase } from './bench-database';
import { formatTopSelfTime, topSelfTime } from './cpu-profile.summary';
import { drive, type Route, type RouteResult } from './http-load';
import { freePort, startNodeProcess, waitUntil, type NodeProcess } from './node-process';
import { sampleSegments } from './segment.sampler';

/**
 * `npm run bench:api [-- --customers 20000 --seconds 10 --keep --cpu-prof]`: the API's hot path under load.
 * Seeds a throw-away database (`npm run seed`'s population and demo accounts), starts the real API
 * process, signs in the seed's verified demo advertiser and drives, one after another with c=50:
 *
 * - `advertiser.estimate` as the live segment builder sends it, cycling through `--segments`
 *   distinct questions. Each was asked once during the warm-up (a new question is a privacy
 *   release: one count and one charge to the organisation's monthly ε pool, at most 250 a day), so
 *   the measured load is the builder's repeats: session, role, organisation, validation and the
 *   stored release, answered from the ledger with no new ε spent.
 * - `auth.me`: the session lookup alone.
 * - A bare Fastify JSON route in a process of its own: the baseline of the same run.
 * - A tRPC mutation that does nothing, on tRPC's stock Fastify adapter in that same process, sent the
 *   estimate's bodies: what the stack costs before the API does anything (the `trpc-floor:` line).
 *
 * The organisation's per-minute estimate limit is raised for the run (it would refuse almost every
 * request at c=50); everything else is the platform's default configuration, LOG_LEVEL=info.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20000' },
    months: { type: 'string', default: '1' },
    segments: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    // Keeps the seeded database (dd_bench_api_<customers>_<months>) and reuses it next time: seeding takes minutes.
    keep: { type: 'boolean', default: false },
    // Profiles the API process while it is measured and prints its hottest functions.
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
const months = Number(values.months);
const segmentCount = Number(values.segments);
const seconds = Number(values.seconds);
const warmupSeconds = Number(values['warmup-seconds']);
const connections = Number(values.connections);
for (const [name, value, max] of [
  ['--customers', customers, 1_000_000],
  ['--months', months, 36],
  ['--segments', segmentCount, 250],
  ['--seconds', seconds, 600],
  ['--warmup-seconds', warmupSeconds, 600],
  ['--connections', connections, 1_000],
] as const) {
  if (!Number.isInteger(value) || value < (name === '--warmup-seconds' ? 0 : 1) || value > max) {
    console.error(`${name} must be a whole number up to ${max}`);
    process.exit(2);
  }
}

const ORIGIN = 'http://localhost:3000';
const ADVERTISER = { email: 'advertiser@demo.datadividend.test', password: 'demo-advertiser-2026!' };
const redisUrl = process.env['BENCH_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `dd-bench-${randomBytes(4).toString('hex')}`;

/** `npm run seed` itself, in a process of its own, on the bench database. */
function seed(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/seed/src/seed.cli.ts', '--customers', String(customers), '--months', String(months)], {
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`seed exited with ${code}:\n${output}`))));
  });
}

const bench = await createBenchDatabase(values.keep ? { name: `dd_bench_api_${customers}_${months}`, keep: true } : {});
const children: NodeProcess[] = [];
const profileDir = values['cpu-prof'] ? mkdtempSync(join(tmpdir(), 'dd-api-prof-')) : undefined;
try {
  const url = new URL(process.env['BENCH_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/postgres');
  url.pathname = `/${bench.name}`;
  if (bench.created) {
    const seedOutput = await seed(url.toString());
    console.log(seedOutput.split('\n').find((line) => line.startsWith('seed: customers=') && line.includes('rows_per_s')) ?? 'seed: done');
  } else console.log(`seed: reusing ${bench.name}`);

  const [apiPort, barePort] = [await freePort(), await freePort()];
  const api = startNodeProcess(
    'apps/api/src/main.ts',
    {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      // Production refuses the example platform account; nothing on the measured path reads NODE_ENV.
      NODE_ENV: 'development',
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: ORIGIN,
      LOG_LEVEL: 'info',
      ESTIMATES_PER_MINUTE: '100000000',
    },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const bare = startNodeProcess('tools/bench/src/bare-fastify.server.ts', { PATH: process.env['PATH'], PORT: String(barePort) });
  children.push(api, bare);
  const apiBase = `http://127.0.0.1:${apiPort}`;
  await waitUntil(api, 'The API', async () => (await fetch(`${apiBase}/healthz`)).status === 200);
  await waitUntil(bare, 'The bare Fastify server', async () => (await fetch(`http://127.0.0.1:${barePort}/bare`)).status === 200);

  const portalHeaders = { origin: ORIGIN, 'x-trpc-source': 'portal', 'content-type': 'application/json' };
  const signIn = await fetch(`${apiBase}/trpc/auth.signIn?batch=1`, {
    method: 'POST',
    headers: portalHeaders,
    body: JSON.stringify({ 0: ADVERTISER }),
  });
  const sessionCookie = (signIn.headers.getSetCookie().find((c) => c.startsWith('dd_session=')) ?? '').split(';')[0];
  if (!signIn.ok || !sessionCookie) throw new Error(`sign-in failed (${signIn.status}): ${await signIn.text()}`);
  const headers = { ...portalHeaders, cookie: sessionCookie };

  // What the portal's httpBatchLink sends for one settled tree (use-segment-estimate.ts).
  const bodies = sampleSegments(segmentCount, 7).map((s, i) =>
    JSON.stringify({ 0: { segment: s.tree, purpose: s.purpose, locale: i % 2 === 0 ? 'nl' : 'en' } }),
  );
  // The first ask of each question: the releases the measured repeats read back.
  let refused = 0;
  for (const body of bodies) {
    const res = await fetch(`${apiBase}/trpc/advertiser.estimate?batch=1`, { method: 'POST', headers, body });
    if (!res.ok) refused += 1;
    await res.arrayBuffer();
  }
  if (refused > 0) throw new Error(`${refused} of ${bodies.length} first questions were refused`);

  const routes: Route[] = [
    { name: 'advertiser.estimate', url: `${apiBase}/trpc/advertiser.estimate?batch=1`, method: 'POST', headers, bodies },
    { name: 'auth.me', url: `${apiBase}/trpc/auth.me`, method: 'GET', headers: { cookie: sessionCookie } },
    { name: 'bare Fastify route', url: `http://127.0.0.1:${barePort}/bare`, method: 'GET' },
    {
      name: 'tRPC no-op (stock adapter)',
      url: `http://127.0.0.1:${barePort}/trpc/noop?batch=1`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      bodies,
    },
  ];
  const results: RouteResult[] = [];
  for (const route of routes) results.push(await drive(route, { connections, seconds, warmupSeconds }));

  console.log(`api bench: ${customers} customers, ${segmentCount} distinct segments (asked once before, measured as repeats), c=${connections}, ${seconds} s per route after ${warmupSeconds} s warm-up`);
  console.log(`load average (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  console.log('| route | req/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  // A refusal is a broken bench (a limit or a bad segment), not a slow API; timeouts are reported, not fatal.
  const refusedRoutes = results.filter((r) => r.non2xx > 0);
  if (refusedRoutes.length > 0) throw new Error(`refused requests on ${refusedRoutes.map((r) => r.name).join(', ')}`);
  for (const r of results) if (r.errors > 0) console.log(`warning: ${r.errors} ${r.name} requests timed out or failed (autocannon's 10 s timeout)`);

  if (profileDir) {
    await api.stop();
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written to ${profileDir}`);
    const summary = topSelfTime(join(profileDir, file));
    console.log(`API process profile (${join(profileDir, file)}), top self time of ${summary.totalMs.toFixed(0)} ms:`);
    for (const line of formatTopSelfTime(summary)) console.log(line);
  }
  const [estimate, , baseline, noop] = results as [RouteResult, RouteResult, RouteResult, RouteResult];
  // What tRPC itself leaves of the bare route on this machine: the ceiling for any procedure.
  console.log(`trpc-floor: noop_rps=${Math.round(noop.rps)} p99_ms=${noop.p99} ratio_to_bare=${(noop.rps / baseline.rps).toFixed(3)} estimate_to_noop=${(estimate.rps / noop.rps).toFixed(3)}`);
  console.log(
    `api: c=${connections} estimate_rps=${Math.round(estimate.rps)} p99_ms=${estimate.p99} bare_rps=${Math.round(baseline.rps)} ratio=${(estimate.rps / baseline.rps).toFixed(3)}`,
  );
} finally {
  await Promise.all(children.map((child) => child.stop()));
  await bench.drop();
}
