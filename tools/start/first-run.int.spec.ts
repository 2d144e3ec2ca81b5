import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from '@dd/queue/testing';

/**
 * The first run as a newcomer meets it: a copy of the checkout with no `.data/`, no built portal
 * and no configuration, `npm start`, then real use while it runs, then SIGTERM. The only variables
 * set keep this run apart from others on the machine (port and queue prefix).
 */
const repo = resolve(import.meta.dirname, '../..');
let checkout: string;
let platform: ChildProcess;
let output = '';
let baseUrl: string;
/** The signed-in customer of the checks below. */
let cookie: string;
const portalHeaders = () => ({ origin: baseUrl, 'x-trpc-source': 'portal' });

function copyCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-first-run-'));
  // As root the embedded PostgreSQL runs as the "postgres" user, which must be able to enter it.
  chmodSync(dir, 0o755);
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(repo, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repo, file), join(dir, file));
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** The variables of a fresh shell: no DATABASE_URL, NODE_ENV or anything a test runner set. */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'USER', 'LANG', 'TMPDIR'];
  return { ...Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]])), ...extra };
}

function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of table) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs / 1000} s. Output:\n${output.slice(-4_000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  checkout = copyCheckout();
  const port = await unusedPort();
  baseUrl = `http://localhost:${port}`;
  platform = spawn('npm', ['start'], {
    cwd: checkout,
    env: newcomerEnv({ PORT: String(port), PUBLIC_ORIGIN: baseUrl, QUEUE_PREFIX: `first-run-${randomBytes(3).toString('hex')}` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  platform.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  platform.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
}, 30_000);

afterAll(() => {
  if (platform && platform.exitCode === null) platform.kill('SIGKILL');
  if (checkout) rmSync(checkout, { recursive: true, force: true });
});

describe('the first run of a fresh checkout', () => {
  it('becomes healthy within 120 s, portal built on the way', async () => {
    const started = Date.now();
    const health = await waitFor('npm start was not healthy', async () => {
      const res = await fetch(`${baseUrl}/healthz`);
      return res.ok ? ((await res.json()) as unknown) : undefined;
    }, 120_000);
    expect(health).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(existsSync(join(checkout, 'apps/portal/dist/index.html'))).toBe(true);
    const page = await fetch(`${baseUrl}/`);
    expect(await page.text()).toContain('<div id="root">');
    expect(output).toContain('using the embedded PostgreSQL in .data/postgres');
  }, 130_000);

  it('answers 500 signed-in queries, 25 in flight, without one error', async () => {
    const headers = { origin: baseUrl, 'x-trpc-source': 'portal', 'content-type': 'application/json' };
    const signUp = await fetch(`${baseUrl}/trpc/auth.signUpCustomer`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ displayName: 'Eerste Keer', email: `eerste-${randomBytes(3).toString('hex')}@example.nl`, password: 'Tulpenveld-Lente-7' }),
    });
    expect(signUp.status).toBe(200);
    cookie = String(signUp.headers.get('set-cookie')).split(';')[0]!;
    const paths = [
      `/trpc/transactions.list?input=${encodeURIComponent(JSON.stringify({}))}`,
      `/trpc/transactions.spending?input=${encodeURIComponent(JSON.stringify({ months: 6 }))}`,
      '/trpc/auth.me',
    ];
    const failures: string[] = [];
    let next = 0;
    const client = async () => {
      while (next < 500) {
        const path = paths[next++ % paths.length]!;
        const res = await fetch(`${baseUrl}${path}`, { headers: { ...headers, cookie } });
        const body = await res.text();
        if (res.status !== 200 || !body.includes('"result"')) failures.push(`${res.status} ${path}: ${body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 25 }, client));
    expect(failures).toEqual([]);
  }, 120_000);

  it('seeds 300 customers into the running platform’s database', () => {
    const seeded = execFileSync('npm', ['run', 'seed', '--', '--customers', '300'], {
      cwd: checkout,
      env: newcomerEnv({}),
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(seeded).toMatch(/database=shared/);
    expect(seeded).toMatch(/customers=300/);
  }, 250_000);

  it('comes back after the worker is killed, and SIGTERM leaves no process behind', async () => {
    const worker = await waitFor('no worker process', async () => {
      const pids = descendants(platform.pid!);
      const found = pids.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('apps/worker/src/main.ts'));
      return found;
    }, 10_000);
    const readyBefore = output.split('worker ready').length;
    process.kill(worker, 'SIGKILL');
    await waitFor('the worker was not back', async () => (output.split('worker ready').length > readyBefore ? true : undefined), 10_000);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);

    // The restarted worker does the work: a statement upload is imported.
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(repo, 'libs/data-import/fixtures/ing/ing-current-comma.csv'))], { type: 'text/csv' }), 'ing.csv');
    const upload = await fetch(`${baseUrl}/trpc/imports.upload`, { method: 'POST', headers: { ...portalHeaders(), cookie }, body: form });
    expect(upload.status).toBe(200);
    const status = await waitFor('the upload was not imported', async () => {
      const res = await fetch(`${baseUrl}/trpc/imports.list`, { headers: { ...portalHeaders(), cookie } });
      const [latest] = ((await res.json()) as { result: { data: { status: string }[] } }).result.data;
      return latest && !['stored', 'parsing'].includes(latest.status) ? latest.status : undefined;
    }, 20_000);
    expect(status).toBe('imported');

    const postmaster = Number(readFileSync(join(checkout, '.data/postgres/postmaster.pid'), 'utf8').split('\n')[0]);
    const processes = [...descendants(platform.pid!), postmaster];
    expect(processes.length).toBeGreaterThanOrEqual(4); // start, API, worker, PostgreSQL (and its helpers)
    platform.kill('SIGTERM');
    await waitFor('npm start did not exit', async () => (platform.exitCode !== null || platform.signalCode !== null ? true : undefined), 30_000);
    await waitFor('processes were left behind', async () => (processes.every((pid) => !alive(pid)) ? true : undefined), 15_000);
    expect(processes.filter(alive)).toEqual([]);
    expect(platform.exitCode).toBe(0);
  }, 60_000);
});
