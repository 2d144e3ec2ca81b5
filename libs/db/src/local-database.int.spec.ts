import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from './local-database';

const base = mkdtempSync(join(tmpdir(), 'dd-embedded-'));
chmodSync(base, 0o755); // as root the server runs as "postgres", which must be able to enter
const dataDir = join(base, '.data/postgres');
const opened: LocalDatabase[] = [];

afterAll(async () => {
  for (const database of opened.reverse()) await database.stop().catch(() => undefined);
  rmSync(base, { recursive: true, force: true });
});

const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('the embedded PostgreSQL', () => {
  it('is a real server: 200 concurrent parameterised queries through a pool all get their own answer', async () => {
    const database = await openLocalDatabase(undefined, { dataDir });
    opened.push(database);
    expect(database.kind).toBe('embedded');
    const pool = new pg.Pool({ connectionString: database.url, max: 20 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => pool.query<{ v: number; s: string }>('select $1::int * 2 as v, $2::text as s, pg_sleep(0.001)', [i, `q${i}`])));
    await pool.end();
    expect(results.map((r) => [r.rows[0]!.v, r.rows[0]!.s])).toEqual(Array.from({ length: 200 }, (_, i) => [i * 2, `q${i}`]));
    const version = await new pg.Client({ connectionString: database.url });
    await version.connect();
    const { rows } = await version.query<{ server_version_num: string }>('show server_version_num');
    await version.end();
    expect(Math.floor(Number(rows[0]!.server_version_num) / 10_000)).toBe(18);
  });

  it('is shared with other processes of the checkout while its owner runs', async () => {
    const again = await openLocalDatabase(undefined, { dataDir });
    expect(again.kind).toBe('shared');
    expect(again.url).toBe(opened[0]!.url);
    const state = JSON.parse(readFileSync(`${dataDir}.json`, 'utf8')) as { ownerPid: number };
    expect(state.ownerPid).toBe(process.pid);
  });

  it('keeps its data across a restart on the recorded port', async () => {
    const client = new pg.Client({ connectionString: opened[0]!.url });
    await client.connect();
    await client.query('create table kept (v text)');
    await client.query(`insert into kept values ('still here')`);
    await client.end();
    const { port } = JSON.parse(readFileSync(`${dataDir}.json`, 'utf8')) as { port: number };
    await opened.pop()!.stop();
    const reopened = await openLocalDatabase(undefined, { dataDir });
    opened.push(reopened);
    expect(reopened.kind).toBe('embedded');
    expect(new URL(reopened.url).port).toBe(String(port));
    const check = new pg.Client({ connectionString: reopened.url });
    await check.connect();
    expect((await check.query('select v from kept')).rows).toEqual([{ v: 'still here' }]);
    await check.end();
  });

  it('takes over a server whose owner died instead of sharing it', async () => {
    await opened.pop()!.stop();
    // An owner that is gone: a process that has exited by the time we look.
    const ghost = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => ghost.once('exit', r));
    const database = await openLocalDatabase(undefined, { dataDir });
    opened.push(database);
    const before = postmasterPid();
    const state = JSON.parse(readFileSync(`${dataDir}.json`, 'utf8')) as Record<string, unknown>;
    writeFileSync(`${dataDir}.json`, JSON.stringify({ ...state, ownerPid: ghost.pid }));
    const takenOver = await openLocalDatabase(undefined, { dataDir });
    opened.push(takenOver);
    expect(takenOver.kind).toBe('embedded');
    expect(postmasterPid()).not.toBe(before);
  });

  it('never treats another folder’s server as its own', async () => {
    const other = resolve(base, 'other/.data/postgres');
    const database = await openLocalDatabase(undefined, { dataDir: other });
    opened.push(database);
    expect(database.kind).toBe('embedded');
    expect(database.url).not.toBe(opened.at(-2)!.url);
    const owners = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(`-D ${other}`));
    expect(owners).toHaveLength(1);
  });
});
